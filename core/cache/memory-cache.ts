/**
 * In-process cache on lru-cache: bounded by entry count, per-entry TTL. The embedded default.
 */
import { LRUCache } from 'lru-cache';
import { assertTtl, type Cache } from './cache';

export interface MemoryCacheOptions {
  /** Maximum number of entries before the least recently used is evicted. Default 10,000. */
  maxEntries?: number;
}

export class MemoryCache implements Cache {
  private readonly lru: LRUCache<string, string>;

  constructor(opts: MemoryCacheOptions = {}) {
    this.lru = new LRUCache<string, string>({ max: opts.maxEntries ?? 10_000 });
  }

  get size(): number {
    return this.lru.size;
  }

  async get(key: string): Promise<string | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.lru.set(key, value, { ttl: assertTtl(ttlSeconds) });
  }

  /** What is cached now, key and value (operators and tests: e.g. proving an erasure left nothing). */
  *entries(): IterableIterator<[string, string]> {
    for (const [key, value] of this.lru.entries()) yield [key, value];
  }

  async delete(key: string): Promise<void> {
    this.lru.delete(key);
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}
