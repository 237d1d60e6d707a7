/**
 * Pub/sub for live fan-out (coaching hints to subscribers): one interface, an in-process implementation
 * for the embedded default and a Redis one (REDIS_URL) so a subscriber connected to any instance receives
 * what any instance publishes. Payloads are JSON: what a subscriber receives is `JSON.parse(JSON.stringify(x))`
 * in both implementations (Dates arrive as ISO strings).
 */

export interface PubSubIterator<T> extends AsyncIterableIterator<T> {
  /** Resolves once the subscription is live (for Redis: the SUBSCRIBE was acknowledged). */
  readonly ready: Promise<void>;
  /** Ends the iteration and releases the subscription. Idempotent. */
  return(): Promise<IteratorResult<T>>;
}

export interface SubscribeOptions {
  /** Messages buffered for a slow consumer before the oldest are dropped (default 1000). */
  bufferSize?: number;
}

export interface PubSub {
  publish(channel: string, payload: unknown): Promise<void>;
  subscribe<T = unknown>(channel: string, opts?: SubscribeOptions): PubSubIterator<T>;
  close(): Promise<void>;
}

export const DEFAULT_BUFFER_SIZE = 1000;
