/**
 * Webhook ids already accepted, kept for a TTL: in process (LRU) or in Redis (`SET NX EX`, shared by every
 * coaching instance). Durable dedupe of messages is the unique (tenant, externalId) constraint on turns.
 */
import { LRUCache } from 'lru-cache';
import { Redis } from 'ioredis';

export interface SeenStore {
  /** True when the id was not seen before (and is now remembered). */
  claim(id: string): Promise<boolean>;
  /** Forgets an id (the delivery was refused, e.g. 429, and will be retried). */
  release(id: string): Promise<void>;
  close(): Promise<void>;
}

export class MemorySeenStore implements SeenStore {
  private readonly cache: LRUCache<string, true>;
  constructor(ttlSeconds: number, max = 100_000) {
    this.cache = new LRUCache<string, true>({ max, ttl: ttlSeconds * 1000 });
  }
  async claim(id: string): Promise<boolean> {
    if (this.cache.has(id)) return false;
    this.cache.set(id, true);
    return true;
  }
  async release(id: string): Promise<void> {
    this.cache.delete(id);
  }
  async close(): Promise<void> {
    this.cache.clear();
  }
}

export class RedisSeenStore implements SeenStore {
  private readonly redis: Redis;
  constructor(
    url: string,
    private readonly ttlSeconds: number,
    private readonly prefix = 'coaching:ghl:webhook:',
    onError?: (err: unknown) => void,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    this.redis.on('error', (err: unknown) => onError?.(err));
  }
  async claim(id: string): Promise<boolean> {
    const ok = await this.redis.set(this.prefix + id, '1', 'EX', this.ttlSeconds, 'NX');
    return ok === 'OK';
  }
  async release(id: string): Promise<void> {
    await this.redis.del(this.prefix + id);
  }
  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
