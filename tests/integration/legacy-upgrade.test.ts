/**
 * A database built by the old migrations (generated from the entities at run time, up to commit 38d9684)
 * upgrades, by the committed migration files, to exactly the schema a fresh database gets from them:
 * same tables, columns, types, constraints, indexes and — on PostgreSQL — row-level security, policies and
 * functions. The old shape is frozen SQL (tests/fixtures/legacy-schema/, dumped from that commit's
 * migrations), not old code. A database that ran only some of the old migrations is refused.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { SubgraphName } from '../../core/config';
import { LegacySchemaError } from '../../core/db/dialect-migrations';
import { createOrm, migrateDatabase, migrateInPlace, type Orm } from '../../core/db/orm';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { tenantsSubgraph } from '../../subgraphs/tenants';
import { agentsSubgraph } from '../../subgraphs/agents';
import { coachingSubgraph } from '../../subgraphs/coaching';
import { analyticsSubgraph } from '../../subgraphs/analytics';
import { billingSubgraph } from '../../subgraphs/billing';
import { createTestDb, dbOptions, type DbKind } from '../helpers/db';
import { schemaSnapshot } from '../helpers/schema-snapshot';
import { describeEachDb } from '../helpers/variants';

const MODULES: SubgraphModule[] = [
  tenantsSubgraph,
  agentsSubgraph,
  coachingSubgraph,
  analyticsSubgraph,
  billingSubgraph,
];
const FIXTURES = path.resolve(__dirname, '../fixtures/legacy-schema');

function legacySql(name: SubgraphName, kind: DbKind, schema: string): string {
  const file = path.join(FIXTURES, `${name}.${kind === 'postgres' ? 'postgresql' : 'sqlite'}.sql`);
  return fs.readFileSync(file, 'utf8').split('__SCHEMA__').join(schema);
}

interface LegacyDb {
  orm: Orm;
  schema: string;
  /** Runs the current migrations on it, as `npm run migrate` does. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** A database of the old shape, `drop` old migration names removed from its migrations table. */
async function legacyDb(m: SubgraphModule, kind: DbKind, drop: readonly string[] = []): Promise<LegacyDb> {
  const database = dbOptions(kind);
  const forget = (table: string) =>
    drop.map((n) => `delete from ${table} where name = '${n.replace(/[^A-Za-z0-9_]/g, '')}'`);
  if (kind === 'sqlite') {
    const orm = await createOrm({
      name: m.name,
      entities: m.entities,
      migrations: m.migrations,
      database,
      memory: true,
    });
    const conn = orm.em.getConnection();
    const statements = legacySql(m.name, kind, m.name)
      .replace(/^--.*$/gm, '')
      .split(/;\s*\n/);
    for (const sql of [...statements, ...forget('mikro_orm_migrations')])
      if (sql.trim()) await conn.execute(sql);
    return { orm, schema: m.name, migrate: () => migrateInPlace(orm), close: () => orm.close(true) };
  }
  const schema = `t_legacy_${m.name}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    await client.query(`create schema "${schema}"`);
    // as pg_dump restores: function bodies are checked when called, not when created before their tables
    await client.query(`set check_function_bodies = false; ${legacySql(m.name, kind, schema)}`);
    for (const sql of forget(`"${schema}".mikro_orm_migrations`)) await client.query(sql);
  } finally {
    await client.end();
  }
  const opts = { name: m.name, entities: m.entities, migrations: m.migrations, database, schema };
  const orm = await createOrm({ ...opts, asOwner: true });
  return {
    orm,
    schema,
    migrate: () => migrateDatabase(opts),
    async close() {
      await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
      await orm.close(true);
    },
  };
}

async function executed(orm: Orm, kind: DbKind, schema: string): Promise<string[]> {
  const table = kind === 'postgres' ? `"${schema}".mikro_orm_migrations` : 'mikro_orm_migrations';
  const rows = await orm.em
    .getConnection()
    .execute<{ name: string }[]>(`select name from ${table} order by id`);
  return rows.map((r: { name: string }) => r.name);
}

describeEachDb('a database built by the old migrations (%s)', (kind: DbKind) => {
  test.each(MODULES.map((m) => [m.name, m] as const))(
    '%s: upgrades to exactly the schema of a fresh database',
    async (_name, m) => {
      const fresh = await createTestDb(kind, m.name, m.entities, m.migrations);
      const legacy = await legacyDb(m, kind);
      try {
        const before = await executed(legacy.orm, kind, legacy.schema);
        expect(before.every((n) => /^Migration000\d[A-Z]/.test(n))).toBe(true);
        await legacy.migrate();
        const expected = await schemaSnapshot(fresh.owner, kind, fresh.schema);
        expect(await schemaSnapshot(legacy.orm, kind, legacy.schema)).toEqual(expected);
        // the old history stays, then every version the fresh database has
        expect(await executed(legacy.orm, kind, legacy.schema)).toEqual([
          ...before,
          ...(await executed(fresh.owner, kind, fresh.schema)),
        ]);
        await legacy.migrate(); // again: nothing left to do
        expect(await schemaSnapshot(legacy.orm, kind, legacy.schema)).toEqual(expected);
      } finally {
        await legacy.close();
        await fresh.close();
      }
    },
  );

  test('one that ran only some of the old migrations is refused, and left as it was', async () => {
    const legacy = await legacyDb(agentsSubgraph, kind, ['Migration0003AgentsKnownLocations']);
    try {
      const before = await schemaSnapshot(legacy.orm, kind, legacy.schema);
      // the migrator wraps it: its message names the old migration the database misses
      await expect(legacy.migrate()).rejects.toThrow(
        new LegacySchemaError(['Migration0003AgentsKnownLocations']).message,
      );
      expect(await schemaSnapshot(legacy.orm, kind, legacy.schema)).toEqual(before);
    } finally {
      await legacy.close();
    }
  });
});
