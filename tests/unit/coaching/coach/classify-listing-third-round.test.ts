/**
 * A seller's turns, third round (after sealed-5's misses were read), on sentences written for these tests: a wait
 * tied to a family milestone is a timing objection; an online valuation set against the agent's number is a price
 * objection; "can you come see it Thursday after 6?" asks for a visit, not a lower number.
 */
import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  Speaker,
} from '../../../../core/vocabulary';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import type { Turn } from '../../../../subgraphs/coaching/coach/types';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });

function top(turns: Turn[]): { category: HintCategory; objection?: ObjectionType } {
  const out = offlineCoach({
    agent: { role: AgentRole.LISTING_AGENT, experience: Experience.EXPERIENCED, specializations: [] },
    stage: ConversationStage.INITIAL_CONTACT,
    turns,
    now: '2025-01-15T12:00:00Z',
  });
  const hint = out.hints[0];
  if (!hint) throw new Error('no hint');
  return hint.objection !== undefined
    ? { category: hint.category, objection: hint.objection }
    : { category: hint.category };
}

describe('listing: third-round constructions', () => {
  it.each([
    "Your plan looks great. But we're not putting our place on Elm St on the market until Noah graduates in June, I'm not going to move him mid-semester.",
    'we do want to sell at some point but not till my mom is settled in her new apartment. hit me up later',
  ])('a wait tied to a family milestone is a TIMING objection: %s', (text) => {
    expect(top([lead(text)])).toEqual({
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.TIMING,
    });
  });

  it("an online valuation against the agent's number is a PRICE objection", () => {
    expect(top([lead('zillow says the house is worth 610 and ur telling me to list at 575?? no')])).toEqual({
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.PRICE,
    });
  });

  it('asking the agent to come see the home is a NEXT_STEP, not a price question', () => {
    expect(
      top([
        lead(
          "We're ready to sell the ranch on Pine Ct and hope to get 480 for it. Can you come see it Thursday after 6?",
        ),
      ]).category,
    ).toBe(HintCategory.NEXT_STEP);
  });
});
