import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import {
  assertQuota,
  MemoryQuotaGate,
  MemoryQuotaStore,
  RedisQuotaGate,
  type QuotaGate,
} from '../../../core/quota';
import { QuotaExceededError } from '../../../core/errors';
import { seedBilling } from '../../../subgraphs/billing/seed';
import { REDIS_URL } from '../../helpers/db';
import { describeEachDb, describeEachVariant, type Variant } from '../../helpers/variants';
import { hintEvent, startBilling } from './fixtures';
import { ledgerQuotaSource } from '../../../subgraphs/billing/service/subscriptions';

// Real time: Redis expires counters at the period end, so the period must be the current one.
const NOW = new Date();
const month = (offset: number) =>
  new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + offset, 1)).toISOString();
const LIMIT = { limit: 3, periodStart: month(0), periodEnd: month(1) };

const prefix = `test-quota-${randomBytes(4).toString('hex')}`;
const gates: Variant<() => QuotaGate>[] = [
  { name: 'memory', value: () => new MemoryQuotaGate({ store: new MemoryQuotaStore(), now: () => NOW }) },
  {
    name: 'redis',
    needs: ['REDIS_URL'],
    value: () => new RedisQuotaGate({ url: REDIS_URL!, prefix, now: () => NOW }),
  },
];
if (REDIS_URL) {
  afterAll(async () => {
    const redis = new Redis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
}

describeEachVariant(gates, 'QuotaGate (%s)', (make) => {
  let gate: QuotaGate;
  beforeEach(() => {
    gate = make();
  });
  afterEach(async () => {
    await gate.close();
  });

  it('throws QUOTA_EXCEEDED with remaining 0 and the period end once the limit is consumed', async () => {
    const t = randomUUID();
    await gate.setLimit(t, LIMIT, 0);
    for (let i = 0; i < 3; i++) {
      await assertQuota(gate, t);
      await gate.consume(t, 1);
    }
    const err = await assertQuota(gate, t).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect((err as QuotaExceededError).code).toBe('QUOTA_EXCEEDED');
    expect((err as QuotaExceededError).extensions).toEqual({ remaining: 0, resetsAt: LIMIT.periodEnd });
  });

  it('counts an idempotency key once and rebuilds a missing counter from the source', async () => {
    const t = randomUUID();
    await gate.setLimit(t, LIMIT, 1);
    await gate.consume(t, 1, { idempotencyKey: 'e1' });
    await gate.consume(t, 1, { idempotencyKey: 'e1' });
    expect((await gate.check(t)).used).toBe(2);
    const fresh = randomUUID();
    expect(await gate.check(fresh)).toMatchObject({ allowed: true, remaining: null, limit: null });
    gate.setSource({ load: async (id) => (id === fresh ? { ...LIMIT, used: 2 } : null) });
    expect(await gate.check(fresh)).toMatchObject({
      allowed: true,
      remaining: 1,
      used: 2,
      resetsAt: LIMIT.periodEnd,
    });
    gate.setSource(undefined);
  });

  it('rolls into the next period when the stored one has ended', async () => {
    const t = randomUUID();
    await gate.setLimit(t, { limit: 3, periodStart: month(-2), periodEnd: month(-1) }, 3);
    expect(await gate.check(t)).toMatchObject({ allowed: true, remaining: 3, resetsAt: month(1) });
  });
});

describeEachDb('quota from the billing ledger (%s)', (kind) => {
  it('limits a STARTER tenant to its hint quota, counted from the ledger', async () => {
    const h = await startBilling(kind);
    try {
      const t = randomUUID();
      await seedBilling(
        h.db.orm,
        { tenants: [{ tenantId: t, organizationId: t, planCode: 'STARTER' }] },
        { quota: h.quota },
      );
      const status = await h.quota.check(t);
      expect(status).toMatchObject({ allowed: true, remaining: 500, limit: 500 });
      // 500 hints through the ledger consumer (the counter follows the ledger).
      for (let i = 0; i < 500; i++) await h.events.publish(hintEvent(t));
      await h.events.drain();
      const err = await assertQuota(h.quota, t).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QuotaExceededError);
      expect((err as QuotaExceededError).extensions).toEqual({ remaining: 0, resetsAt: status.resetsAt });
      // A fresh gate (process restart) rebuilds the same answer from the ledger.
      const restarted = new MemoryQuotaGate({ store: new MemoryQuotaStore() });
      restarted.setSource(ledgerQuotaSource(h.db.orm));
      expect(await restarted.check(t)).toMatchObject({ allowed: false, remaining: 0, used: 500 });
    } finally {
      await h.close();
    }
  });
});
