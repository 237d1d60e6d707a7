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

/** Per role: what the agent does about each objection (a TC escalates price and commission to the agent). */
const OBJECTION_ACTION: Record<AgentRole, Record<ObjectionType, string>> = {
  [AgentRole.BUYER_AGENT]: {
    PRICE: 'Send 3 recent comparable sales and ask which number feels right',
    COMMISSION: 'Walk through the buyer agreement and what your fee covers before the first tour',
    TIMING: 'Get the pre-approval started and agree on a follow-up date',
    TRUST: 'Share two client reviews and offer a no-obligation call',
    COMPETITOR: 'Ask what the other option offers and explain who the listing agent represents',
    JUST_LOOKING: 'Offer to set up a saved search and schedule a check-in',
  },
  [AgentRole.LISTING_AGENT]: {
    PRICE: 'Review the CMA with the seller and agree a two-week price-review date',
    COMMISSION: 'Send a net sheet at both fees with your marketing plan',
    TIMING: 'Offer a pre-listing walkthrough and set a dated check-in',
    TRUST: 'Send the comps behind your price and your written marketing plan',
    COMPETITOR: 'Compare your plan, list-to-sale ratio and days on market side by side',
    JUST_LOOKING: 'Email a value range with three comparable sales',
  },
  [AgentRole.TRANSACTION_COORDINATOR]: {
    PRICE: 'Escalate to the agent today with the appraisal and contingency deadlines',
    COMMISSION: 'Point to the settlement statement lines and loop in the agent',
    TIMING: 'Confirm the at-risk deadline with lender and title and send a dated update',
    TRUST: 'Send the status checklist and remind them to verify wiring instructions by phone',
    COMPETITOR: 'Stay neutral and route the concern to the agent',
    JUST_LOOKING: 'Tell the agent the client sounds unsure and send the status checklist',
  },
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

/** A listing agent's early stages are about the listing appointment, not showings. */
const LISTING_STEP: Partial<Record<ConversationStage, string>> = {
  QUALIFICATION: 'Book the listing appointment with every decision maker',
  NEEDS_ANALYSIS: 'Prepare the CMA for the listing appointment',
  PROPERTY_SEARCH: 'Send the listing agreement and book the photo date',
  SHOWING: 'Send showing feedback and the activity report',
};

/** A transaction coordinator never prospects: every stage is about the file's dates and documents. */
const TC_STEP = 'Send a status summary with each open deadline and its owner';

function stageStep(role: AgentRole, stage: ConversationStage): string {
  if (role === AgentRole.TRANSACTION_COORDINATOR)
    return stage === ConversationStage.CLOSING ? STAGE_STEP.CLOSING : TC_STEP;
  if (role === AgentRole.LISTING_AGENT) return LISTING_STEP[stage] ?? STAGE_STEP[stage];
  return STAGE_STEP[stage];
}

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
        ? OBJECTION_ACTION[input.role][input.objection]
        : 'Acknowledge the concern and ask what would help';
    case HintCategory.QUALIFYING_QUESTION:
      return gap ? `Ask about the ${gap}` : stageStep(input.role, input.stage);
    case HintCategory.RAPPORT:
      return gap ? `Acknowledge how they feel, then ask about the ${gap}` : 'Acknowledge how they feel';
    case HintCategory.INFORMATION:
      return gap ? `Answer the question, then ask about the ${gap}` : 'Answer the question with a source';
    case HintCategory.NEXT_STEP:
    default:
      return stageStep(input.role, input.stage);
  }
}
