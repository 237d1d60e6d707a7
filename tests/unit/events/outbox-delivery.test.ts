/**
 * The outbox relay publishes an event right after the transaction that staged it commits — not on its
 * polling tick (here an hour, so only the commit can have caused the publication) — for a plain
 * transaction, for rows staged in a savepoint (published when the outer transaction commits), and for
 * many producers of two tenants committing at once: each event exactly once.
 */
import { randomUUID } from 'node:crypto';
import { entitySchemaMigration } from '../../helpers/entity-schema-migration';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import {
  enqueue,
  inTransaction,
  outboxEntities,
  startOutboxRelay,
  type OutboxRelay,
} from '../../../core/outbox';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, type TestDb } from '../../helpers/db';
import { describeEachDb } from '../../helpers/variants';

const HOUR = 3_600_000;

describeEachDb('outbox relay: delivered right after commit (%s)', (kind) => {
  let db: TestDb;
  let bus: MemoryEventBus;
  let relay: OutboxRelay;
  const received: EventEnvelope[] = [];
  const waiters = new Set<() => void>();
  const [A, B] = [randomUUID(), randomUUID()];

  /** Resolves once every id was received (event-driven; the jest timeout bounds it). */
  const receivedAll = (ids: string[]) =>
    new Promise<void>((resolve) => {
      const check = () => {
        const seen = new Set(received.map((e) => e.id));
        if (!ids.every((id) => seen.has(id))) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });

  beforeAll(async () => {
    db = await createTestDb(kind, 'outboxkick', outboxEntities, [
      entitySchemaMigration('Migration0001OutboxKickTest'),
    ]);
    bus = new MemoryEventBus();
    await bus.subscribe('test', [EventTypes.billingInvoiceIssued], async (e) => {
      received.push(e);
      for (const w of [...waiters]) w();
    });
    relay = startOutboxRelay({ orm: db.orm, bus, intervalMs: HOUR });
  });
  afterAll(async () => {
    await relay?.stop();
    await bus?.close();
    await db?.close();
  });

  const event = (tenantId: string, n: number) => makeEvent(EventTypes.billingInvoiceIssued, tenantId, { n });

  it('publishes a committed event at once, without the polling tick', async () => {
    const e = event(A, 1);
    await withTenantScope(db.orm, A, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));
    await receivedAll([e.id]);
    expect(received.filter((r) => r.id === e.id)).toHaveLength(1);
  }, 10_000);

  it('publishes what a savepoint staged when the outer transaction commits', async () => {
    const e = event(B, 2);
    await withTenantScope(db.orm, B, (em) =>
      em.transactional(async (outer) => {
        await outer.transactional(async (inner) => void enqueue(inner, e));
        // more work in the outer transaction after the savepoint was released
        await outer.getConnection().execute('select 1', [], 'all', outer.getTransactionContext());
      }),
    );
    await receivedAll([e.id]);
    expect(received.filter((r) => r.id === e.id)).toHaveLength(1);
  }, 10_000);

  it('many producers of two tenants committing at once: every event once, each right after its commit', async () => {
    const events = Array.from({ length: 120 }, (_, i) => event(i % 2 ? A : B, 100 + i));
    await Promise.all(
      events.map((e) =>
        withTenantScope(db.orm, e.tenantId, (em) => inTransaction(em, async (tx) => void enqueue(tx, e))),
      ),
    );
    await receivedAll(events.map((e) => e.id));
    await bus.drain();
    const ids = new Set(events.map((e) => e.id));
    const delivered = received.filter((r) => ids.has(r.id));
    expect(delivered).toHaveLength(events.length);
    expect(new Set(delivered.map((r) => r.id)).size).toBe(events.length);
    for (const r of delivered) expect(r.tenantId).toBe(events.find((e) => e.id === r.id)!.tenantId);
  }, 20_000);

  it('publishes nothing for a rolled-back transaction', async () => {
    const rolledBack = event(A, 3);
    const committed = event(A, 4);
    await expect(
      withTenantScope(db.orm, A, (em) =>
        inTransaction(em, async (tx) => {
          enqueue(tx, rolledBack);
          await tx.flush();
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    await withTenantScope(db.orm, A, (em) => inTransaction(em, async (tx) => void enqueue(tx, committed)));
    await receivedAll([committed.id]);
    await bus.drain();
    expect(received.some((r) => r.id === rolledBack.id)).toBe(false);
  }, 10_000);
});
