/**
 * What every hint provider implements: generate hints for one request, streaming `started`/`delta`/`completed`
 * events (hint text in deltas), and report model, token usage and latency.
 */
import type { CoachInput, CoachOutput } from '../../coach/types';
import type { TokenUsage } from '../pricing';
import type { BuiltPrompt } from '../prompts/build-prompt';
import type { EngineEvent, GeneratedHint, HintOrigin } from '../types';

export interface ProviderRequest {
  /** The REDACTED prompt (what may leave the process). Required by model providers. */
  prompt?: BuiltPrompt;
  model?: string;
  maxTokens?: number;
  /** The raw input, for providers that run in-process (the offline coach). Never sent anywhere. */
  coachInput: CoachInput;
  /** The offline coach's analysis when the caller already has it. */
  analysis?: CoachOutput;
  signal?: AbortSignal;
}

export interface ProviderResult {
  hints: GeneratedHint[];
  /** The model that answered (as reported by the provider). */
  model: string;
  usage: TokenUsage;
  latencyMs: number;
  /** Time to the first streamed hint text, when there was one. */
  firstDeltaMs?: number;
}

export interface HintProvider {
  readonly kind: 'anthropic' | 'offline';
  /** Rejects with a `ModelCallError` on any failure. */
  generate(req: ProviderRequest, onEvent: (e: EngineEvent) => void): Promise<ProviderResult>;
  close?(): Promise<void>;
}

/** Splits text into small word groups (whitespace kept) so replayed text streams like model output. */
export function wordChunks(text: string, wordsPerChunk = 3): string[] {
  const words = text.match(/\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk)
    chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  const lead = /^\s+/.exec(text)?.[0];
  if (lead && chunks.length) chunks[0] = lead + chunks[0];
  return chunks;
}

/** Emits started / word-chunk deltas / completed (with `origin` when given) for each hint, in order. */
export function replayHints(
  hints: readonly GeneratedHint[],
  onEvent: (e: EngineEvent) => void,
  origin?: HintOrigin,
): void {
  hints.forEach((hint, index) => {
    onEvent({ type: 'started', index });
    for (const text of wordChunks(hint.text)) onEvent({ type: 'delta', index, text });
    onEvent({ type: 'completed', index, hint, ...(origin ? { origin } : {}) });
  });
}
