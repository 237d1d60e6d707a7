/**
 * Timeline constructions: a lead deferring the move by months ("check back with me in like 4 months") sets a
 * timeline while a call in days or weeks stays an appointment; a wait on something still ahead ("until the
 * remodel is finished, 3 months out") is no past event; a pause is a wait. Sentences are written for these tests.
 */
import { AgentRole, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';

const timeline = (text: string): number | undefined =>
  extractSlots([{ speaker: Speaker.LEAD, text }], {
    role: AgentRole.LISTING_AGENT,
    now: new Date('2026-03-10T12:00:00Z'),
  }).timelineMonths;

describe('timeline constructions', () => {
  it.each([
    ['not this season. check back with me in like 4 months', 4],
    ["we won't list until the remodel is finished, the contractor says about 3 months out", 3],
    ["let's pause for maybe 8 months and revisit", 8],
    ['put it on hold for 2 months, my mom is moving in', 2],
  ])('%s → %d', (text, months) => {
    expect(timeline(text)).toBe(months);
  });

  it.each([
    ['can you call me back in 2 weeks'],
    ['their agent sold it in a week'],
    ['text me in a few days'],
  ])('no timeline: %s', (text) => {
    expect(timeline(text)).toBeUndefined();
  });
});
