/**
 * The outbox relay on a loaded machine: each publish is abandoned after `publishTimeoutMs` (a hung Redis
 * must not hold the pass), but an event loop kept busy past that bound — other requests' work on a CPU
 * shared with a whole test suite — runs the expired timer before it reads Redis's answer, already waiting
 * on the socket. The publish that did land was then counted as failed: the pass stopped there and the
 * events after it waited for a later pass, while requests waiting for one of them ran out of time
 * (coaching answered NOT_FOUND for a session startAgentSession had just returned). Here the loop is busy
 * for twice the bound right after the XADD was sent, and the pass still publishes every event.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { RedisStreamsEventBus } from '../../../core/events/redis-streams-event-bus';
import { enqueue, inTransaction, OutboxEvent, outboxEntities, startOutboxRelay } from '../../../core/outbox';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, REDIS_URL, type TestDb } from '../../helpers/db';
import { entitySchemaMigration } from '../../helpers/entity-schema-migration';
import { describeNeeding } from '../../helpers/variants';

const PUBLISH_TIMEOUT_MS = 200;

/** Keeps the event loop busy, as a CPU-bound neighbour in the same process does. */
function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) Math.sqrt(Math.random());
}

describeNeeding(['REDIS_URL'], 'outbox relay while the event loop is busy', () => {
  let db: TestDb;
  let bus: RedisStreamsEventBus;
  let redis: Redis;
  const prefix = `it-relay-busy-${randomBytes(4).toString('hex')}`;
  const tenant = randomUUID();
  const events: EventEnvelope[] = Array.from({ length: 3 }, (_, n) =>
    makeEvent(EventTypes.billingInvoiceIssued, tenant, { n }),
  );

  beforeAll(async () => {
    db = await createTestDb('sqlite', 'outboxbusy', outboxEntities, [
      entitySchemaMigration('Migration0001OutboxBusyTest'),
    ]);
    redis = new Redis(REDIS_URL!);
    bus = new RedisStreamsEventBus({ url: REDIS_URL!, prefix });
    await bus.publish(makeEvent(EventTypes.billingInvoiceIssued, tenant, { warm: true })); // connected
  });
  afterAll(async () => {
    await bus?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis?.disconnect();
    await db?.close();
  });

  it('a publish Redis answered within the bound counts as published, however late the loop reads it', async () => {
    await withTenantScope(db.orm, tenant, (em) =>
      inTransaction(em, async (tx) => {
        for (const e of events) enqueue(tx, e);
      }),
    );
    // the XADD is on the wire when publish returns; the loop then stays busy past the bound
    const busyBus = Object.assign(Object.create(bus) as RedisStreamsEventBus, {
      publish: (event: EventEnvelope) => {
        const sent = bus.publish(event);
        busyFor(PUBLISH_TIMEOUT_MS * 2);
        return sent;
      },
    });
    const relay = startOutboxRelay({
      orm: db.orm,
      bus: busyBus,
      intervalMs: 3_600_000, // passes run when the test asks
      publishTimeoutMs: PUBLISH_TIMEOUT_MS,
    });
    try {
      expect(await relay.runOnce()).toBe(events.length);
      const left = await db.orm.em.fork().find(OutboxEvent, { tenant, publishedAt: null });
      expect(left.map((r) => r.eventId)).toEqual([]);
      const entries = await redis.xrange(`${prefix}:${EventTypes.billingInvoiceIssued}`, '-', '+');
      const ids = entries.map(([, fields]) => fields[fields.indexOf('id') + 1]);
      // each once: none was counted as failed and published again
      expect(ids.filter((id) => events.some((e) => e.id === id)).sort()).toEqual(
        events.map((e) => e.id).sort(),
      );
    } finally {
      await relay.stop();
    }
  }, 30_000);
});
