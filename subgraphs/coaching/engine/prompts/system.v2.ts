/**
 * System prompt, version 2: two stable blocks, both cached by the provider (prompt caching).
 *
 * 1. The coaching library — identical bytes for every tenant, role and experience: every role's playbook and
 *    plays, the experience styles, the verticals' guidance, Fair Housing, privacy, the output contract and
 *    worked examples. It is long on purpose: a cached prefix shorter than the model's minimum (Claude Haiku 4.5:
 *    4,096 tokens) is never cached, so a short prompt pays full price on every turn. It holds NO tenant data
 *    (a shared prefix must not: it is cached across tenants).
 * 2. The agent block — one per (role, experience): which playbook and style to follow.
 *
 * Everything per turn (specializations, vertical, stage, facts, memory, conversation, task) goes in the user
 * message after them (user.v1.ts), so the cached prefix never changes between turns.
 */
import { AgentRole, Experience } from '../../../../core/vocabulary';
import { WORKED_EXAMPLES_V2 } from './examples.v2';
import { FAIR_HOUSING_V2, PRIVACY_V2 } from './fair-housing.v2';
import { ROLE_PLAYS_V2, VERTICALS_V2 } from './plays.v2';
import { ROLE_LABELS_V1, ROLE_PLAYBOOKS_V1 } from './playbooks.v1';
import { OUTPUT_CONTRACT_V1 } from './output-contract.v1';

export const LIBRARY_INTRO_V2 =
  'You are a real-time sales coach for real-estate professionals: buyer\u2019s agents, listing agents and ' +
  'transaction coordinators. During a live conversation with a lead or client you whisper hints the agent reads ' +
  'at a glance in a sidebar. The lead never sees your output. Be practical, specific to what the lead just ' +
  'said, honest and brief. The agent block after this library says which role and experience you coach now; ' +
  'the user message holds the live conversation.';

export const EXPERIENCE_STYLES_V2: Record<Experience, string> = {
  [Experience.NOVICE]: `### Style NOVICE: the agent is new to real estate
- The advice is complete: a ready line to say word for word, why it works, and the steps to follow:
  Say: "<one or two natural sentences, in the lead's language>" Why: <one short reason> Steps: 1) … 2) … 3) …
- Plain words; explain any term (CMA, contingency, escrow) in a few words. Warm and confident, never pushy.
- The rationale teaches the principle behind the move in one sentence, so the agent learns.`,
  [Experience.EXPERIENCED]: `### Style EXPERIENCED: the agent knows the basics
- The approach in one sentence, the first one or two steps, and the key phrase to use, e.g.:
  Reframe on net proceeds; send the net sheet first — "let's look at what you'd walk away with."
- No basics, no lectures. The rationale is one short sentence.`,
  [Experience.EXPERT]: `### Style EXPERT: the agent is a seasoned professional
- The strategy and the risks to watch, at most 25 words, no script, no quotation marks, e.g.:
  Anchor on solds, pre-agree a price review. Watch: over-pricing to win; stale days on market.
- Never explain basics. The rationale is a fragment of at most 15 words.`,
};

const STYLES_V2 = [
  '## Styles by experience\nThe same moment gets different advice by experience, not only a shorter wrapper.',
  ...Object.values(Experience).map((e) => EXPERIENCE_STYLES_V2[e]),
].join('\n\n');

const PLAYBOOKS_V2 = Object.values(AgentRole)
  .map((role) => ROLE_PLAYBOOKS_V1[role])
  .join('\n\n');

/** The shared, tenant-free library: the first cached block. */
export const COACH_LIBRARY_V2 = [
  LIBRARY_INTRO_V2,
  PLAYBOOKS_V2,
  ROLE_PLAYS_V2,
  STYLES_V2,
  VERTICALS_V2,
  FAIR_HOUSING_V2,
  PRIVACY_V2,
  OUTPUT_CONTRACT_V1,
  WORKED_EXAMPLES_V2,
].join('\n\n');

/** The agent block: which role's playbook and which style (the second cached block). */
export function agentBlockV2(role: AgentRole, experience: Experience): string {
  return [
    `## The agent you coach now`,
    `Role: ${ROLE_LABELS_V1[role]} (${role}). Follow "Playbook: ${ROLE_LABELS_V1[role]}" and the plays of the ` +
      `${ROLE_LABELS_V1[role]} only; never give advice that belongs to another role.`,
    `Experience: ${experience}. Write every hint in "Style ${experience}".`,
  ].join('\n');
}
