/**
 * Billing over Redis Streams (REDIS_URL): a consumer dies mid-stream — it committed one event without
 * acking it and read others it never handled — and a second consumer of the group reclaims them
 * (XAUTOCLAIM). Every usage event is counted exactly once, the invoice equals the ledger to the cent,
 * and replaying every event changes nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createBillingSubgraph } from '../../../subgraphs/billing';
import { seedBilling } from '../../../subgraphs/billing/seed';
import { closePeriod } from '../../../subgraphs/billing/service/invoices';
import { UsageRecord } from '../../../subgraphs/billing/entities/usage-record';
import { Subscription } from '../../../subgraphs/billing/entities/subscription';
import { shareCentsFromMicros, lineCentsFromMicros } from '../../../subgraphs/billing/service/money';
import { PLAN_CATALOGUE } from '../../../subgraphs/billing/service/catalogue';
import { RedisStreamsEventBus } from '../../../core/events/redis-streams-event-bus';
import type { EventBus } from '../../../core/events/event-bus';
import { withTenantScope } from '../../../core/db/request-scope';
import { ContextTokenCodec } from '../../../core/context-token';
import { createLogger } from '../../../core/logger';
import { loadConfig } from '../../../core/config';
import type { EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, REDIS_URL, type TestDb } from '../../helpers/db';
import { describeEachDbNeeding } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { hintEvent, partnerAppEvent } from './fixtures';

async function waitFor(cond: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A bus whose consumers "crash": after `ok` events, one more is handled (committed) but never acked, then every
 * handler hangs. `crashed` resolves once that last event is committed.
 */
function crashingBus(inner: EventBus, ok: number): { bus: EventBus; crashed: Promise<void> } {
  let handled = 0;
  let crash!: () => void;
  const crashed = new Promise<void>((resolve) => (crash = resolve));
  const bus: EventBus = {
    publish: (e) => inner.publish(e),
    close: () => inner.close(),
    consumerHealth: () => inner.consumerHealth(),
    subscribe: (group, types, handler) =>
      inner.subscribe(group, types, async (e: EventEnvelope) => {
        handled++;
        if (handled <= ok) return handler(e);
        if (handled === ok + 1) {
          await handler(e);
          crash();
        }
        await new Promise(() => undefined);
      }),
  };
  return { bus, crashed };
}

/** True once consumer group `group` has read every entry of `stream` and acknowledged each one. */
async function caughtUp(redis: Redis, stream: string, group: string): Promise<boolean> {
  const field = (reply: unknown[], name: string): unknown => reply[reply.indexOf(name) + 1];
  const info = (await redis.xinfo('STREAM', stream)) as unknown[];
  const groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
  const g = groups.find((x) => field(x, 'name') === group);
  return (
    !!g && field(g, 'last-delivered-id') === field(info, 'last-generated-id') && field(g, 'pending') === 0
  );
}

describeEachDbNeeding(['REDIS_URL'], 'billing over Redis Streams (%s)', (kind) => {
  const prefix = `test-billing-${randomBytes(4).toString('hex')}`;
  const tenant = randomUUID();
  const logger = createLogger({ level: 'silent', name: 'billing' });
  const config = loadConfig({ NODE_ENV: 'test' });
  const codec = new ContextTokenCodec('test-context-secret-0123456789abcdef');
  let db: TestDb;
  let redis: Redis;
  const module = createBillingSubgraph({ relayIntervalMs: 50 });
  const stops: (() => Promise<void>)[] = [];
  const bus = (consumer: string) =>
    new RedisStreamsEventBus({
      url: REDIS_URL!,
      prefix,
      consumer,
      blockMs: 50,
      claimIdleMs: 300,
      shutdownTimeoutMs: 50,
      logger,
    });

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!);
    db = await createTestDb(kind, 'billing', module.entities, module.migrations);
    await seedBilling(db.orm, {
      tenants: [{ tenantId: tenant, organizationId: tenant, planCode: 'STARTER' }],
    });
  });
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.close();
  });

  const ledger = () => withTenantScope(db.orm, tenant, (em) => em.find(UsageRecord, {}));

  it('counts every usage event exactly once after a consumer dies, and the invoice equals the ledger', async () => {
    const producer = bus('producer');
    stops.push(() => producer.close());
    await producer.publish(partnerAppEvent(tenant, 'app-1', 'ListingBoost', 1_500));
    const events = Array.from({ length: 60 }, (_, i) =>
      hintEvent(tenant, { costMicros: 1_000 + i, partnerAppId: i % 3 === 0 ? 'app-1' : null }),
    );
    for (const e of events) await producer.publish(e);

    const dying = bus('consumer-a');
    const crashing = crashingBus(dying, 10);
    const a = await module.create({ config, orm: db.orm, events: crashing.bus, logger, codec });
    await a.start();
    await crashing.crashed;
    expect((await ledger()).length).toBeGreaterThanOrEqual(11);
    await dying.close(); // dies: pending entries stay with consumer-a
    await a.stop();
    const pendingBefore = (await redis.xpending(`${prefix}:coaching.hint.delivered`, 'billing')) as [number];
    expect(pendingBefore[0]).toBeGreaterThan(0);

    const heir = bus('consumer-b');
    const b = await module.create({ config, orm: db.orm, events: heir, logger, codec });
    await b.start();
    stops.push(async () => {
      await b.stop();
      await heir.close();
    });
    await waitFor(async () => (await ledger()).length === 60);
    await waitFor(
      async () =>
        ((await redis.xpending(`${prefix}:coaching.hint.delivered`, 'billing')) as [number])[0] === 0,
    );

    const rows = await ledger();
    expect(new Set(rows.map((r) => r.eventId))).toEqual(new Set(events.map((e) => e.id)));

    // Replaying every event changes nothing.
    for (const e of events) await producer.publish(e);
    // read and acked (after their handlers committed) — not merely not pending, which holds before they are read
    await waitFor(() => caughtUp(redis, `${prefix}:coaching.hint.delivered`, 'billing'));
    expect(await ledger()).toHaveLength(60);

    // The invoice reconciles with the ledger to the cent.
    const ctx = (em: Parameters<Parameters<typeof withTenantScope>[2]>[0]) => ({
      principal: principal({ tenantId: tenant }),
      em,
      requestId: 'test',
      logger,
      loaders: new Map(),
      runtime: { now: () => new Date(), logger },
    });
    const { currentPeriodEnd: periodEnd } = await withTenantScope(db.orm, tenant, (em) =>
      em.findOneOrFail(Subscription, { tenantId: tenant }),
    );
    const invoice = await withTenantScope(db.orm, tenant, (em) =>
      closePeriod(ctx(em), { organizationId: tenant, periodEnd }),
    );
    const starter = PLAN_CATALOGUE.find((p) => p.code === 'STARTER')!;
    const partnerHints = rows.filter((r) => r.partnerAppId === 'app-1').length;
    expect(invoice.hints).toBe(rows.length);
    expect(invoice.costMicros).toBe(rows.reduce((s, r) => s + r.costMicros, 0));
    expect(invoice.totalCents).toBe(
      starter.monthlyFeeCents +
        lineCentsFromMicros(Math.max(0, rows.length - starter.includedHints), starter.overagePriceMicros),
    );
    expect(invoice.partnerShareCents).toBe(
      shareCentsFromMicros(partnerHints, starter.overagePriceMicros, 1_500),
    );
    expect(
      invoice.lines.reduce((s, l) => s + (l.kind === 'PARTNER_REVENUE_SHARE' ? 0 : l.amountCents), 0),
    ).toBe(invoice.totalCents);
    expect((await ledger()).every((r) => r.invoiceId === invoice.id)).toBe(true);
    // Closing again returns the same invoice.
    const again = await withTenantScope(db.orm, tenant, (em) =>
      closePeriod(ctx(em), { organizationId: tenant, periodEnd }),
    );
    expect(again.id).toBe(invoice.id);
  });
});
