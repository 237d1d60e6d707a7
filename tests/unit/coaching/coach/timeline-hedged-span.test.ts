/**
 * A hedged span standing alone at the end of a clause closes the lead's plan ("…after tax season. bout 4
 * months", "…once school is out, like 6 months"), texted hedges included ("probly 8 months before we …"); a
 * span after "for" or in a sentence about what has been is a duration, no timeline. Written for these tests.
 */
import { AgentRole, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';

const timeline = (text: string): number | undefined =>
  extractSlots([{ speaker: Speaker.LEAD, text }], {
    role: AgentRole.LISTING_AGENT,
    now: new Date('2026-03-10T12:00:00Z'),
  }).timelineMonths;

describe('timeline: hedged spans', () => {
  it.each([
    ['we need to get through tax season first. bout 4 months', 4],
    ["we'll wait till school lets out, like 3 months", 3],
    ['probly 8 months before we even call a mover', 8],
  ])('%s → %d', (text, months) => {
    expect(timeline(text)).toBe(months);
  });

  it.each([
    ["we've been looking for about 5 months."],
    ['it sat on the market like 3 months, then we pulled it'],
    ['we rented there for about 2 years.'],
  ])('no timeline: %s', (text) => {
    expect(timeline(text)).toBeUndefined();
  });
});
