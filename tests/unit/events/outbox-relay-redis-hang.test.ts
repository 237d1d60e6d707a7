/**
 * The outbox relay while Redis hangs (issue 12): a relay pass publishes inside a PostgreSQL transaction that
 * holds a pooled connection and the claimed rows' locks, and the event bus's Redis client waits without
 * limit for an answer. Behind a TCP proxy that stops forwarding (tests/helpers/tcp-proxy.ts, `hang`; the
 * shared Redis stays up) a pass used to never end: the rows stayed locked, so no other relay could take
 * them, and the connection never returned to the pool. Now each publish gives up after `publishTimeoutMs`:
 * the pass ends, the rows are free for another relay at once, nothing is marked published that was not,
 * and once Redis answers again every event reaches the stream.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { entitySchemaMigration } from '../../helpers/entity-schema-migration';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { RedisStreamsEventBus } from '../../../core/events/redis-streams-event-bus';
import { enqueue, inTransaction, OutboxEvent, outboxEntities, startOutboxRelay } from '../../../core/outbox';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, REDIS_URL, type TestDb } from '../../helpers/db';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy';
import { describeNeeding } from '../../helpers/variants';

const PUBLISH_TIMEOUT_MS = 300;

describeNeeding(['DATABASE_URL', 'REDIS_URL'], 'outbox relay while Redis hangs (postgres)', () => {
  let db: TestDb;
  let proxy: TcpProxy;
  let bus: RedisStreamsEventBus;
  let redis: Redis;
  const prefix = `it-relay-hang-${randomBytes(4).toString('hex')}`;
  const tenant = randomUUID();
  const events: EventEnvelope[] = Array.from({ length: 5 }, (_, n) =>
    makeEvent(EventTypes.billingInvoiceIssued, tenant, { n }),
  );

  beforeAll(async () => {
    db = await createTestDb('postgres', 'outboxhang', outboxEntities, [
      entitySchemaMigration('Migration0001OutboxHangTest'),
    ]);
    redis = new Redis(REDIS_URL!);
    proxy = await startTcpProxy(REDIS_URL!);
    bus = new RedisStreamsEventBus({ url: proxy.url, prefix });
  });
  afterAll(async () => {
    await bus?.close();
    await proxy?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis?.disconnect();
    await db?.close();
  });

  const unpublished = async () =>
    (await db.owner.em.fork().find(OutboxEvent, { tenant, publishedAt: null })).map((r) => r.eventId);
  const inStream = async () => {
    const entries = await redis.xrange(`${prefix}:${EventTypes.billingInvoiceIssued}`, '-', '+');
    return new Set(entries.map(([, fields]) => fields[fields.indexOf('id') + 1]));
  };

  it('a pass ends within the bound, the rows are free at once, and all arrive once Redis answers', async () => {
    await withTenantScope(db.orm, tenant, (em) =>
      inTransaction(em, async (tx) => {
        for (const e of events) enqueue(tx, e);
      }),
    );
    const relay = startOutboxRelay({
      orm: db.orm,
      bus,
      intervalMs: 3_600_000, // passes run when the test asks
      publishTimeoutMs: PUBLISH_TIMEOUT_MS,
    });
    try {
      proxy.down('hang');
      const started = Date.now();
      expect(await relay.runOnce()).toBe(0);
      expect(Date.now() - started).toBeLessThan(PUBLISH_TIMEOUT_MS + 2_000);
      // nothing marked that did not reach Redis, and no lock left behind: another relay's claim gets them
      expect((await unpublished()).sort()).toEqual(events.map((e) => e.id).sort());
      const lockedElsewhere = await db.owner.em
        .fork()
        .getConnection()
        .execute(
          `select count(*)::int as n from (select 1 from ${db.schema}.outbox_event where tenant = ? for update nowait) free`,
          [tenant],
          'get',
        );
      expect(lockedElsewhere).toEqual({ n: events.length });

      proxy.up();
      // the relay's own pass after Redis is back (its client reconnects by itself)
      let published = 0;
      for (let pass = 0; pass < 20 && (await unpublished()).length > 0; pass++)
        published += await relay.runOnce();
      expect(await unpublished()).toEqual([]);
      expect(published).toBe(events.length);
      const ids = await inStream();
      for (const e of events) expect(ids.has(e.id)).toBe(true);
    } finally {
      await relay.stop();
    }
  }, 30_000);
});
