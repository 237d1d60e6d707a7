/**
 * Nothing accepted is lost in embedded mode: with the in-process bus, an outbox row stays unpublished
 * until its handlers are done. A delivery held at a gate when its "process" is abandoned (its bus and
 * relay dropped, as at a drain deadline or a crash) is published again by the next start's relay, and the
 * consumer applies it exactly once (processed_event) — even when the abandoned handler later resumes.
 * Before the fix the relay marked the row published as soon as the bus took it, so the next start had
 * nothing to deliver and the event was gone.
 */
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
  ProcessedEvent,
  startOutboxRelay,
} from '../../../core/outbox';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, type TestDb } from '../../helpers/db';
import { describeEachDb } from '../../helpers/variants';

const HOUR = 3_600_000;
const CONSUMER = 'durable-test';

/** Every delivery started has ended and its completion callbacks ran (no timer: the check queue's turn). */
async function delivered(bus: MemoryEventBus): Promise<void> {
  await bus.drain();
  await new Promise<void>((r) => setImmediate(r));
}

function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

describeEachDb('in-process delivery survives an abandoned process (%s)', (kind) => {
  let db: TestDb;
  const tenant = randomUUID();

  beforeAll(async () => {
    db = await createTestDb(kind, 'outboxdurable', outboxEntities, [
      entitySchemaMigration('Migration0001OutboxDurableTest'),
    ]);
  });
  afterAll(() => db?.close());

  const unpublished = (id: string) =>
    db.owner.em.fork().count(OutboxEvent, { eventId: id, publishedAt: null });
  const processed = (id: string) =>
    withTenantScope(db.orm, tenant, (em) => em.count(ProcessedEvent, { consumer: CONSUMER, eventId: id }));

  it('a delivery cut short is delivered again on the next start, and applied once', async () => {
    const e = makeEvent(EventTypes.billingInvoiceIssued, tenant, { n: 1 });
    await withTenantScope(db.orm, tenant, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));
    let applied = 0;
    const apply = (event: EventEnvelope) =>
      consumeOnce({ orm: db.orm, consumer: CONSUMER, event, handle: async () => void applied++ });

    // first "process": its consumer is held at a gate when the process goes away
    const entered = gate();
    const held = gate();
    const firstBus = new MemoryEventBus();
    await firstBus.subscribe(CONSUMER, [e.type], async (event) => {
      entered.open();
      await held.opened;
      await apply(event);
    });
    const first = startOutboxRelay({ orm: db.orm, bus: firstBus, intervalMs: HOUR });
    expect(await first.runOnce()).toBe(1);
    await entered.opened;
    expect(await unpublished(e.id)).toBe(1); // handed to the bus, not yet handled: still in the outbox
    await first.stop();

    // next start: a new bus and relay on the same database
    const secondBus = new MemoryEventBus();
    const received: string[] = [];
    await secondBus.subscribe(CONSUMER, [e.type], async (event) => {
      received.push(event.id);
      await apply(event);
    });
    const second = startOutboxRelay({ orm: db.orm, bus: secondBus, intervalMs: HOUR });
    expect(await second.runOnce()).toBe(1);
    await delivered(secondBus);
    expect(received).toEqual([e.id]);
    expect(applied).toBe(1);
    expect(await second.runOnce()).toBe(0); // marks what was delivered; nothing is published twice
    expect(await unpublished(e.id)).toBe(0);

    // the abandoned handler resumes late (as a redelivery would): processed_event absorbs it
    held.open();
    await firstBus.drain();
    expect(applied).toBe(1);
    expect(await processed(e.id)).toBe(1);
    await second.stop();
    await secondBus.close();
  }, 20_000);

  it('a quiesced bus takes no new event: the row waits in the outbox, delivered once after restart', async () => {
    const bus = new MemoryEventBus();
    const seen: string[] = [];
    await bus.subscribe(
      CONSUMER,
      [EventTypes.billingInvoiceIssued],
      async (event) => void seen.push(event.id),
    );
    const relay = startOutboxRelay({ orm: db.orm, bus, intervalMs: HOUR });
    await bus.quiesce();
    const e = makeEvent(EventTypes.billingInvoiceIssued, tenant, { n: 2 });
    await withTenantScope(db.orm, tenant, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));
    expect(await relay.runOnce()).toBe(0);
    expect(seen).toEqual([]);
    expect(await unpublished(e.id)).toBe(1);
    await relay.stop();

    const next = new MemoryEventBus();
    await next.subscribe(CONSUMER, [e.type], async (event) => void seen.push(event.id));
    const relay2 = startOutboxRelay({ orm: db.orm, bus: next, intervalMs: HOUR });
    expect(await relay2.runOnce()).toBe(1);
    await delivered(next);
    expect(seen).toEqual([e.id]);
    await relay2.stop();
    await next.close();
  }, 20_000);

  it('many events of two tenants: each marked only after its handler, none published twice', async () => {
    const other = randomUUID();
    const events = Array.from({ length: 60 }, (_, i) =>
      makeEvent(EventTypes.billingInvoiceIssued, i % 2 ? tenant : other, { n: 100 + i }),
    );
    await Promise.all(
      events.map((e) =>
        withTenantScope(db.orm, e.tenantId, (em) => inTransaction(em, async (tx) => void enqueue(tx, e))),
      ),
    );
    const bus = new MemoryEventBus();
    const seen: string[] = [];
    const unmarkedWhenHandled: number[] = [];
    await bus.subscribe(CONSUMER, [EventTypes.billingInvoiceIssued], async (event) => {
      unmarkedWhenHandled.push(await unpublished(event.id));
      seen.push(event.id);
    });
    // two relays on one bus (a module's and the seed's): neither publishes what the other is delivering
    const relays = [1, 2].map(() => startOutboxRelay({ orm: db.orm, bus, intervalMs: HOUR, batchSize: 7 }));
    const counts = await Promise.all(relays.map((r) => r.runOnce()));
    await delivered(bus);
    for (const r of relays) await r.stop(); // marks what its deliveries finished
    expect(counts.reduce((a, b) => a + b, 0)).toBe(events.length);
    expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
    expect(unmarkedWhenHandled.every((n) => n === 1)).toBe(true);
    for (const e of events) expect(await unpublished(e.id)).toBe(0);
    await bus.close();
  }, 30_000);
});
