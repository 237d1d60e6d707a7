/**
 * Embedded mode keeps what a handler gave up on. A group whose handler throws on every attempt used to
 * lose the event: the relay marked the outbox row published once the bus had given up, and nothing else
 * held it. Now the relay stores a dead letter (the event, the group, the attempts, the last error) in the
 * producer's database before it marks the row; it survives a restart; `redeliverDeadLetters` puts the
 * event back in the outbox, and the next relay delivers it to a fixed handler, applied once — while the
 * group that had applied it already does not apply it again. SQLite file and PostgreSQL (DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { createOrm, migrateDatabase, type Orm, type OrmOptions } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import { DELIVERY_ATTEMPTS } from '../../../core/events/retry-policy';
import {
  consumeOnce,
  DeadLetter,
  enqueue,
  inTransaction,
  OutboxEvent,
  outboxEntities,
  pendingDeadLetters,
  redeliverDeadLetters,
  startOutboxRelay,
} from '../../../core/outbox';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { dbOptions } from '../../helpers/db';
import { entitySchemaMigration } from '../../helpers/entity-schema-migration';
import { describeEachDb } from '../../helpers/variants';

const HOUR = 3_600_000;
const BROKEN = 'dl-broken';
const HEALTHY = 'dl-healthy';

/** A pino logger whose lines the test reads. */
function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n'))
        if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

/** Every delivery started has ended and its completion callbacks ran. */
async function delivered(bus: MemoryEventBus): Promise<void> {
  await bus.drain();
  await new Promise<void>((r) => setImmediate(r));
}

describeEachDb('dead letters of the in-process bus (%s)', (kind) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dead-letters-'));
  const schema = `t_deadletters_${randomBytes(4).toString('hex')}`;
  const options = (): OrmOptions => {
    const database = dbOptions(kind);
    return {
      name: 'deadletters',
      entities: outboxEntities,
      migrations: [entitySchemaMigration('Migration0001DeadLettersTest')],
      database: kind === 'sqlite' ? { ...database, sqliteDir: dir } : database,
      schema: kind === 'postgres' ? schema : undefined,
    };
  };
  const orms: Orm[] = [];
  const open = async () => {
    const orm = await createOrm(options());
    orms.push(orm);
    return orm;
  };

  afterAll(async () => {
    for (const orm of orms) await orm.close(true);
    if (kind === 'postgres') {
      const owner = await createOrm({ ...options(), asOwner: true });
      await owner.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
      await owner.close(true);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a handler that always throws leaves a dead letter that survives a restart and is redelivered once', async () => {
    await migrateDatabase(options());
    const tenant = randomUUID();
    const e = makeEvent(EventTypes.billingInvoiceIssued, tenant, { n: 1 });
    let orm = await open();
    await withTenantScope(orm, tenant, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));
    const applied: Record<string, number> = { [BROKEN]: 0, [HEALTHY]: 0 };
    const apply = (db: Orm, group: string) => (event: EventEnvelope) =>
      consumeOnce({ orm: db, consumer: group, event, handle: async () => void applied[group]!++ }).then(
        () => undefined,
      );

    // first run: one group's handler is broken
    const { logger, lines } = capturingLogger();
    const bus = new MemoryEventBus(logger);
    let attempts = 0;
    await bus.subscribe(BROKEN, [e.type], async () => {
      attempts++;
      throw new Error('remaining connection slots are reserved');
    });
    await bus.subscribe(HEALTHY, [e.type], apply(orm, HEALTHY));
    const relay = startOutboxRelay({ orm, bus, intervalMs: HOUR, logger });
    expect(await relay.runOnce()).toBe(1);
    await delivered(bus);
    await relay.runOnce(); // stores the dead letter, then marks the row
    expect(attempts).toBe(DELIVERY_ATTEMPTS);
    expect(applied).toEqual({ [BROKEN]: 0, [HEALTHY]: 1 });

    const [letter, ...more] = await pendingDeadLetters({ orm, tenantId: tenant });
    expect(more).toEqual([]);
    expect(letter).toMatchObject({
      consumer: BROKEN,
      eventId: e.id,
      type: e.type,
      attempts: DELIVERY_ATTEMPTS,
      event: e,
      redeliveredAt: null,
    });
    expect(letter!.lastError).toMatch(/remaining connection slots are reserved/);
    const errorLine = lines.find((l) => l['level'] === 50 && l['deadLetterId'] === letter!.id);
    expect(errorLine).toMatchObject({ group: BROKEN, eventId: e.id });
    await relay.stop();
    await bus.close();

    // restart: a new ORM on the same database still has it
    await orm.close(true);
    orm = await open();
    const kept = await pendingDeadLetters({ orm, tenantId: tenant });
    expect(kept.map((l) => l.id)).toEqual([letter!.id]);
    expect(await redeliverDeadLetters({ orm, tenantId: tenant })).toEqual([letter!.id]);
    expect(await pendingDeadLetters({ orm, tenantId: tenant })).toEqual([]);

    // the next relay, the handler fixed: applied once; the healthy group skips its repeat
    const fixed = new MemoryEventBus(logger);
    await fixed.subscribe(BROKEN, [e.type], apply(orm, BROKEN));
    await fixed.subscribe(HEALTHY, [e.type], apply(orm, HEALTHY));
    const relay2 = startOutboxRelay({ orm, bus: fixed, intervalMs: HOUR, logger });
    expect(await relay2.runOnce()).toBe(1);
    await delivered(fixed);
    expect(await relay2.runOnce()).toBe(0);
    expect(applied).toEqual({ [BROKEN]: 1, [HEALTHY]: 1 });
    const rows = await withTenantScope(orm, tenant, (em) =>
      Promise.all([
        em.count(OutboxEvent, { eventId: e.id, publishedAt: null }),
        em.findOneOrFail(DeadLetter, { id: letter!.id }),
      ]),
    );
    expect(rows[0]).toBe(0);
    expect(rows[1].redeliveredAt).toBeInstanceOf(Date);
    await relay2.stop();
    await fixed.close();
  }, 30_000);
});
