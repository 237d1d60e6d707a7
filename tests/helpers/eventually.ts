/**
 * Waiting in tests without guessing a duration. Prefer waiting on the event itself (a promise the subscription,
 * emitter or callback resolves). Where nothing announces the change (a TTL elapsing in Redis, a row a consumer
 * writes), `eventually` polls and returns the moment the condition holds, failing at a deadline with the last
 * reason — never "sleep N ms, then check".
 */

export interface EventuallyOptions {
  /** Give up after this long. Default 5,000 ms. */
  timeoutMs?: number;
  /** Pause between checks. Default 10 ms. */
  intervalMs?: number;
  /** Named in the timeout error. */
  what?: string;
}

/**
 * Calls `check` until it returns something other than `false` and does not throw (an `expect` inside works),
 * and resolves with that value. At the deadline it rejects with the last thrown error, or a timeout error.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 5_000, intervalMs = 10, what = 'condition' }: EventuallyOptions = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      const value = await check();
      if (value !== false) return value as Exclude<T, false>;
    } catch (err) {
      failure = err;
    }
    if (Date.now() >= deadline) {
      if (failure !== undefined) throw failure;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A promise with its resolve exposed: hand `resolve` to the event, `await promise` in the test. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
