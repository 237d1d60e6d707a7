/**
 * A flush writes back only what its EntityManager changed. MikroORM 6.6 compared `type: 'datetime'` properties
 * of a loaded entity (a Date) with its snapshot (on SQLite a timestamp) as unequal, so every entity read and
 * then flushed was rewritten with the dates it had read: one more UPDATE per entity per flush on the coaching
 * hot path, and a date another writer changed in between was silently put back (core/db/datetime-comparison.ts).
 */
import { randomUUID } from 'node:crypto';
import { createOrm, type Orm } from '../../../core/db/orm';
import { OutboxEvent } from '../../../core/outbox';
import { dbOptions } from '../../helpers/db';

async function sqliteOrm(): Promise<Orm> {
  const orm = await createOrm({
    name: 'datetime-comparison',
    entities: [OutboxEvent],
    migrations: [],
    database: dbOptions('sqlite'),
    memory: true,
  });
  await orm.schema.createSchema();
  return orm;
}

describe('datetime properties of loaded entities', () => {
  let orm: Orm;
  beforeEach(async () => {
    orm = await sqliteOrm();
  });
  afterEach(async () => {
    await orm.close(true);
  });

  function outboxRow(type: string, publishedAt: Date | null): OutboxEvent {
    const row = new OutboxEvent();
    Object.assign(row, { eventId: randomUUID(), type, tenant: 't1', at: new Date(1_700_000_000_000) });
    Object.assign(row, { version: 1, payload: {}, publishedAt });
    return row;
  }

  async function stored(publishedAt: Date): Promise<number> {
    const em = orm.em.fork();
    const row = outboxRow('test.event', publishedAt);
    await em.persistAndFlush(row);
    return row.seq;
  }

  it('a flush after a read writes nothing back: a date another writer changed meanwhile is kept', async () => {
    const seq = await stored(new Date(1_700_000_001_000));
    const reader = orm.em.fork();
    await reader.findOneOrFail(OutboxEvent, { seq });

    const writer = orm.em.fork();
    const row = await writer.findOneOrFail(OutboxEvent, { seq });
    row.publishedAt = new Date(1_700_000_009_000);
    await writer.flush();

    // the reader changed nothing of that row; its flush (of other work) must not put the old date back
    reader.persist(outboxRow('test.other', null));
    await reader.flush();

    const fresh = await orm.em.fork().findOneOrFail(OutboxEvent, { seq });
    expect(fresh.publishedAt?.getTime()).toBe(1_700_000_009_000);
  });

  it('a date changed by the EntityManager that read it is still written', async () => {
    const seq = await stored(new Date(1_700_000_001_000));
    const em = orm.em.fork();
    const row = await em.findOneOrFail(OutboxEvent, { seq });
    row.publishedAt = new Date(1_700_000_005_000);
    await em.flush();
    const fresh = await orm.em.fork().findOneOrFail(OutboxEvent, { seq });
    expect(fresh.publishedAt?.getTime()).toBe(1_700_000_005_000);
  });
});
