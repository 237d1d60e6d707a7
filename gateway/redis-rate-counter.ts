/**
 * Rate-limit counters in Redis, so every gateway instance shares a tenant's per-minute budget:
 * INCR on a key per tenant and window, expiring with the window.
 */
import Redis from 'ioredis';
import type { RateCounter } from './plugins/use-rate-limit';

export class RedisRateCounter implements RateCounter {
  private readonly redis: Redis;
  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const k = `${this.prefix}:${key}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(k)
      .expire(k, windowSeconds * 2)
      .exec()) as [[Error | null, number]];
    return count;
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
