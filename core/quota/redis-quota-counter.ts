/**
 * Redis quota counts (distributed mode), shared by every instance of the spending subgraph (and no other):
 * one integer per tenant and period, `<prefix>:<tenant>:<periodEnd ms>`, expiring a day after the period
 * ends. `take` is one Lua script (read, cap, increment), so it is atomic across instances.
 */
import Redis from 'ioredis';
import {
  COUNT_GRACE_MS,
  type CounterKey,
  type QuotaCounter,
  type RebuildCount,
  type Take,
} from './quota-counter';

export interface RedisQuotaCounterOptions {
  url?: string;
  redis?: Redis;
  prefix?: string;
}

/** KEYS: count. ARGV: limit, want, expire-at ms. → {granted, used}, or -1 when the count is missing. */
const TAKE = `
local used = redis.call('GET', KEYS[1])
if not used then return -1 end
used = tonumber(used)
local granted = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used)
if granted <= 0 then return {0, used} end
redis.call('INCRBY', KEYS[1], granted)
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return {granted, used + granted}`;

/** KEYS: count. ARGV: n. Decrements an existing count, never below zero. */
const RELEASE = `
local used = redis.call('GET', KEYS[1])
if not used then return 0 end
local left = math.max(0, tonumber(used) - tonumber(ARGV[1]))
redis.call('SET', KEYS[1], left, 'KEEPTTL')
return left`;

export class RedisQuotaCounter implements QuotaCounter {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly seeding = new Map<string, Promise<void>>();

  constructor(opts: RedisQuotaCounterOptions) {
    if (!opts.url && !opts.redis) throw new Error('RedisQuotaCounter needs url or redis');
    // commandTimeout: a Redis that hangs fails the take (the caller's error path) instead of holding it forever
    this.redis =
      opts.redis ??
      new Redis(opts.url!, { maxRetriesPerRequest: 2, lazyConnect: true, commandTimeout: 1_000 });
    this.owned = !opts.redis;
    // connection errors repeat while Redis is away; each command's own error reaches its caller
    if (this.owned) this.redis.on('error', () => undefined);
    this.prefix = opts.prefix ?? 'quota';
  }

  private keyOf(key: CounterKey): string {
    return `${this.prefix}:${key.tenantId}:${new Date(key.periodEnd).getTime()}`;
  }

  async take(key: CounterKey, limit: number, want: number, rebuild: RebuildCount): Promise<Take> {
    const k = this.keyOf(key);
    const expireAt = String(new Date(key.periodEnd).getTime() + COUNT_GRACE_MS);
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = (await this.redis.eval(TAKE, 1, k, String(limit), String(want), expireAt)) as
        number | [number, number];
      if (Array.isArray(res)) return { granted: Number(res[0]), used: Number(res[1]) };
      await this.seed(k, expireAt, rebuild);
    }
    throw new Error(`quota count ${k} could not be created`);
  }

  /** Seeds a missing count (NX: a concurrent seed or take is never overwritten); one rebuild per process. */
  private async seed(k: string, expireAt: string, rebuild: RebuildCount): Promise<void> {
    let seeding = this.seeding.get(k);
    if (!seeding) {
      seeding = (async () => {
        await this.redis.set(k, String(await rebuild()), 'PXAT', expireAt, 'NX');
      })().finally(() => this.seeding.delete(k));
      this.seeding.set(k, seeding);
    }
    await seeding;
  }

  async release(key: CounterKey, n: number): Promise<void> {
    if (n > 0) await this.redis.eval(RELEASE, 1, this.keyOf(key), String(n));
  }

  /** Deletes the tenant's counts (tests, deprovisioning). */
  async reset(tenantId: string): Promise<void> {
    const keys = await this.redis.keys(`${this.prefix}:${tenantId}:*`);
    if (keys.length) await this.redis.del(...keys);
  }

  async close(): Promise<void> {
    if (this.owned) this.redis.disconnect();
  }
}
