/**
 * Role playbooks of the offline coach: for each agent role and each coaching moment (an objection type or a
 * hint category), the numbered steps a NOVICE follows, the strategy an EXPERT is reminded of and the risks an
 * EXPERT watches. The advice itself changes with experience, not just its wrapper (format.ts renders it).
 *
 * Each role gets advice that fits its job: a buyer's agent works showings, offers and pre-approval; a listing
 * agent pricing, the CMA, the listing agreement and marketing; a transaction coordinator deadlines, documents
 * and title/escrow/lender coordination, and escalates price or commission questions to the agent — never
 * prospecting. The same tables are rendered into the model's cached system prompt (engine/prompts/).
 */
import { AgentRole, HintCategory, ObjectionType } from '../../../core/vocabulary';
import { BUYER_PLAYS } from './playbook-buyer';
import { LISTING_PLAYS } from './playbook-listing';
import { TC_PLAYS } from './playbook-tc';

export interface Play {
  /** What to do, in order (NOVICE: all of them; EXPERIENCED: the first two). */
  steps: readonly string[];
  /** The move in one sentence, for an EXPERT. */
  strategy: string;
  /** What goes wrong if the agent is careless (EXPERT). */
  risks: readonly string[];
}

/** A coaching moment: an objection type, or a hint category other than OBJECTION_HANDLING. */
export type PlayKey = ObjectionType | Exclude<HintCategory, HintCategory.OBJECTION_HANDLING>;

export type RolePlays = Readonly<Record<PlayKey, Play>>;

export const ROLE_PLAYS: Readonly<Record<AgentRole, RolePlays>> = {
  [AgentRole.BUYER_AGENT]: BUYER_PLAYS,
  [AgentRole.LISTING_AGENT]: LISTING_PLAYS,
  [AgentRole.TRANSACTION_COORDINATOR]: TC_PLAYS,
};

/** The key of a category (and objection) in the playbook. */
export function playKey(category: HintCategory, objection?: ObjectionType | null): PlayKey {
  if (category === HintCategory.OBJECTION_HANDLING) return objection ?? ObjectionType.JUST_LOOKING;
  return category;
}

/** The role's play for the moment. */
export function playFor(role: AgentRole, category: HintCategory, objection?: ObjectionType | null): Play {
  return ROLE_PLAYS[role][playKey(category, objection)];
}

/** Readable name of a play key, for the prompt and the tests. */
export function playLabel(key: PlayKey): string {
  const objection = (Object.values(ObjectionType) as string[]).includes(key);
  const words = key.toLowerCase().replace(/_/g, ' ');
  return objection ? `${words} objection` : words;
}
