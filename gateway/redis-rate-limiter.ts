/**
 * The per-tenant rate limit in Redis, so every gateway instance shares a tenant's budget:
 * rate-limiter-flexible's RateLimiterRedis (one atomic INCR-with-expiry script per request).
 * If Redis cannot answer, each instance falls back to its own in-memory budget of the same size
 * (insurance limiter): requests keep being served and limited per instance instead of failing.
 */
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { memoryRateLimiter } from './plugins/use-rate-limit';

export interface RedisRateLimiterOptions {
  url: string;
  /** Key prefix on the Redis server (several platforms on one Redis). */
  prefix: string;
  perMinute: number;
  /** Redis connection errors (it reconnects by itself; requests use the insurance limiter meanwhile). */
  onError?: (err: unknown) => void;
}

export function createRedisRateLimiter(opts: RedisRateLimiterOptions): {
  limiter: RateLimiterRedis;
  /** Resolves once connected (until then, and whenever Redis is unreachable, the insurance budget counts). */
  ready: Promise<void>;
  close(): Promise<void>;
} {
  // No offline queue: while Redis is unreachable a request goes to the insurance limiter at once
  // instead of waiting for a reconnect.
  const redis = new Redis(opts.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', (err) => opts.onError?.(err));
  const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${opts.prefix}:tenant`,
    points: opts.perMinute,
    duration: 60,
    insuranceLimiter: memoryRateLimiter(opts.perMinute),
  });
  return {
    limiter,
    ready,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
