/**
 * Builds the model prompt. The system prompt is two stable blocks (system.v2.ts): the coaching library, the
 * same bytes for every tenant, role and experience and longer than any model's prompt-cache minimum, then the
 * agent block of (role, experience). Both are memoized, byte-identical across requests, and each carries a
 * cache breakpoint on the wire, so the provider's prompt cache hits. The user message carries everything
 * volatile: specializations, vertical, stage, known facts and qualification gaps (from the offline coach),
 * contact memory, the recent turns and the task. Inputs are expected to be REDACTED already.
 */
import type { AgentRole, ConversationStage, Experience, Specialization } from '../../../../core/vocabulary';
import type { CoachOutput, SlotKey, Slots, Turn } from '../../coach/types';
import type { CoachingKind } from '../types';
import { VARIANT_INSTRUCTIONS, type CoachingVariant } from '../../coach/variants';
import { agentBlockV2, COACH_LIBRARY_V2 } from './system.v2';
import { NO_MEMORY_V1, NO_TURNS_V1, TASK_V1 } from './user.v1';
import { describeVerticalSlots, verticalContextLines } from './vertical.v1';

/** Bump when any template changes: it is part of the response-cache key. */
export const PROMPT_VERSION = 'coach-prompt-v2';

export const MAX_TURN_CHARS = 1_000;
export const MAX_QUESTION_CHARS = 500;
export const MAX_MEMORY_ITEMS = 10;
export const MAX_MEMORY_CHARS = 300;

export interface PromptFacts {
  known: Slots;
  missing: SlotKey[];
  score: number;
  suggestedStage: ConversationStage;
  signals: string[];
}

export interface PromptInput {
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  stage: ConversationStage;
  kind: CoachingKind;
  vertical?: string;
  /** Redacted, most recent last. */
  turns: Turn[];
  question?: string;
  memory?: string[];
  facts: PromptFacts;
  /** The approach to write the hints in (the bandit's pick); absent: no instruction. */
  variant?: CoachingVariant;
}

export interface BuiltPrompt {
  version: string;
  /** The whole system prompt (the blocks joined), for logs and tests. */
  system: string;
  /**
   * The stable system blocks, in order; each ends a cached prefix (library, then the agent block). Absent (a
   * hand-built prompt): `system` is one block.
   */
  systemBlocks?: readonly string[];
  user: string;
}

const blocksCache = new Map<string, readonly string[]>();

/** The stable system blocks of (role, experience): the shared library, then the agent block. */
export function buildSystemBlocks(role: AgentRole, experience: Experience): readonly string[] {
  const key = `${role}|${experience}`;
  let blocks = blocksCache.get(key);
  if (blocks === undefined) {
    blocks = Object.freeze([COACH_LIBRARY_V2, agentBlockV2(role, experience)]);
    blocksCache.set(key, blocks);
  }
  return blocks;
}

export function buildSystemPrompt(role: AgentRole, experience: Experience): string {
  return buildSystemBlocks(role, experience).join('\n\n');
}

/** The last `window` turns. */
export function recentTurns(turns: readonly Turn[], window: number): Turn[] {
  return turns.slice(Math.max(0, turns.length - window));
}

/** Merges what is known from earlier turns with what the offline coach extracted now; gaps exclude known keys. */
export function promptFacts(analysis: CoachOutput, known: Slots): PromptFacts {
  const merged: Slots = { ...known, ...analysis.slots };
  if (known.areas || analysis.slots.areas) {
    merged.areas = [...new Set([...(known.areas ?? []), ...(analysis.slots.areas ?? [])])];
  }
  return {
    known: merged,
    missing: analysis.qualification.missing.filter((k) => merged[k] === undefined),
    score: analysis.qualification.score,
    suggestedStage: analysis.stage,
    signals: analysis.signals,
  };
}

const OUR_TAGS = /<\/?\s*(?:context|contact_memory|conversation|agent_question|task)\b[^>]*>/gi;

/** Untrusted text on one line, without our delimiters, bounded. */
export function sanitize(text: string, max: number): string {
  const flat = text.replace(OUR_TAGS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const money = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;

export function describeSlots(s: Slots): string[] {
  const out: string[] = [];
  if (s.budget !== undefined) out.push(`budget up to ${money(s.budget)}`);
  if (s.priceExpectation !== undefined) out.push(`expects to sell for about ${money(s.priceExpectation)}`);
  if (s.timelineMonths !== undefined) out.push(`timeline about ${s.timelineMonths} month(s)`);
  if (s.preApproved !== undefined) out.push(s.preApproved ? 'pre-approved' : 'NOT pre-approved');
  if (s.bedrooms !== undefined) out.push(`${s.bedrooms}+ bedrooms`);
  if (s.propertyType !== undefined) out.push(`property type ${s.propertyType}`);
  if (s.areas?.length) out.push(`areas: ${s.areas.join(', ')}`);
  if (s.motivation !== undefined) out.push(`motivation ${s.motivation}`);
  return [...out, ...describeVerticalSlots(s)];
}

export function buildUserMessage(input: PromptInput): string {
  const { facts } = input;
  const specs = input.specializations.length ? [...input.specializations].sort().join(', ') : 'none';
  const known = describeSlots(facts.known);
  const context = [
    `Agent specializations: ${specs}`,
    ...verticalContextLines(
      input.vertical,
      input.role,
      input.vertical ? sanitize(input.vertical, 80) : 'residential',
    ),
    `Conversation stage: ${input.stage}` +
      (facts.suggestedStage !== input.stage ? ` (signals suggest ${facts.suggestedStage})` : ''),
    `Known about the lead: ${known.length ? known.join('; ') : 'nothing yet'}`,
    `Qualification score: ${Math.round(facts.score)}/100`,
    `Qualification gaps (most valuable first): ${facts.missing.length ? facts.missing.join(', ') : 'none'}`,
    ...(facts.signals.length ? [`Signals: ${facts.signals.map((s) => sanitize(s, 80)).join(', ')}`] : []),
    ...(input.variant ? [`Coaching approach for these hints: ${VARIANT_INSTRUCTIONS[input.variant]}`] : []),
  ];
  const memory = (input.memory ?? [])
    .slice(-MAX_MEMORY_ITEMS)
    .map((m) => `- ${sanitize(m, MAX_MEMORY_CHARS)}`);
  const turns = input.turns.map((t) => `${t.speaker}: ${sanitize(t.text, MAX_TURN_CHARS)}`);
  const parts = [
    `<context>\n${context.join('\n')}\n</context>`,
    `<contact_memory>\n${memory.length ? memory.join('\n') : NO_MEMORY_V1}\n</contact_memory>`,
    `<conversation>\n${turns.length ? turns.join('\n') : NO_TURNS_V1}\n</conversation>`,
  ];
  if (input.question?.trim()) {
    parts.push(`<agent_question>\n${sanitize(input.question, MAX_QUESTION_CHARS)}\n</agent_question>`);
  }
  parts.push(TASK_V1[input.kind]);
  return parts.join('\n\n');
}

export function buildPrompt(input: PromptInput): BuiltPrompt {
  return {
    version: PROMPT_VERSION,
    system: buildSystemPrompt(input.role, input.experience),
    systemBlocks: buildSystemBlocks(input.role, input.experience),
    user: buildUserMessage(input),
  };
}
