/**
 * Redis quota counters (distributed mode), shared by every coaching and billing instance:
 * `<prefix>:<tenant>:limit` (hash: limit, periodStart, periodEnd) and one counter per period,
 * `<prefix>:<tenant>:used:<periodEnd ms>`, INCRBY'd and expiring (PEXPIREAT) a day after the period
 * ends. A missing limit or counter is rebuilt from the registered `QuotaSource` (billing's ledger).
 */
import Redis from 'ioredis';
import {
  type ConsumeOptions,
  currentPeriod,
  statusOf,
  type QuotaGate,
  type QuotaLimit,
  type QuotaSource,
  type QuotaStatus,
} from './quota-gate';

export interface RedisQuotaGateOptions {
  url?: string;
  redis?: Redis;
  prefix?: string;
  now?: () => Date;
}

const GRACE_MS = 24 * 3600 * 1000;

/** KEYS: counter, marker. ARGV: n, expire-at ms. Counts only when the marker is new. */
const CONSUME_ONCE = `
if redis.call('SET', KEYS[2], '1', 'NX', 'PXAT', ARGV[2]) then
  local v = redis.call('INCRBY', KEYS[1], ARGV[1])
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
  return v
end
return tonumber(redis.call('GET', KEYS[1]) or '0')`;

export class RedisQuotaGate implements QuotaGate {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly now: () => Date;
  private source: QuotaSource | undefined;

  constructor(opts: RedisQuotaGateOptions) {
    if (!opts.url && !opts.redis) throw new Error('RedisQuotaGate needs url or redis');
    this.redis = opts.redis ?? new Redis(opts.url!, { maxRetriesPerRequest: 2, lazyConnect: true });
    this.owned = !opts.redis;
    this.prefix = opts.prefix ?? 'quota';
    this.now = opts.now ?? (() => new Date());
  }

  private limitKey(tenantId: string): string {
    return `${this.prefix}:${tenantId}:limit`;
  }

  private usedKey(tenantId: string, periodEnd: string): string {
    return `${this.prefix}:${tenantId}:used:${new Date(periodEnd).getTime()}`;
  }

  private async readLimit(tenantId: string): Promise<QuotaLimit | null> {
    const [limit, periodStart, periodEnd] = await this.redis.hmget(
      this.limitKey(tenantId),
      'limit',
      'periodStart',
      'periodEnd',
    );
    if (limit == null || periodStart == null || periodEnd == null) return null;
    return { limit: Number(limit), periodStart, periodEnd };
  }

  /** The tenant's current-period limit and counter key, rebuilding from the source when missing. */
  private async resolve(
    tenantId: string,
  ): Promise<{ limit: QuotaLimit; key: string; rebuilt: boolean } | null> {
    let limit = await this.readLimit(tenantId);
    let rebuilt = false;
    if (!limit) {
      const loaded = await this.source?.load(tenantId);
      if (!loaded) return null;
      limit = { limit: loaded.limit, periodStart: loaded.periodStart, periodEnd: loaded.periodEnd };
      // NX: a concurrent rebuild or increment is not overwritten; only the caller that set it skips counting.
      const expireAt = new Date(limit.periodEnd).getTime() + GRACE_MS;
      const res = await this.redis
        .multi()
        .hset(this.limitKey(tenantId), { ...limit, limit: String(limit.limit) })
        .set(this.usedKey(tenantId, limit.periodEnd), String(loaded.used), 'PXAT', expireAt, 'NX')
        .exec();
      rebuilt = res?.[1]?.[1] === 'OK';
    }
    const period = currentPeriod(limit, this.now());
    if (period.periodEnd !== limit.periodEnd) {
      await this.redis.hset(this.limitKey(tenantId), { ...period, limit: String(period.limit) });
    }
    const key = this.usedKey(tenantId, period.periodEnd);
    if (this.source && (await this.redis.exists(key)) === 0) {
      const loaded = await this.source.load(tenantId);
      if (loaded && loaded.periodEnd === period.periodEnd) {
        const res = await this.redis.set(
          key,
          String(loaded.used),
          'PXAT',
          new Date(period.periodEnd).getTime() + GRACE_MS,
          'NX',
        );
        rebuilt = res === 'OK';
      }
    }
    return { limit: period, key, rebuilt };
  }

  async check(tenantId: string): Promise<QuotaStatus> {
    const r = await this.resolve(tenantId);
    if (!r) return statusOf(0, null);
    return statusOf(Number((await this.redis.get(r.key)) ?? '0'), r.limit);
  }

  /**
   * When the counter had to be rebuilt from the ledger just now, the ledger already holds this usage
   * (billing counts after its ledger insert committed), so the rebuilt value is returned as is.
   */
  async consume(tenantId: string, n: number, opts: ConsumeOptions = {}): Promise<QuotaStatus> {
    const r = await this.resolve(tenantId);
    if (!r) return statusOf(0, null);
    const expireAt = new Date(r.limit.periodEnd).getTime() + GRACE_MS;
    const marker = opts.idempotencyKey !== undefined ? `${r.key}:seen:${opts.idempotencyKey}` : undefined;
    if (r.rebuilt) {
      if (marker) await this.redis.set(marker, '1', 'PXAT', expireAt, 'NX');
      return this.check(tenantId);
    }
    if (marker) {
      const used = Number(await this.redis.eval(CONSUME_ONCE, 2, r.key, marker, String(n), String(expireAt)));
      return statusOf(used, r.limit);
    }
    const res = await this.redis
      .multi()
      .incrby(r.key, n)
      .pexpireat(r.key, new Date(r.limit.periodEnd).getTime() + GRACE_MS)
      .exec();
    const used = Number(res?.[0]?.[1] ?? 0);
    return statusOf(used, r.limit);
  }

  async setLimit(tenantId: string, limit: QuotaLimit, used?: number): Promise<void> {
    const key = this.usedKey(tenantId, limit.periodEnd);
    const expireAt = new Date(limit.periodEnd).getTime() + GRACE_MS;
    const tx = this.redis.multi().hset(this.limitKey(tenantId), {
      limit: String(limit.limit),
      periodStart: limit.periodStart,
      periodEnd: limit.periodEnd,
    });
    if (used !== undefined) tx.set(key, String(used), 'PXAT', expireAt);
    else tx.set(key, '0', 'PXAT', expireAt, 'NX');
    await tx.exec();
  }

  setSource(source: QuotaSource | undefined): void {
    this.source = source;
  }

  /** Deletes the tenant's keys (tests, deprovisioning). */
  async reset(tenantId: string): Promise<void> {
    const keys = await this.redis.keys(`${this.prefix}:${tenantId}:*`);
    if (keys.length) await this.redis.del(...keys);
  }

  async close(): Promise<void> {
    if (this.owned) this.redis.disconnect();
  }
}
