/** Chooses the quota gate: Redis counters when a Redis URL is given, else the process-wide memory store. */
import type { QuotaGate } from './quota-gate';
import { MemoryQuotaGate } from './memory-quota-gate';
import { RedisQuotaGate } from './redis-quota-gate';

export interface CreateQuotaGateOptions {
  redisUrl?: string;
  prefix?: string;
  now?: () => Date;
}

export function createQuotaGate(opts: CreateQuotaGateOptions = {}): QuotaGate {
  if (opts.redisUrl) return new RedisQuotaGate({ url: opts.redisUrl, prefix: opts.prefix, now: opts.now });
  return new MemoryQuotaGate({ now: opts.now });
}
