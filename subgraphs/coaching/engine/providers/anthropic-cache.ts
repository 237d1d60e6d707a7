/**
 * Prompt caching facts of the Anthropic API the engine relies on, and the token estimate we check them with.
 *
 * A cached prefix (tools, then system, up to a `cache_control` breakpoint) is only cached when it holds at least
 * the model's minimum number of tokens; below it the request succeeds but nothing is cached or read, and every
 * token is billed as plain input. Minimums from Anthropic's prompt-caching documentation (checked 2026-12):
 * Claude Haiku 4.5, Opus 4.5 and 4.6: 4,096; Claude Haiku 3.5 and 3: 2,048; Sonnet 4.6: documented as 1,024 but
 * observed to cache only from 2,048 (anthropic-sdk-python#1194), so 2,048 here; Sonnet 4.5, Sonnet 4, Opus 4 and
 * 4.1, Sonnet 3.7: 1,024. An unknown model is assumed to need the most (4,096).
 *
 * Token counts here are ESTIMATES (no tokenizer ships with the SDK; `client.messages.countTokens` asks the API):
 * one token per 4 characters, rounded up. Anthropic's rule of thumb for English is about 3.5 characters per
 * token, so the estimate under-counts prose by roughly an eighth — a prefix the estimate puts above a minimum is
 * above it for real. We still keep a margin (PREFIX_TARGET_TOKENS) for dense text and tokenizer changes.
 */

/** Breakpoints allowed per request. */
export const MAX_CACHE_BREAKPOINTS = 4;

/** Estimated tokens the shared prefix is kept above: the largest minimum (4,096) plus about 12 %. */
export const PREFIX_TARGET_TOKENS = 4_600;

/** Longest family prefix first, so `claude-haiku-4-5-20251001` finds `claude-haiku-4-5`. */
const MINIMUMS: ReadonlyArray<readonly [family: string, tokens: number]> = [
  ['claude-haiku-4-5', 4_096],
  ['claude-opus-4-6', 4_096],
  ['claude-opus-4-5', 4_096],
  ['claude-opus-4-1', 1_024],
  ['claude-opus-4', 1_024],
  ['claude-sonnet-4-6', 2_048],
  ['claude-sonnet-4-5', 1_024],
  ['claude-sonnet-4', 1_024],
  ['claude-3-7-sonnet', 1_024],
  ['claude-3-5-haiku', 2_048],
  ['claude-3-haiku', 2_048],
];

/** The most any model needs: what an unknown model is assumed to need. */
export const MAX_MIN_CACHEABLE_TOKENS = 4_096;

/** The fewest tokens a cached prefix must hold on `model`. */
export function minCacheableTokens(model: string): number {
  let best: readonly [string, number] | undefined;
  for (const entry of MINIMUMS) {
    const [family] = entry;
    if (model !== family && !(model.startsWith(family) && /^[-@:]/.test(model.slice(family.length))))
      continue;
    if (!best || family.length > best[0].length) best = entry;
  }
  return best ? best[1] : MAX_MIN_CACHEABLE_TOKENS;
}

/** Estimated tokens of `text` (4 characters a token, rounded up; see above). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
