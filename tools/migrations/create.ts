/**
 * `npm run migrations:create -- <subgraph> [label]`: after you change a subgraph's entities, writes the
 * migration that brings a database migrated by the committed files to the entities, once per dialect:
 *   subgraphs/<subgraph>/migrations/sqlite/Migration<UTC timestamp>_<label>.ts
 *   subgraphs/<subgraph>/migrations/postgresql/Migration<UTC timestamp>_<label>.ts
 * and rewrites subgraphs/<subgraph>/migrations/index.ts, which lists them. For each dialect it migrates a
 * scratch database (in-memory SQLite; a throwaway schema of DATABASE_URL) by the committed files, diffs
 * it against the entities with MikroORM's schema generator (./schema-diff.ts) and writes the difference
 * with MikroORM's migration generator (./generator.ts). PostgreSQL needs DATABASE_URL (as owner);
 * `--sqlite-only` skips it, and tests/integration/schema-drift.test.ts then fails on PostgreSQL until
 * someone generates that half. Review the files and commit them with the entity change.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntityClass, type MigrationObject, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../core/config';
import type { Dialect } from '../../core/db/dialect-migrations';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { VersionedMigrationGenerator } from './generator';
import { pendingSchemaChanges } from './schema-diff';
import { loadMigrationFiles, migrationsDir, writeMigrationsIndex } from './files';

interface Args {
  subgraph: SubgraphName;
  label: string;
  dialects: Dialect[];
}

function parseArgs(argv: string[]): Args {
  const flags = argv.filter((a) => a.startsWith('--'));
  const [subgraph, label = 'update'] = argv.filter((a) => !a.startsWith('--'));
  if (!subgraph || !(SUBGRAPH_NAMES as readonly string[]).includes(subgraph)) {
    throw new Error(
      `usage: npm run migrations:create -- <${SUBGRAPH_NAMES.join('|')}> [label] [--sqlite-only]`,
    );
  }
  if (!/^[a-z][a-z0-9_]*$/i.test(label)) throw new Error(`label must be an identifier: ${label}`);
  const sqliteOnly = flags.includes('--sqlite-only');
  if (!sqliteOnly && !process.env['DATABASE_URL']) {
    throw new Error(
      'the PostgreSQL migration needs DATABASE_URL (an owner connection, e.g. docker compose up -d postgres); ' +
        '--sqlite-only skips it',
    );
  }
  return {
    subgraph: subgraph as SubgraphName,
    label,
    dialects: sqliteOnly ? ['sqlite'] : ['sqlite', 'postgresql'],
  };
}

async function entitiesOf(subgraph: SubgraphName): Promise<EntityClass<object>[]> {
  const mod = (await import(path.join(__dirname, '..', '..', 'subgraphs', subgraph))) as Record<
    string,
    unknown
  >;
  for (const value of Object.values(mod)) {
    const m = value as { name?: unknown; entities?: EntityClass<object>[] } | null;
    if (m && typeof m === 'object' && m.name === subgraph && Array.isArray(m.entities)) return m.entities;
  }
  throw new Error(`subgraphs/${subgraph} exports no module named ${subgraph}`);
}

function ormOptions(
  dialect: Dialect,
  entities: EntityClass<object>[],
  files: MigrationObject[],
  dir: string,
  schema: string,
): Options {
  const migrations = {
    migrationsList: files,
    path: dir,
    snapshot: false,
    silent: true,
    transactional: true,
    allOrNothing: true,
  };
  const common = {
    entities,
    extensions: [Migrator],
    migrations,
    allowGlobalContext: true,
    discovery: { warnWhenNoEntities: false },
  };
  if (dialect === 'sqlite') return { ...common, driver: BetterSqliteDriver, dbName: ':memory:' };
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: process.env['DATABASE_URL'],
    schema,
    pool: { min: 0, max: 2 },
  };
}

/** MikroORM's statement list from its SQL dump: `;\n` ends a statement, an empty line starts a new group. */
function statements(sql: string): string[] {
  return sql
    .split(/;\n/)
    .flatMap((chunk) => (chunk.startsWith('\n') ? ['', chunk.trim()] : [chunk.trim()]))
    .filter((s, i, all) => s || (i > 0 && all[i - 1]))
    .map((s) => (s && !s.endsWith(';') ? `${s};` : s));
}

/** Migrates a scratch database by the committed files, then writes its diff to the entities (if any). */
async function generate(
  dialect: Dialect,
  args: Args,
  entities: EntityClass<object>[],
  name: string,
): Promise<string | undefined> {
  const dir = migrationsDir(args.subgraph, dialect);
  const files = await loadMigrationFiles(dir);
  const schema = `migrations_scratch_${randomBytes(4).toString('hex')}`;
  const options = ormOptions(dialect, entities, files, dir, schema);
  const orm = await MikroORM.init(options);
  const conn = orm.em.getConnection();
  try {
    if (dialect === 'postgresql') await conn.execute(`create schema "${schema}"`);
    await orm.getMigrator().up();
    const changes = await pendingSchemaChanges(orm);
    if (!changes.up) return undefined;
    const generator = new VersionedMigrationGenerator(
      orm.em.getDriver() as unknown as AbstractSqlDriver,
      orm.config.getNamingStrategy(),
      orm.config.get('migrations'),
    );
    const [, fileName] = await generator.generate(
      { up: statements(changes.up), down: statements(changes.down) },
      dir,
      name,
    );
    return path.join(dir, fileName);
  } finally {
    if (dialect === 'postgresql') await conn.execute(`drop schema if exists "${schema}" cascade`);
    await orm.close(true);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const entities = await entitiesOf(args.subgraph);
  const stamp = new Date().toISOString().replace(/[-T:]|\.\d{3}Z$/g, '');
  const name = `Migration${stamp}_${args.label}`;
  const written: string[] = [];
  for (const dialect of args.dialects) {
    const file = await generate(dialect, args, entities, name);
    if (file) written.push(file);
  }
  if (!written.length) {
    process.stdout.write(`${args.subgraph}: entities and migrations agree, nothing to generate\n`);
    return;
  }
  const index = await writeMigrationsIndex(args.subgraph);
  for (const f of [...written, index]) process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`);
  if (
    !existsSync(path.join(migrationsDir(args.subgraph, 'postgresql'), `${name}.ts`)) &&
    args.dialects.length === 1
  ) {
    process.stdout.write('PostgreSQL skipped (--sqlite-only): generate it before you commit\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`migrations:create failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
