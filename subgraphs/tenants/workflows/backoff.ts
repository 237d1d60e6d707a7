/**
 * When a failed delivery is tried again: exponential backoff (base × 2^(n−1), capped) with "equal jitter" —
 * half the delay fixed, half random — so receivers that failed together are not retried together.
 */
export interface BackoffOptions {
  retryBaseMs: number;
  retryMaxMs: number;
}

/** The delay after the `attempt`-th failed attempt (1-based). */
export function retryDelayMs(
  attempt: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.retryMaxMs, opts.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
