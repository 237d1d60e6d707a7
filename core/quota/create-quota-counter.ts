/** Chooses the quota counter: Redis with a Redis URL (shared by the subgraph's instances), else in process. */
import type { QuotaCounter } from './quota-counter';
import { MemoryQuotaCounter } from './memory-quota-counter';
import { RedisQuotaCounter } from './redis-quota-counter';

export interface CreateQuotaCounterOptions {
  redisUrl?: string;
  /** Key prefix in Redis: the owning subgraph's namespace. */
  prefix?: string;
}

export function createQuotaCounter(opts: CreateQuotaCounterOptions = {}): QuotaCounter {
  if (opts.redisUrl) return new RedisQuotaCounter({ url: opts.redisUrl, prefix: opts.prefix });
  return new MemoryQuotaCounter();
}
