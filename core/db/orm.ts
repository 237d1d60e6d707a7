/**
 * MikroORM set-up for one subgraph: SQLite file per subgraph (embedded default) or its own PostgreSQL
 * schema (DATABASE_URL). Migrations run as the owner; the runtime connects as a role that does not own
 * the tables, so row-level security applies to it.
 */
import path from 'node:path';
import { MikroORM, type Options, type MigrationObject, type EntityClass } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseOptions } from '../config';
import { compareDateTimesAsDates } from './datetime-comparison';
import { assertRowLevelSecurity, grantStatements, quoteIdent } from './rls';
import { ensureRuntimeRole, runtimePassword } from './runtime-role';
import { cachePreparedStatements } from './sqlite-statement-cache';
import { ensurePrivateDir, ensurePrivateFile, restrictIfExists } from '../private-files';

export type Orm = MikroORM;

export interface OrmOptions {
  /** Subgraph name: SQLite file name / PostgreSQL schema. */
  name: string;
  entities: EntityClass<object>[];
  migrations: MigrationObject[];
  database: DatabaseOptions;
  /** Use an in-memory SQLite database (unit tests). */
  memory?: boolean;
  /** Override the PostgreSQL schema (tests use a unique schema per run). */
  schema?: string;
  /** Connect as the table owner (migrations, provisioning). Default: the runtime role. */
  asOwner?: boolean;
  debug?: boolean;
}

export function schemaName(opts: Pick<OrmOptions, 'name' | 'schema'>): string {
  return opts.schema ?? opts.name;
}

function baseOptions(opts: OrmOptions): Options {
  return {
    entities: opts.entities,
    // per subgraph: an in-process event handler must not resolve to the publishing ORM's EntityManager
    contextName: opts.name,
    allowGlobalContext: false,
    extensions: [Migrator],
    debug: opts.debug ?? false,
    migrations: {
      migrationsList: opts.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { warnWhenNoEntities: false, afterDiscovered: compareDateTimesAsDates },
  };
}

export async function createOrm(opts: OrmOptions): Promise<Orm> {
  const db = opts.database;
  if (db.kind === 'postgres') {
    const url = opts.asOwner ? db.ownerUrl : db.appUrl;
    if (!url) throw new Error('DATABASE_URL is required for postgres');
    return MikroORM.init({
      ...baseOptions(opts),
      driver: PostgreSqlDriver,
      clientUrl: url,
      schema: schemaName(opts),
      pool: { min: 0, max: db.poolMax },
    });
  }
  let dbName = ':memory:';
  if (!opts.memory && db.sqliteDir !== ':memory:') {
    ensurePrivateDir(db.sqliteDir);
    dbName = path.join(db.sqliteDir, `${opts.name}.sqlite`);
    // every tenant's rows: 0600 like the credentials. SQLite creates the -wal/-shm files with the
    // database file's mode; ones left by an older version are narrowed too.
    ensurePrivateFile(dbName);
    for (const suffix of ['-wal', '-shm', '-journal']) restrictIfExists(dbName + suffix);
  }
  return MikroORM.init({
    ...baseOptions(opts),
    driver: BetterSqliteDriver,
    dbName,
    pool: {
      min: 1,
      max: 1,
      // WAL + synchronous=NORMAL: a commit no longer waits for an fsync on the one event loop (durable
      // across process crashes; the last commits may roll back only on power loss).
      afterCreate: (
        conn: { pragma(sql: string): unknown; prepare(sql: string): unknown },
        done: (err: Error | null, conn: unknown) => void,
      ) => {
        try {
          if (dbName !== ':memory:') conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = NORMAL');
          conn.pragma('busy_timeout = 5000');
          cachePreparedStatements(conn);
          done(null, conn);
        } catch (err) {
          done(err as Error, conn);
        }
      },
    },
  });
}

/**
 * Brings a subgraph's database up to date by its committed migration files (core/db/dialect-migrations.ts).
 * On PostgreSQL it first creates the schema and the runtime role, runs the files as the owner (they hold
 * the tables, row-level security, policies and SECURITY DEFINER functions), checks that every tenant table
 * is under row-level security, and grants the runtime role (whose name is per deployment) its rights.
 */
export async function migrateDatabase(opts: OrmOptions): Promise<void> {
  if (opts.database.kind === 'postgres') {
    const owner = await createOrm({ ...opts, asOwner: true });
    const schema = schemaName(opts);
    const role = opts.database.appRole;
    const conn = owner.em.getConnection();
    try {
      await conn.execute(`create schema if not exists ${quoteIdent(schema)}`);
      await ensureRuntimeRole(conn, role, runtimePassword(opts.database.appUrl, role));
      await owner.getMigrator().up();
      await assertRowLevelSecurity(conn, schema);
      for (const sql of grantStatements(schema, role)) await conn.execute(sql);
    } finally {
      await owner.close(true);
    }
    return;
  }
  const orm = await createOrm(opts);
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
}

/** For in-memory SQLite: migrate on the same connection that will serve (a new connection is a new DB). */
export async function migrateInPlace(orm: Orm): Promise<void> {
  await orm.getMigrator().up();
}
