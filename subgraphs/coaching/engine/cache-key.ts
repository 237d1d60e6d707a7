/**
 * The response-cache key: sha256 over everything that shapes the model's answer — prompt version, model,
 * tenant, kind, role, experience, specializations, stage, vertical, and the REDACTED recent turns, question,
 * memory and prompt facts, normalized (lowercase, collapsed whitespace) so trivial differences still hit.
 * Redacted text means two conversations that differ only in an email address share an entry; each caller's
 * own values are restored into the cached hints.
 */
import { createHash } from 'node:crypto';
import type { AgentRole, ConversationStage, Experience, Specialization } from '../../../core/vocabulary';
import type { Turn } from '../coach/types';
import type { PromptFacts } from './prompts/build-prompt';
import type { CoachingKind } from './types';

export interface CacheKeyInput {
  promptVersion: string;
  model: string;
  tenantId: string;
  kind: CoachingKind;
  role: AgentRole;
  experience: Experience;
  specializations: readonly Specialization[];
  stage: ConversationStage;
  vertical?: string;
  turns: readonly Turn[];
  question?: string;
  memory?: readonly string[];
  facts: PromptFacts;
  /** The coaching variant (its instruction is part of the prompt); absent keys stay as they were. */
  variant?: string;
}

export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** JSON with sorted object keys, so equal values always serialize the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function responseCacheKey(input: CacheKeyInput): string {
  const material = stableJson({
    v: input.promptVersion,
    model: input.model,
    tenant: input.tenantId,
    kind: input.kind,
    role: input.role,
    experience: input.experience,
    specializations: [...input.specializations].sort(),
    stage: input.stage,
    vertical: input.vertical ? normalizeText(input.vertical) : '',
    turns: input.turns.map((t) => `${t.speaker}:${normalizeText(t.text)}`),
    question: input.question ? normalizeText(input.question) : '',
    memory: (input.memory ?? []).map(normalizeText),
    facts: input.facts,
    variant: input.variant,
  });
  return `coach:${createHash('sha256').update(material).digest('hex')}`;
}
