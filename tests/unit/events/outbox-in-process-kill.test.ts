/**
 * kill -9 mid-delivery loses no event in embedded mode. A child process runs an outbox relay on the
 * in-process bus and a consumer that stops inside its consumeOnce transaction; the test kills it there with
 * SIGKILL. The outbox row must still be unpublished (before the fix the relay had marked it as soon as the
 * bus took it, and the event was gone), and the next start's relay delivers it: the consumer applies it
 * exactly once (one processed_event row). SQLite file and PostgreSQL (DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { createOrm, migrateDatabase, type Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import {
  consumeOnce,
  enqueue,
  inTransaction,
  OutboxEvent,
  ProcessedEvent,
  startOutboxRelay,
} from '../../../core/outbox';
import { EventTypes } from '../../../core/vocabulary';
import { dbOptions, PG_URL } from '../../helpers/db';
import { describeEachDb } from '../../helpers/variants';
import { spawnTs, type SpawnedProcess } from '../../e2e/process';
import { killTestOrmOptions } from './support/kill-test-db';

const HOUR = 3_600_000;
const CONSUMER = 'kill-test';

describeEachDb('kill -9 during an in-process delivery (%s)', (kind) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-kill-'));
  const schema = `t_outboxkill_${randomBytes(4).toString('hex')}`;
  const options = () => killTestOrmOptions(dbOptions(kind), dir, schema);
  let orm: Orm | undefined;
  let owner: Orm | undefined;
  let child: SpawnedProcess | undefined;

  afterAll(async () => {
    await child?.kill();
    await orm?.close(true);
    if (owner) {
      await owner.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
      await owner.close(true);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the event stays in the outbox and is applied exactly once after the restart', async () => {
    await migrateDatabase(options());
    orm = await createOrm(options());
    owner = kind === 'postgres' ? await createOrm({ ...options(), asOwner: true }) : undefined;
    const tenant = randomUUID();
    const e = makeEvent(EventTypes.billingInvoiceIssued, tenant, { n: 1 });
    await withTenantScope(orm, tenant, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));

    child = spawnTs('tests/unit/events/support/held-delivery.ts', [], {
      HELD_DB_KIND: kind,
      HELD_SQLITE_DIR: dir,
      HELD_SCHEMA: schema,
      HELD_CONSUMER: CONSUMER,
      ...(kind === 'postgres' ? { DATABASE_URL: PG_URL! } : {}),
    });
    const held = await child.waitFor(/^HELD (\S+)$/m, 30_000);
    expect(held[1]).toBe(e.id);
    child.child.kill('SIGKILL');
    expect((await child.exited(10_000)).signal).toBe('SIGKILL');
    child = undefined;

    const rows = (owner ?? orm).em.fork();
    expect(await rows.count(OutboxEvent, { eventId: e.id, publishedAt: null })).toBe(1);

    // the next start
    const bus = new MemoryEventBus();
    let applied = 0;
    await bus.subscribe(CONSUMER, [e.type], (event) =>
      consumeOnce({ orm: orm!, consumer: CONSUMER, event, handle: async () => void applied++ }).then(
        () => undefined,
      ),
    );
    const relay = startOutboxRelay({ orm, bus, intervalMs: HOUR });
    expect(await relay.runOnce()).toBe(1);
    await bus.drain();
    await new Promise<void>((r) => setImmediate(r)); // the delivery's completion callbacks ran
    expect(applied).toBe(1);
    expect(await relay.runOnce()).toBe(0); // marks the delivered row; publishes nothing twice
    await relay.stop();
    await bus.close();
    expect(await (owner ?? orm).em.fork().count(OutboxEvent, { eventId: e.id, publishedAt: null })).toBe(0);
    const processed = await withTenantScope(orm, tenant, (em) =>
      em.count(ProcessedEvent, { consumer: CONSUMER, eventId: e.id }),
    );
    expect(processed).toBe(1);
  }, 60_000);
});
