/**
 * The next-best action of a hint: one short, concrete instruction for what the agent should do next,
 * derived from the hint's category (and objection), the conversation stage and what the qualification
 * still lacks. Deterministic, so the offline coach and model answers get the same kind of action; never
 * empty.
 */
import { AgentRole, ConversationStage, HintCategory, ObjectionType } from '../../../core/vocabulary';
import { qualify } from './qualification';
import type { QualificationKey, Slots } from './types';

export interface NextBestActionInput {
  category: HintCategory;
  objection?: ObjectionType | null;
  stage: ConversationStage;
  role: AgentRole;
  /** What is known about the lead (qualification gaps are derived from it). */
  known: Slots;
}

const GAP_LABEL: Partial<Record<QualificationKey, string>> = {
  budget: 'budget',
  preApproved: 'financing (pre-approval)',
  areas: 'areas',
  timelineMonths: 'timeline',
  bedrooms: 'bedrooms',
  propertyType: 'property type',
  priceExpectation: 'price expectation',
  motivation: 'motivation',
};

const OBJECTION_ACTION: Record<ObjectionType, string> = {
  PRICE: 'Send 3 recent comparable sales and ask which number feels right',
  COMMISSION: 'Walk through what your fee covers, then ask to sign the agreement',
  TIMING: 'Agree on a follow-up date and add it to your calendar',
  TRUST: 'Share two client reviews and offer a no-obligation call',
  COMPETITOR: 'Ask what the other option offers and show your difference in one line',
  JUST_LOOKING: 'Offer to set up a saved search and schedule a check-in',
};

const STAGE_STEP: Record<ConversationStage, string> = {
  INITIAL_CONTACT: 'Book a 15-minute intro call',
  QUALIFICATION: 'Book a buyer consultation',
  NEEDS_ANALYSIS: 'Send a short list of matching homes',
  PROPERTY_SEARCH: 'Propose two showing times this week',
  SHOWING: 'Confirm the showing time and send the addresses',
  NEGOTIATION: 'Review the offer terms with the lead today',
  UNDER_CONTRACT: 'Send the inspection and appraisal timeline',
  CLOSING: 'Confirm the closing date and the final walkthrough',
  FOLLOW_UP: 'Schedule a check-in and ask for a referral',
};

function firstGap(input: NextBestActionInput): string | null {
  const { missing } = qualify(input.role, input.known);
  const key = missing[0];
  return key === undefined ? null : (GAP_LABEL[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase());
}

/** The action for the hint; never empty. */
export function nextBestAction(input: NextBestActionInput): string {
  const gap = firstGap(input);
  switch (input.category) {
    case HintCategory.COMPLIANCE_WARNING:
      return 'Rephrase with objective facts only (listings, price, commute, public data) before you send';
    case HintCategory.OBJECTION_HANDLING:
      return input.objection
        ? OBJECTION_ACTION[input.objection]
        : 'Acknowledge the concern and ask what would help';
    case HintCategory.QUALIFYING_QUESTION:
      return gap ? `Ask about the ${gap}` : STAGE_STEP[input.stage];
    case HintCategory.RAPPORT:
      return gap ? `Acknowledge how they feel, then ask about the ${gap}` : 'Acknowledge how they feel';
    case HintCategory.INFORMATION:
      return gap ? `Answer the question, then ask about the ${gap}` : 'Answer the question with a source';
    case HintCategory.NEXT_STEP:
    default:
      return STAGE_STEP[input.stage];
  }
}
