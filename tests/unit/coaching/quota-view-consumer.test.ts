/**
 * Coaching's quota view under concurrent deliveries: several `billing.subscription.changed` events of one
 * tenant that has no view yet, handled at the same moment (Redis Streams consumers run 16 at once), all
 * apply — none fails on the view's primary key and waits for redelivery — and the newest limit wins.
 */
import { randomUUID } from 'node:crypto';
import { Arrivals } from '../../../core/events/arrivals';
import { EventTypes, SUBSCRIPTION_CHANGED_VERSION, type EventEnvelope } from '../../../core/vocabulary';
import { coachingSubgraph } from '../../../subgraphs/coaching';
import { QuotaView } from '../../../subgraphs/coaching/entities';
import { quotaViewConsumer } from '../../../subgraphs/coaching/consumers/quota-view';
import { createTestDb, type TestDb } from '../../helpers/db';
import { describeEachDb } from '../../helpers/variants';

function changed(tenantId: string, hintLimit: number, at: Date): EventEnvelope {
  return {
    id: randomUUID(),
    type: EventTypes.billingSubscriptionChanged,
    tenantId,
    at: at.toISOString(),
    version: SUBSCRIPTION_CHANGED_VERSION,
    payload: {
      hintLimit,
      currentPeriodStart: '2026-12-01T00:00:00.000Z',
      currentPeriodEnd: '2027-01-01T00:00:00.000Z',
    },
  };
}

describeEachDb('coaching quota view, concurrent deliveries (%s)', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind, 'coaching', coachingSubgraph.entities, coachingSubgraph.migrations);
  });
  afterAll(() => db.close());

  it('applies every event of a tenant without a view, the newest limit wins', async () => {
    const invalid: unknown[] = [];
    const handle = quotaViewConsumer(db.orm, new Arrivals({ timeoutMs: 0 }), (_e, err) => invalid.push(err));
    const tenants = Array.from({ length: 4 }, () => randomUUID());
    const base = Date.parse('2026-12-06T10:00:00Z');
    const events = tenants.flatMap((tenantId, t) =>
      Array.from({ length: 8 }, (_, i) => changed(tenantId, 100 * (t + 1) + i, new Date(base + i * 1000))),
    );
    const results = await Promise.allSettled(events.map((e) => handle(e)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(invalid).toEqual([]);
    const views = await db.owner.em
      .fork()
      .find(QuotaView, { tenantId: { $in: tenants } }, { filters: false });
    expect(views.map((v) => [v.tenantId, v.hintLimit]).sort()).toEqual(
      tenants.map((tenantId, t) => [tenantId, 100 * (t + 1) + 7]).sort(),
    );
  });
});
