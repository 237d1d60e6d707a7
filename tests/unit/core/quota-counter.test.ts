/**
 * The quota counter (in process, and Redis with REDIS_URL): grants never add up to more than the limit,
 * however many takes of one tenant are in flight together; tenants and periods never share a count; what a
 * grant did not use can be given back; a missing count is rebuilt once from the caller's records.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import {
  currentPeriod,
  MemoryQuotaCounter,
  quotaExceeded,
  RedisQuotaCounter,
  statusOf,
  type QuotaCounter,
} from '../../../core/quota';
import { QuotaExceededError } from '../../../core/errors';
import { REDIS_URL } from '../../helpers/db';
import { describeEachVariant, type Variant } from '../../helpers/variants';

// Real time: Redis expires counts after the period end, so the period must be the current one.
const NOW = new Date();
const month = (offset: number) =>
  new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + offset, 1)).toISOString();
const PERIOD = { limit: 3, periodStart: month(0), periodEnd: month(1) };
const none = async () => 0;

const prefix = `test-quota-${randomBytes(4).toString('hex')}`;
const counters: Variant<() => QuotaCounter>[] = [
  { name: 'memory', value: () => new MemoryQuotaCounter() },
  { name: 'redis', needs: ['REDIS_URL'], value: () => new RedisQuotaCounter({ url: REDIS_URL!, prefix }) },
];
if (REDIS_URL) {
  afterAll(async () => {
    const redis = new Redis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
}

describeEachVariant(counters, 'QuotaCounter (%s)', (make) => {
  let counter: QuotaCounter;
  beforeEach(() => {
    counter = make();
  });
  afterEach(async () => {
    await counter.close();
  });

  it('grants up to the limit, then nothing: QUOTA_EXCEEDED with remaining 0 and the period end', async () => {
    const key = { tenantId: randomUUID(), periodEnd: PERIOD.periodEnd };
    expect(await counter.take(key, 3, 2, none)).toEqual({ granted: 2, used: 2 });
    expect(await counter.take(key, 3, 2, none)).toEqual({ granted: 1, used: 3 });
    const spent = await counter.take(key, 3, 2, none);
    expect(spent).toEqual({ granted: 0, used: 3 });
    const err = quotaExceeded(statusOf(spent.used, PERIOD));
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect(err.code).toBe('QUOTA_EXCEEDED');
    expect(err.extensions).toEqual({ remaining: 0, resetsAt: PERIOD.periodEnd });
  });

  it('never grants more than the limit to takes in flight together, and keeps tenants apart', async () => {
    const limits = [7, 20, 33];
    const keys = limits.map(() => ({ tenantId: randomUUID(), periodEnd: PERIOD.periodEnd }));
    const takes = keys.flatMap((key, i) =>
      Array.from({ length: 40 }, (_, n) => counter.take(key, limits[i]!, 1 + (n % 3), none)),
    );
    const results = await Promise.all(takes);
    keys.forEach((_, i) => {
      const mine = results.slice(i * 40, (i + 1) * 40);
      expect(mine.reduce((sum, r) => sum + r.granted, 0)).toBe(limits[i]);
      expect(Math.max(...mine.map((r) => r.used))).toBe(limits[i]);
    });
  });

  it('gives back what a grant did not use, never below zero', async () => {
    const key = { tenantId: randomUUID(), periodEnd: PERIOD.periodEnd };
    await counter.take(key, 3, 3, none);
    await counter.release(key, 2);
    expect(await counter.take(key, 3, 3, none)).toEqual({ granted: 2, used: 3 });
    await counter.release(key, 10);
    expect(await counter.take(key, 3, 1, none)).toEqual({ granted: 1, used: 1 });
  });

  it('rebuilds a missing count once from the records, however many takes wait for it', async () => {
    const key = { tenantId: randomUUID(), periodEnd: PERIOD.periodEnd };
    const rebuild = jest.fn(async () => 1);
    const results = await Promise.all(Array.from({ length: 5 }, () => counter.take(key, 3, 1, rebuild)));
    expect(results.filter((r) => r.granted === 1)).toHaveLength(2);
    expect(rebuild).toHaveBeenCalledTimes(1);
  });

  it('counts each period apart: an ended period rolls into the next, which starts from its own count', async () => {
    const tenantId = randomUUID();
    const old = { limit: 3, periodStart: month(-2), periodEnd: month(-1) };
    const period = currentPeriod(old, NOW);
    expect(period).toEqual({ limit: 3, periodStart: month(0), periodEnd: month(1) });
    await counter.take({ tenantId, periodEnd: month(2) }, 3, 3, none); // another period's count
    expect(await counter.take({ tenantId, periodEnd: period.periodEnd }, 3, 3, none)).toEqual({
      granted: 3,
      used: 3,
    });
  });
});
