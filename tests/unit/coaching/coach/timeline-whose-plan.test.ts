/**
 * timelineMonths is the lead's own plan to move, buy, sell, list or close (subgraphs/coaching/coach/timeline-events.ts).
 * Sentences written for these tests: spans that belong to someone else (a builder, a wholesaler, a neighbour),
 * things falling together, a someday and a past act give no timeline; the lead's own plans — also when somebody
 * else sets them or the lead's plan waits on them — still do.
 */
import { AgentRole, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';

const NOW = new Date('2025-01-15T12:00:00Z');
const timeline = (text: string): number | undefined =>
  extractSlots([{ speaker: Speaker.LEAD, text }], { role: AgentRole.BUYER_AGENT, now: NOW }).timelineMonths;

describe("timeline — not the lead's plan", () => {
  it.each([
    ["the five of us all have birthdays in one month, it's a zoo", 'things falling together'],
    ['the builder says the model will be ready in 7 months', "the builder's schedule"],
    ['maybe in a few years when my wife retires we will look again', 'a someday'],
    ['someday, down the road, in a couple of years maybe', 'a someday'],
    ['we pulled the house off the market in november', 'a past act'],
    ['the market will turn in 6 months if you ask me', "the market's course"],
  ])('%s → none (%s)', (text) => {
    expect(timeline(text)).toBeUndefined();
  });
});

describe("timeline — the lead's plan, whoever sets it", () => {
  it.each([
    ['our landlord wants us out in 60 days', 2],
    ["we won't list until the addition is finished, the builder says about 4 months", 4],
    ["we'd like it on the market within 3 weeks", 1],
    ['i need to be out of the apartment in 5 weeks', 2],
    ['we plan to buy in about 8 months', 8],
    ['we need to close in 6 weeks, our buyer is waiting', 2],
  ])('%s → %d', (text, months) => {
    expect(timeline(text)).toBe(months);
  });
});
