/**
 * How a failed event handler is retried, the same on both buses (in-process and Redis Streams): again in
 * the same consumer after a short, growing pause — 50 ms, 100 ms, 200 ms, 400 ms (capped at 1 s) — and
 * given up after `DELIVERY_ATTEMPTS` attempts, when the event becomes a dead letter (kept durably with
 * the group, the attempts and the last error; see core/outbox/dead-letter.ts and the Redis bus).
 *
 * Why quick retries rather than waiting for a redelivery sweep: a transient failure (a PostgreSQL server
 * out of connection slots for a moment) must not hold an event back longer than a reader waits for it —
 * coaching waits a bounded 3 s for a session it has not seen yet, then answers NOT_FOUND. Five attempts
 * span about 0.75 s of pauses.
 */
export const DELIVERY_ATTEMPTS = 5;

const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 1_000;

/** The pause before the attempt after `attempt` (1-based) failed. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), MAX_RETRY_MS);
}

/** The last error of a given-up delivery as it is stored and logged (message, not the stack). */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
}
