import { randomUUID } from 'node:crypto';
import { entitySchemaMigration } from '../../helpers/entity-schema-migration';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import {
  consumeOnce,
  enqueue,
  inTransaction,
  OutboxEvent,
  outboxEntities,
  startOutboxRelay,
} from '../../../core/outbox';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, type TestDb } from '../../helpers/db';
import { describeEachDb } from '../../helpers/variants';

describeEachDb('outbox and idempotent consumers (%s)', (kind) => {
  let db: TestDb;
  const [A, B] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDb(kind, 'outbox', outboxEntities, [
      entitySchemaMigration('Migration0001OutboxTest'),
    ]);
  });
  afterAll(() => db.close());

  const event = (tenantId: string, n: number) => makeEvent(EventTypes.billingInvoiceIssued, tenantId, { n });

  it('writes the event only when the producing transaction commits', async () => {
    await expect(
      withTenantScope(db.orm, A, (em) =>
        inTransaction(em, async (tx) => {
          enqueue(tx, event(A, -1));
          await tx.flush();
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    // counted as the owner: on PostgreSQL the runtime role sees no outbox row outside a tenant scope
    expect(await db.owner.em.fork().count(OutboxEvent, {})).toBe(0);
  });

  it("relays every tenant's rows in order, once, from outside any tenant scope", async () => {
    const produced: EventEnvelope[] = [];
    for (let i = 0; i < 5; i++) {
      for (const t of [A, B]) {
        const e = event(t, i);
        produced.push(e);
        await withTenantScope(db.orm, t, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));
      }
    }
    const bus = new MemoryEventBus();
    const seen: string[] = [];
    await bus.subscribe('test', [EventTypes.billingInvoiceIssued], async (e) => void seen.push(e.id));
    const relay = startOutboxRelay({ orm: db.orm, bus, intervalMs: 60_000, batchSize: 3 });
    expect(await relay.runOnce()).toBe(10);
    expect(await relay.runOnce()).toBe(0);
    await relay.stop();
    await bus.drain();
    expect(seen).toEqual(produced.map((e) => e.id));
    expect(await db.owner.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);
  });

  it('applies a redelivered event once per consumer', async () => {
    const e = event(A, 99);
    let applied = 0;
    const handle = async () => void applied++;
    expect(await consumeOnce({ orm: db.orm, consumer: 'c1', event: e, handle })).toBe(true);
    expect(await consumeOnce({ orm: db.orm, consumer: 'c1', event: e, handle })).toBe(false);
    expect(await consumeOnce({ orm: db.orm, consumer: 'c2', event: e, handle })).toBe(true);
    expect(applied).toBe(2);
    // A failing handler leaves no processed mark: the retry applies it.
    const f = event(A, 100);
    await expect(
      consumeOnce({
        orm: db.orm,
        consumer: 'c1',
        event: f,
        handle: async () => {
          throw new Error('boom');
        },
      }),
    ).rejects.toThrow('boom');
    expect(await consumeOnce({ orm: db.orm, consumer: 'c1', event: f, handle })).toBe(true);
  });
});
