/**
 * Whether this process's event consumers hear events now — what a read model fed by them may conclude from
 * a missing row. While a consumer cannot read (Redis down or hanging) and for a while after (the producers'
 * outbox backlog is still being published: 15–25 s after a Redis outage, measured), a row missing from the
 * read model may exist at its source: the answer is "retry later", not "not found".
 * Unhealthy now: a consumer's connection is not ready, or its read (reclaim and XREADGROUP, which blocks at
 * most `blockMs`) has been under way for longer than `stallMs` (Redis hangs). Recently unhealthy:
 * a connection closed or back after a loss, a read that failed, or a stall's end, within the last
 * `recoveryMs` — counted from the consumer's return, so a long outage is followed by the whole window.
 */

export interface ConsumerHealth {
  /** True when every consumer reads now and none failed within the recovery window. */
  healthy: boolean;
  /** When to ask again, in seconds (0 when healthy). */
  retryAfterSeconds: number;
}

export const ALWAYS_HEALTHY: ConsumerHealth = { healthy: true, retryAfterSeconds: 0 };

export interface ConsumerHealthOptions {
  /** How long after the last failure the consumers still count as catching up. Default 30 s. */
  recoveryMs?: number;
  /**
   * A read under way this long is stalled. Default 11 s (the Redis bus: its `blockMs` + 10 s: a start on a
   * loaded machine, event loop busy, stretched reads to 3–5 s, measured; a hang shorter than this goes unseen).
   */
  stallMs?: number;
}

/** While a consumer is down, the retry hint: soon enough to notice its return. */
const DOWN_RETRY_SECONDS = 5;

/** One consumer's read loop as the tracker sees it. */
export interface WatchedConsumer {
  /** ioredis connection status; `ready` when it can read. */
  status(): string;
  /** When its read under way started (epoch ms); null between reads. */
  readingSince: number | null;
}

export class ConsumerHealthTracker {
  private lastFailureAt: number | null = null;
  private readonly recoveryMs: number;
  private readonly stallMs: number;

  constructor(opts: ConsumerHealthOptions = {}) {
    this.recoveryMs = opts.recoveryMs ?? 30_000;
    this.stallMs = opts.stallMs ?? 11_000;
  }

  /** A connection closed or back after a loss, or a failed read: the recovery window starts (again). */
  failed(at = Date.now()): void {
    this.lastFailureAt = at;
  }

  /** `consumer` starts a read. */
  reading(consumer: WatchedConsumer, at = Date.now()): void {
    consumer.readingSince = at;
  }

  /** `consumer`'s read answered (or failed): one that took longer than `stallMs` was a stall, now over. */
  read(consumer: WatchedConsumer, at = Date.now()): void {
    if (consumer.readingSince !== null && at - consumer.readingSince > this.stallMs) this.failed(at);
    consumer.readingSince = null;
  }

  health(consumers: readonly WatchedConsumer[], now = Date.now()): ConsumerHealth {
    const down = consumers.some(
      (c) => c.status() !== 'ready' || (c.readingSince !== null && now - c.readingSince > this.stallMs),
    );
    if (down) return { healthy: false, retryAfterSeconds: DOWN_RETRY_SECONDS };
    if (this.lastFailureAt === null || now - this.lastFailureAt >= this.recoveryMs) return ALWAYS_HEALTHY;
    return {
      healthy: false,
      retryAfterSeconds: Math.max(1, Math.ceil((this.lastFailureAt + this.recoveryMs - now) / 1000)),
    };
  }
}
