/**
 * The per-tenant rate limit in Redis, so every gateway instance shares a tenant's budget:
 * rate-limiter-flexible's RateLimiterRedis (one atomic INCR-with-expiry script per request).
 *
 * Redis being away must never fail or stall a request. While it is unavailable each instance counts in its
 * own memory, with a budget of the same size, and says so once (warn); it goes back to Redis by itself when
 * Redis answers again (info). "Unavailable" covers both ways Redis goes away:
 * - refused or dropped connections: no offline queue, so a command fails at once instead of waiting for a
 *   reconnect;
 * - a connection that stays open but gets no answer (a hung host, a network partition): a command gives up
 *   after `commandTimeoutMs`, and a probe that times out drops the connection and opens a new one. (Not
 *   ioredis' `socketTimeout`: in 5.x its timer outlives a reconnect, then cuts the new, healthy connection.)
 * Only the requests in flight when Redis hangs wait (at most `commandTimeoutMs`); once the limiter has fallen
 * back, requests do not touch Redis at all. A probe (PING every `probeIntervalMs`, and the client's `ready`)
 * decides when to go back. Counts taken locally are not copied to Redis: during an outage a tenant's budget
 * is per instance.
 */
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../core/logger';
import { memoryRateLimiter, type TenantRateLimiter } from './plugins/use-rate-limit';

export interface RedisRateLimiterOptions {
  url: string;
  /** Key prefix on the Redis server (several platforms on one Redis). */
  prefix: string;
  perMinute: number;
  /** How long a request may wait for Redis before it is counted locally. Default 250 ms. */
  commandTimeoutMs?: number;
  /** While counting locally, how often Redis is probed. Default 1 s. */
  probeIntervalMs?: number;
  /** Told once when counting falls back to memory (warn) and once when it is back on Redis (info). */
  logger?: Pick<Logger, 'warn' | 'info'>;
}

export interface RedisRateLimiter {
  limiter: TenantRateLimiter;
  /** Resolves once connected (until then, and whenever Redis is unavailable, the local budget counts). */
  ready: Promise<void>;
  /** True while requests are counted in this instance's memory because Redis is unavailable. */
  readonly local: boolean;
  close(): Promise<void>;
}

export function createRedisRateLimiter(opts: RedisRateLimiterOptions): RedisRateLimiter {
  const commandTimeout = opts.commandTimeoutMs ?? 250;
  const redis = new Redis(opts.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout,
    connectTimeout: 2_000,
  });
  // Connection errors repeat on every reconnect attempt; the fallback below reports the outage once.
  redis.on('error', () => undefined);
  const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const shared = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${opts.prefix}:tenant`,
    points: opts.perMinute,
    duration: 60,
  });
  const fallback = new LocalFallback({
    local: memoryRateLimiter(opts.perMinute),
    probe: async () => {
      try {
        await redis.ping();
      } catch (err) {
        // no answer on an open connection: it may be dead without the OS knowing; open a new one
        // (only while still falling back: a late timeout must not cut a connection that recovered since)
        const unanswered = err instanceof Error && err.message === 'Command timed out';
        if (unanswered && fallback.active && redis.status === 'ready') redis.disconnect(true);
        throw err;
      }
    },
    probeIntervalMs: opts.probeIntervalMs ?? 1_000,
    logger: opts.logger,
  });
  redis.on('ready', () => fallback.recovered());
  return {
    limiter: { consume: (key, points) => fallback.consume(shared, key, points) },
    ready,
    get local() {
      return fallback.active;
    },
    close: async () => {
      fallback.stop();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

interface LocalFallbackOptions {
  local: TenantRateLimiter;
  /** Resolves when the shared store answers again. */
  probe: () => Promise<void>;
  probeIntervalMs: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/** Counts on the shared limiter while it answers, locally (and probing) while it does not. */
class LocalFallback {
  active = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: LocalFallbackOptions) {}

  async consume(shared: TenantRateLimiter, key: string | number, points?: number): Promise<RateLimiterRes> {
    if (this.active) return this.o.local.consume(key, points);
    try {
      return await shared.consume(key, points);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw res; // over budget: the answer, not a failure
      this.fallBack(res);
      return this.o.local.consume(key, points);
    }
  }

  private fallBack(err: unknown): void {
    if (this.active || this.stopped) return;
    this.active = true;
    this.o.logger?.warn(
      { err },
      'rate limit: Redis unavailable; counting each tenant in this instance until it answers again',
    );
    this.timer = setInterval(() => {
      this.o.probe().then(
        () => this.recovered(),
        () => undefined,
      );
    }, this.o.probeIntervalMs);
    this.timer.unref();
  }

  /** Redis answered (a probe, or the client is ready again): back to the shared budget. */
  recovered(): void {
    if (!this.active) return;
    this.active = false;
    clearInterval(this.timer);
    this.o.logger?.info('rate limit: Redis answers again; tenants share one budget across instances again');
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
}
