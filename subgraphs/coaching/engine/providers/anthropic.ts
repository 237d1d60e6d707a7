/**
 * The Anthropic provider: the real `@anthropic-ai/sdk` client, streaming the Messages API with a forced
 * `emit_hints` tool call. The hint text is streamed out of the tool's `input_json_delta` chunks as it arrives;
 * each hint is `completed` as soon as its JSON object closes and validates on its own (so hint 0 is final while
 * hint 1 still streams); the complete input is validated with zod at the end (invalid →
 * `ModelCallError('invalid_output')`, and the engine's fallback replaces hints already completed).
 *
 * Retries are the SDK's (408/409/429/5xx, honouring retry-after), except spend-limit errors, which never are.
 * The SDK's `timeout` only covers the wait for response headers, so a deadline of our own (`timeoutMs`) covers
 * the whole call — every retry and the streamed body — and aborts it.
 */
import Anthropic from '@anthropic-ai/sdk';
import type {
  MessageCreateParamsStreaming,
  RawMessageStreamEvent,
  TextBlockParam,
  Tool,
} from '@anthropic-ai/sdk/resources/messages';
import { ModelCallError } from '../errors';
import {
  EMIT_HINTS_INPUT_SCHEMA,
  EMIT_HINTS_TOOL,
  EMIT_HINTS_TOOL_NAME,
  MAX_HINTS,
  parseHintJson,
  parseHintsInput,
} from '../hint-schema';
import { PartialHintsScanner } from '../partial-hints';
import type { TokenUsage } from '../pricing';
import type { BuiltPrompt } from '../prompts/build-prompt';
import { MAX_CACHE_BREAKPOINTS } from './anthropic-cache';
import type { EngineEvent, GeneratedHint, HintOrigin } from '../types';
import { noRetryOnSpendLimit, toModelCallError } from './anthropic-errors';
import type { HintProvider, ProviderRequest, ProviderResult } from './provider';

export interface AnthropicProviderOptions {
  apiKey: string;
  baseURL?: string;
  /** The SDK's retries. Default 2. */
  maxRetries?: number;
  /** Deadline for the whole call (all attempts and the streamed answer). Default 15 s. */
  timeoutMs?: number;
  /** Stream tool input as generated instead of buffered (`eager_input_streaming`). Default true. */
  eagerInputStreaming?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

class Deadline extends Error {}

export function buildEmitHintsTool(eager: boolean): Tool {
  return {
    name: EMIT_HINTS_TOOL_NAME,
    description: EMIT_HINTS_TOOL.description,
    input_schema: EMIT_HINTS_INPUT_SCHEMA as unknown as Tool.InputSchema,
    ...(eager ? { eager_input_streaming: true } : {}),
  };
}

export function buildMessageParams(req: ProviderRequest, tool: Tool): MessageCreateParamsStreaming {
  if (!req.prompt || !req.model)
    throw new ModelCallError('bad_request', 'a model call needs a prompt and a model');
  return {
    model: req.model,
    max_tokens: req.maxTokens ?? 1_024,
    stream: true,
    // Tools + system form the cached prefix: a breakpoint on each stable system block (the shared library,
    // then the agent block) caches tools + library once for everyone and each (role, experience) on top of it.
    system: systemBlocks(req.prompt),
    tools: [tool],
    tool_choice: { type: 'tool', name: EMIT_HINTS_TOOL_NAME },
    messages: [{ role: 'user', content: req.prompt.user }],
  };
}

/** The system blocks, each with a cache breakpoint (the last 4 when there are more: the API's limit). */
export function systemBlocks(prompt: BuiltPrompt): TextBlockParam[] {
  const blocks = prompt.systemBlocks?.length ? prompt.systemBlocks : [prompt.system];
  const firstMarked = Math.max(0, blocks.length - MAX_CACHE_BREAKPOINTS);
  return blocks.map((text, i) =>
    i >= firstMarked ? { type: 'text', text, cache_control: { type: 'ephemeral' } } : { type: 'text', text },
  );
}

interface StreamState {
  usage: TokenUsage;
  model: string;
  toolIndex: number | undefined;
  toolJson: string;
  stopReason: string | null;
  stopped: boolean;
}

function applyEvent(ev: RawMessageStreamEvent, s: StreamState, scanner: PartialHintsScanner): void {
  switch (ev.type) {
    case 'message_start': {
      const u = ev.message.usage;
      s.model = ev.message.model || s.model;
      s.usage = {
        inputTokens: u.input_tokens ?? 0,
        outputTokens: u.output_tokens ?? 0,
        cacheCreationInputTokens: u.cache_creation_input_tokens ?? 0,
        cacheReadInputTokens: u.cache_read_input_tokens ?? 0,
      };
      return;
    }
    case 'content_block_start':
      if (ev.content_block.type === 'tool_use' && ev.content_block.name === EMIT_HINTS_TOOL_NAME) {
        s.toolIndex = ev.index;
      }
      return;
    case 'content_block_delta':
      if (ev.index === s.toolIndex && ev.delta.type === 'input_json_delta') {
        s.toolJson += ev.delta.partial_json;
        scanner.push(ev.delta.partial_json);
      }
      return;
    case 'message_delta': {
      // Cumulative totals; absent counters stay as they were.
      const u = ev.usage;
      s.usage = {
        inputTokens: u.input_tokens ?? s.usage.inputTokens,
        outputTokens: u.output_tokens ?? s.usage.outputTokens,
        cacheCreationInputTokens: u.cache_creation_input_tokens ?? s.usage.cacheCreationInputTokens,
        cacheReadInputTokens: u.cache_read_input_tokens ?? s.usage.cacheReadInputTokens,
      };
      s.stopReason = ev.delta.stop_reason ?? s.stopReason;
      return;
    }
    case 'message_stop':
      s.stopped = true;
      return;
    default:
  }
}

/** The call's own deadline over every attempt and the streamed body, chained to the caller's abort signal. */
interface CallDeadline {
  signal: AbortSignal;
  readonly timedOut: boolean;
  /** Stops the timer and unhooks the caller's signal. */
  dispose(): void;
}

function startDeadline(timeoutMs: number, outer: AbortSignal | undefined): CallDeadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Deadline('deadline'));
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

function newStreamState(model: string | undefined): StreamState {
  return {
    usage: { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 },
    model: model ?? '',
    toolIndex: undefined,
    toolJson: '',
    stopReason: null,
    stopped: false,
  };
}

/** Hints streamed out of the tool input as it arrives (`scanner`), then reconciled with the validated input. */
interface StreamedHints {
  scanner: PartialHintsScanner;
  /** When the first hint text arrived (ms after the call started). */
  readonly firstDeltaMs: number | undefined;
  /** Completes every final hint not already completed identically while streaming. */
  finish(hints: GeneratedHint[]): void;
}

function streamHints(
  started: number,
  onEvent: (e: EngineEvent) => void,
  origin: () => HintOrigin,
): StreamedHints {
  let firstDeltaMs: number | undefined;
  const startedHints = new Set<number>();
  /** Hints completed while streaming (validated alone), by index. */
  const early = new Map<number, GeneratedHint>();
  const scanner = new PartialHintsScanner({
    onHint: (index) => {
      startedHints.add(index);
      onEvent({ type: 'started', index });
    },
    onText: (index, text) => {
      firstDeltaMs ??= Math.round(performance.now() - started);
      onEvent({ type: 'delta', index, text });
    },
    onHintEnd: (index, json) => {
      const hint = index < MAX_HINTS ? parseHintJson(json) : null;
      if (!hint) return; // the final validation decides
      early.set(index, hint);
      onEvent({ type: 'completed', index, hint, origin: origin() });
    },
  });
  return {
    scanner,
    get firstDeltaMs() {
      return firstDeltaMs;
    },
    finish(hints) {
      hints.forEach((hint, index) => {
        const sent = early.get(index);
        if (sent && JSON.stringify(sent) === JSON.stringify(hint)) return;
        // Not completed yet, or (should never happen) completed differently: (re)start it.
        if (!startedHints.has(index) || sent) onEvent({ type: 'started', index });
        onEvent({ type: 'completed', index, hint, origin: origin() });
      });
    },
  };
}

/** The validated hints of a finished stream, or the `ModelCallError` saying why there are none. */
function finalHints(state: StreamState, timedOut: boolean, timeoutMs: number): GeneratedHint[] {
  // An aborted SSE stream ends quietly: tell a deadline from a truncated stream.
  if (timedOut) {
    throw new ModelCallError('timeout', `no complete answer within ${timeoutMs} ms`, {
      usage: state.usage,
    });
  }
  if (!state.stopped)
    throw new ModelCallError('stream_error', 'stream ended before message_stop', { usage: state.usage });
  if (state.stopReason === 'refusal')
    throw new ModelCallError('refusal', 'the model refused', { usage: state.usage });
  if (state.toolIndex === undefined) {
    throw new ModelCallError('invalid_output', `no ${EMIT_HINTS_TOOL_NAME} call`, { usage: state.usage });
  }
  let input: unknown;
  try {
    input = state.toolJson.trim() === '' ? {} : JSON.parse(state.toolJson);
  } catch {
    const why = state.stopReason === 'max_tokens' ? 'truncated at max_tokens' : 'tool input is not JSON';
    throw new ModelCallError('invalid_output', why, { usage: state.usage });
  }
  const parsed = parseHintsInput(input);
  if (!parsed.ok) throw new ModelCallError('invalid_output', parsed.error, { usage: state.usage });
  return parsed.hints;
}

export function createAnthropicProvider(opts: AnthropicProviderOptions): HintProvider {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new Anthropic({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    maxRetries: opts.maxRetries ?? 2,
    timeout: timeoutMs,
    middleware: [noRetryOnSpendLimit],
  });
  const tool = buildEmitHintsTool(opts.eagerInputStreaming ?? true);

  async function generate(req: ProviderRequest, onEvent: (e: EngineEvent) => void): Promise<ProviderResult> {
    const started = performance.now();
    const deadline = startDeadline(timeoutMs, req.signal);
    const state = newStreamState(req.model);
    const origin = (): HintOrigin => ({
      provider: 'anthropic',
      model: state.model,
      cached: false,
      fallback: false,
    });
    const streamed = streamHints(started, onEvent, origin);

    try {
      const stream = await client.messages.create(buildMessageParams(req, tool), {
        signal: deadline.signal,
        timeout: timeoutMs,
      });
      for await (const ev of stream) applyEvent(ev, state, streamed.scanner);
    } catch (err) {
      throw toModelCallError(err, { timedOut: deadline.timedOut, usage: state.usage, timeoutMs });
    } finally {
      deadline.dispose();
    }

    const hints = finalHints(state, deadline.timedOut, timeoutMs);
    streamed.finish(hints);
    return {
      hints,
      model: state.model,
      usage: state.usage,
      latencyMs: Math.round(performance.now() - started),
      firstDeltaMs: streamed.firstDeltaMs,
    };
  }

  return { kind: 'anthropic', generate };
}
