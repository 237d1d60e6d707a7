/**
 * Contact memory's pure parts: what may be remembered (never a protected-class attribute, even the lead's
 * own), the summary filter, and the offline coach starting from remembered facts (not asking for them,
 * recalling them at the start of a session, a fresh statement winning over the memory).
 */
import { AgentRole, Experience, Speaker } from '../../../core/vocabulary';
import { mentionsProtectedClass } from '../../../subgraphs/coaching/coach/fair-housing';
import { offlineCoach } from '../../../subgraphs/coaching/coach/offline-coach';
import type { CoachInput, Slots, Turn } from '../../../subgraphs/coaching/coach/types';
import { rememberableFacts } from '../../../subgraphs/coaching/service/memory-facts';
import { withoutProtectedContent } from '../../../subgraphs/coaching/service/memory-summary';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const coach = (turns: Turn[], remembered?: Slots): CoachInput => ({
  agent: { role: AgentRole.BUYER_AGENT, experience: Experience.EXPERIENCED, specializations: [] },
  stage: 'INITIAL_CONTACT' as CoachInput['stage'],
  turns,
  now: '2026-12-07T12:00:00Z',
  ...(remembered ? { remembered } : {}),
});

describe('what contact memory may keep', () => {
  it.each([
    ["We're Muslim, so a quiet street matters", 'RELIGION'],
    ['We have two kids and one on the way', 'FAMILIAL_STATUS'],
    ['I use a wheelchair', 'DISABILITY'],
    ['We moved here from Mexico last year', null],
    ['Budget: up to $450k', null],
    ['Areas: Austin or Round Rock', null],
  ])('mentionsProtectedClass(%j) = %s', (text, cls) => {
    // "Mexico" is a place, not a nationality word: only the people-words of fair-housing.ts count
    expect(mentionsProtectedClass(text)).toBe(cls);
  });

  it('keeps slot facts, drops protected areas and a marital-status motivation', () => {
    const facts = rememberableFacts({
      budget: 450_000,
      areas: ['austin', 'christian neighborhood'],
      timelineMonths: 3,
      motivation: 'DIVORCE',
    });
    expect(facts).toEqual([
      { key: 'budget', value: 450_000 },
      { key: 'timelineMonths', value: 3 },
      { key: 'areas', value: ['austin'] },
    ]);
  });

  it("drops a summary's sentences that mention a protected class", () => {
    expect(
      withoutProtectedContent('The lead is Jewish and has kids. They want Austin under $450k. Pre-approved.'),
    ).toBe('They want Austin under $450k. Pre-approved.');
  });
});

describe('the offline coach with remembered facts', () => {
  const remembered: Slots = { budget: 450_000, areas: ['austin'], timelineMonths: 3 };
  const opening = [lead('Hi again, any new listings this week?')];

  it('treats them as known: the next question is not about them', () => {
    const fresh = offlineCoach(coach(opening));
    const known = offlineCoach(coach(opening, remembered));
    expect(fresh.qualification.missing).toEqual(
      expect.arrayContaining(['budget', 'areas', 'timelineMonths']),
    );
    expect(known.qualification.missing).not.toEqual(expect.arrayContaining(['budget']));
    expect(known.qualification.missing).not.toContain('areas');
    expect(known.qualification.score).toBeGreaterThan(fresh.qualification.score);
    expect(known.hints.map((h) => h.text).join(' ')).not.toMatch(/price range|which areas/i);
  });

  it('recalls them in the primary hint at the start of a session only', () => {
    const start = offlineCoach(coach(opening, remembered));
    expect(start.hints[0]!.text).toMatch(
      /^From earlier conversations: budget up to \$450k, Austin, about 3 month/,
    );
    expect(start.hints[0]!.text.length).toBeLessThanOrEqual(400);
    const later = offlineCoach(coach([...opening, lead('ok'), lead('sure'), lead('thanks')], remembered));
    expect(later.hints[0]!.text).not.toContain('From earlier conversations');
  });

  it('a fresh statement wins over the memory', () => {
    const out = offlineCoach(coach([lead('Actually our budget is now $500,000.')], remembered));
    expect(out.slots.budget).toBe(500_000);
    expect(out.slots.areas).toEqual(['austin']);
  });
});
