/**
 * Types of the offline (rule-based) coach. Plain declarations; the shared enums come from core/vocabulary.
 */
import type { CoachingVariant } from './variants';
import type {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  PropertyType,
  Specialization,
  Speaker,
} from '../../../core/vocabulary';

export interface Turn {
  speaker: Speaker;
  text: string;
}

export interface AgentProfileView {
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  name?: string;
}

export interface CoachInput {
  agent: AgentProfileView;
  stage: ConversationStage;
  turns: Turn[];
  /** An explicit question the agent asks the coach ("how do I answer the commission question?"). */
  question?: string;
  /**
   * The organization's vertical code (core/verticals.ts, aliases accepted): its template decides the qualification
   * slots, the questions, vertical tips and compliance rules. Unknown or absent: residential.
   */
  vertical?: string;
  /** Facts about the contact from earlier sessions (contact memory): known unless the lead now says otherwise. */
  remembered?: Slots;
  /**
   * Reference date (ISO string) used to turn relative dates ("by spring", "by June") into months.
   * Without it such phrases are resolved against the current clock.
   */
  now?: string;
  /** The approach the hints are written in (variants.ts; chosen by the bandit). Absent: DIRECT. */
  variant?: CoachingVariant;
}

export interface HintDraft {
  category: HintCategory;
  objection?: ObjectionType;
  text: string;
  rationale: string;
  confidence: number;
}

/** Why a seller is moving; an optional, unscored slot. */
export type Motivation =
  'RELOCATION' | 'DOWNSIZING' | 'UPSIZING' | 'DIVORCE' | 'ESTATE' | 'FINANCIAL' | 'RETIREMENT' | 'INVESTMENT';

/** Facts the lead stated, normalized. Absent keys mean "not stated". */
export interface Slots {
  /** Buyer's maximum budget in whole dollars. */
  budget?: number;
  /** Seller's expected sale price in whole dollars. */
  priceExpectation?: number;
  timelineMonths?: number;
  preApproved?: boolean;
  /** Minimum bedrooms wanted. */
  bedrooms?: number;
  propertyType?: PropertyType;
  /** Lowercase place names the lead wants (never the place they leave). */
  areas?: string[];
  /** Unscored extras. */
  motivation?: Motivation;
  // Slots of other verticals (subgraphs/coaching/verticals/templates/): unscored by the devset.
  /** Commercial: floor area wanted, in square feet. */
  squareFeet?: number;
  /** Commercial: intended use of the space (OFFICE, RETAIL, INDUSTRIAL, RESTAURANT, MEDICAL, FLEX). */
  spaceUse?: string;
  /** Commercial: lease term wanted, in months. */
  leaseTermMonths?: number;
  /** Mortgage: amount the borrower wants to borrow, whole dollars. */
  loanAmount?: number;
  /** Mortgage: the credit score the borrower stated. */
  creditScore?: number;
  /** Mortgage: down payment in whole dollars, when stated as an amount. */
  downPayment?: number;
  /** Mortgage: down payment as a percentage of the price, when stated so. */
  downPaymentPercent?: number;
  /** Property management: rental units the owner has. */
  units?: number;
  /** Property management: current or target monthly rent per unit, whole dollars. */
  monthlyRent?: number;
  /** Luxury: the buyer pays cash or has proof of funds ready. */
  proofOfFunds?: boolean;
}

/** The seven slots the devset scores. */
export const SCORED_SLOT_KEYS = [
  'budget',
  'priceExpectation',
  'timelineMonths',
  'preApproved',
  'bedrooms',
  'propertyType',
  'areas',
] as const;
export type ScoredSlotKey = (typeof SCORED_SLOT_KEYS)[number];

/** Qualification keys of the residential coach: the scored slots plus motivation. */
export type QualificationKey = ScoredSlotKey | 'motivation';

/** Qualification keys only other verticals ask for (subgraphs/coaching/verticals/templates/). */
export type VerticalSlotKey =
  | 'squareFeet'
  | 'spaceUse'
  | 'leaseTermMonths'
  | 'loanAmount'
  | 'creditScore'
  | 'downPayment'
  | 'units'
  | 'monthlyRent'
  | 'proofOfFunds';

/** Any qualification key, whichever vertical asks for it. */
export type SlotKey = QualificationKey | VerticalSlotKey;

export interface Qualification<K extends SlotKey = SlotKey> {
  /** 0–100: weighted share of the role-relevant slots that are known. */
  score: number;
  /** Missing role-relevant slots, most valuable first. */
  missing: K[];
  nextQuestion: string | null;
}

export interface CoachOutput {
  /** Primary first; 1–3 hints. */
  hints: HintDraft[];
  slots: Slots;
  qualification: Qualification;
  /** Suggested stage after this turn. */
  stage: ConversationStage;
  signals: string[];
}

/** What the offline coach learns from the conversation before it renders hints (offline-coach.ts). */
export interface ConversationAnalysis {
  slots: Slots;
  qualification: Qualification;
  classification: Classification;
}

export interface ExtractOptions {
  /** Resolves ambiguous money ("around 450k") to budget vs. priceExpectation. */
  role?: AgentRole;
  /** Reference date for "by spring", "by June", "end of the year". */
  now?: Date;
}

export interface ClassifyInput {
  role: AgentRole;
  turns: Turn[];
  slots: Slots;
  /** Qualification of the lead so far; a low score favours a qualifying question. */
  qualificationScore: number;
}

/**
 * How much the rules trust their own answer: `compliance` (Fair Housing, never overridden), `strong` (clear cues),
 * `weak` (cues at the threshold) or `default` (nothing matched: a fallback guess).
 */
export type RuleStrength = 'compliance' | 'strong' | 'weak' | 'default';

export interface Classification {
  category: HintCategory;
  objection?: ObjectionType;
  signals: string[];
  confidence: number;
  strength?: RuleStrength;
}
