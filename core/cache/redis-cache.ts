/**
 * Redis cache on ioredis 5: every key is prefixed (one Redis can serve many services and test runs),
 * TTL via PX. When the cache creates its own client it fails fast instead of queueing commands while
 * Redis is down (a cache must never make a request wait), and closes the client on `close()`; a client
 * passed in stays the caller's.
 */
import { Redis } from 'ioredis';
import { assertTtl, type Cache } from './cache';

export interface RedisCacheOptions {
  /** A connection URL (the cache owns the client) or an existing client (the caller owns it). */
  redis: string | Redis;
  /** Prepended to every key, e.g. `coaching:hints:`. */
  prefix: string;
}

export class RedisCache implements Cache {
  private readonly client: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;
  private closed = false;

  constructor(opts: RedisCacheOptions) {
    if (typeof opts.redis === 'string') {
      this.client = new Redis(opts.redis, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: true,
        lazyConnect: false,
        connectTimeout: 2_000,
      });
      // connection errors repeat while Redis is away; each command's own error reaches its caller
      this.client.on('error', () => undefined);
      this.owned = true;
    } else {
      this.client = opts.redis;
      this.owned = false;
    }
    this.prefix = opts.prefix;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.client.get(this.prefix + key);
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.client.set(this.prefix + key, value, 'PX', assertTtl(ttlSeconds));
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async close(): Promise<void> {
    if (this.closed || !this.owned) return;
    this.closed = true;
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
