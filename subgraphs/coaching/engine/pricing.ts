/**
 * Token prices (USD per million tokens) and the conversion of a call's usage into integer micro-dollars.
 * USD per million tokens is exactly micro-dollars per token, so the arithmetic stays in integers
 * (prices are scaled by 1,000 to keep three decimals) and the total is rounded UP: an estimate of spend
 * must never under-count. Unknown models cost the most expensive known price, never NaN.
 */
export interface ModelPrice {
  input: number;
  output: number;
  /** Writing the prompt cache (5-minute TTL). */
  cacheWrite: number;
  cacheRead: number;
}

export interface TokenUsage {
  /** Uncached input tokens. */
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export const ZERO_USAGE: TokenUsage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
});

/** Keyed by model family; dated ids (`claude-haiku-4-5-20251001`) match by longest prefix. */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  'claude-opus-4-5': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-opus-4-1': { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  'claude-opus-4': { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-3-7-sonnet': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-3-5-haiku': { input: 0.8, output: 4, cacheWrite: 1, cacheRead: 0.08 },
  'claude-3-haiku': { input: 0.25, output: 1.25, cacheWrite: 0.3, cacheRead: 0.03 },
  'offline-coach-v1': { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 },
});

/** What an unknown model is charged: the most expensive known price. */
export const CONSERVATIVE_PRICE: ModelPrice = Object.freeze({
  input: 15,
  output: 75,
  cacheWrite: 18.75,
  cacheRead: 1.5,
});

const BOUNDARY = /^[-@:]/;

export function priceFor(
  model: string,
  table: Readonly<Record<string, ModelPrice>> = DEFAULT_PRICES,
): ModelPrice {
  const exact = table[model];
  if (exact) return exact;
  let best: string | undefined;
  for (const family of Object.keys(table)) {
    if (!model.startsWith(family) || !BOUNDARY.test(model.slice(family.length))) continue;
    if (!best || family.length > best.length) best = family;
  }
  return (best && table[best]) || CONSERVATIVE_PRICE;
}

function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function scaled(price: number): number {
  return Number.isFinite(price) && price > 0 ? Math.round(price * 1000) : 0;
}

/** Integer micro-dollars for `usage` on `model`, rounded up. */
export function costMicros(
  model: string,
  usage: TokenUsage,
  table: Readonly<Record<string, ModelPrice>> = DEFAULT_PRICES,
): number {
  const p = priceFor(model, table);
  const milliMicros =
    count(usage.inputTokens) * scaled(p.input) +
    count(usage.outputTokens) * scaled(p.output) +
    count(usage.cacheCreationInputTokens) * scaled(p.cacheWrite) +
    count(usage.cacheReadInputTokens) * scaled(p.cacheRead);
  return Math.ceil(milliMicros / 1000);
}

/** All input tokens of a call (uncached + cache writes + cache reads). */
export function totalInputTokens(usage: TokenUsage): number {
  return count(usage.inputTokens) + count(usage.cacheCreationInputTokens) + count(usage.cacheReadInputTokens);
}
