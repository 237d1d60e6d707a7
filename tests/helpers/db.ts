/**
 * Test databases: in-memory SQLite by default; when DATABASE_URL is set, a fresh PostgreSQL schema per
 * call (migrated as the owner, used through the non-owner runtime role so RLS applies), dropped on close.
 */
import { randomBytes } from 'node:crypto';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import { createOrm, migrateDatabase, migrateInPlace, type Orm } from '../../core/db/orm';
import type { DatabaseOptions } from '../../core/config';

export const PG_URL = process.env['DATABASE_URL'];
export const REDIS_URL = process.env['REDIS_URL'];

export type DbKind = 'sqlite' | 'postgres';

/**
 * The database kinds that can run here: always SQLite, PostgreSQL when DATABASE_URL is set. For a suite, prefer
 * describeEachDb (./variants): it also declares the PostgreSQL variant when it cannot run, so jest reports its
 * tests as skipped with the reason instead of never creating them.
 */
export function dbKinds(): DbKind[] {
  if (!PG_URL) printSkipNotice('PostgreSQL variants of these', 'DATABASE_URL');
  return PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

const noticesPrinted = new Set<string>();
export function printSkipNotice(what: string, envVar: string): void {
  if (noticesPrinted.has(what)) return;
  noticesPrinted.add(what);
  console.log(`[skip] ${what} tests skipped: ${envVar} is not set`);
}

export function dbOptions(kind: DbKind): DatabaseOptions {
  if (kind === 'postgres') {
    const owner = new URL(PG_URL!);
    const app = new URL(PG_URL!);
    app.username = process.env['DB_APP_ROLE'] ?? 'coaching_app';
    app.password = '';
    return {
      kind,
      sqliteDir: ':memory:',
      ownerUrl: owner.toString(),
      appUrl: app.toString(),
      appRole: app.username,
      poolMax: 5,
    };
  }
  return { kind, sqliteDir: ':memory:', appRole: 'none', poolMax: 1 };
}

export interface TestDb {
  orm: Orm;
  /** Owner-side ORM (PostgreSQL) or the same ORM (SQLite): for seeding across tenants. */
  owner: Orm;
  schema: string;
  close(): Promise<void>;
}

export async function createTestDb(
  kind: DbKind,
  name: string,
  entities: EntityClass<object>[],
  migrations: MigrationObject[],
): Promise<TestDb> {
  const database = dbOptions(kind);
  if (kind === 'sqlite') {
    const orm = await createOrm({ name, entities, migrations, database, memory: true });
    await migrateInPlace(orm);
    return { orm, owner: orm, schema: name, close: () => orm.close(true) };
  }
  const schema = `t_${name}_${randomBytes(4).toString('hex')}`;
  await migrateDatabase({ name, entities, migrations, database, schema });
  const orm = await createOrm({ name, entities, migrations, database, schema });
  const owner = await createOrm({ name, entities, migrations, database, schema, asOwner: true });
  return {
    orm,
    owner,
    schema,
    async close() {
      await orm.close(true);
      await owner.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
      await owner.close(true);
    },
  };
}
