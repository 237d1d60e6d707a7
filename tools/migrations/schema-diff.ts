/**
 * What MikroORM would change to bring a database to its entities, as migration SQL (up and down): the
 * drift check (tests/integration/migration-drift.test.ts) wants it empty, and `npm run migrations:create`
 * writes it into the next migration file. Two corrections to MikroORM 6.6.16's own diff:
 *  - on PostgreSQL it reads only this ORM's schema: unscoped, it proposes dropping every other schema's
 *    tables (other subgraphs, other test runs), and reading them races with their being dropped;
 *  - on SQLite it reads enum check constraints completely (6.6.16 keeps only the first and last item of
 *    `check (x in ('a', 'b', 'c'))`) and accepts `integer primary key autoincrement` for a bigint
 *    autoincrement key (SQLite's only rowid alias), so an unchanged table is not reported as changed.
 */
import type { Orm } from '../../core/db/orm';
import { DatabaseSchema, type SqlSchemaGenerator } from '@mikro-orm/knex';
import type { AbstractSqlConnection, AbstractSqlPlatform, Table } from '@mikro-orm/knex';
import type { Configuration } from '@mikro-orm/core';
import { dialectOf } from '../../core/db/dialect-migrations';

export interface SchemaChanges {
  up: string;
  down: string;
}

export async function pendingSchemaChanges(orm: Orm): Promise<SchemaChanges> {
  const generator = orm.getSchemaGenerator() as unknown as SqlSchemaGenerator;
  const connection = orm.em.getConnection() as unknown as AbstractSqlConnection;
  const platform = orm.em.getPlatform() as unknown as AbstractSqlPlatform;
  const postgres = dialectOf(platform) === 'postgresql';
  const schema = postgres ? String(orm.config.get('schema') ?? 'public') : undefined;
  const target = generator.getTargetSchema(schema);
  const current = await readSchema(connection, platform, orm.config, schema);
  if (!postgres) await readSqliteTablesFully(connection, current, target);
  const { up, down } = await generator.getUpdateSchemaMigrationSQL({
    wrap: false,
    schema,
    fromSchema: current,
  });
  return { up: up.trim(), down: down.trim() };
}

/** DatabaseSchema.create, limited to the tables of `schema` (PostgreSQL) and without the migrations table. */
async function readSchema(
  connection: AbstractSqlConnection,
  platform: AbstractSqlPlatform,
  config: Configuration,
  schema: string | undefined,
): Promise<DatabaseSchema> {
  const helper = platform.getSchemaHelper()!;
  const listed = schema
    ? await connection.execute<Table[]>(
        `select table_name, table_schema as schema_name from information_schema.tables
          where table_schema = ? and table_type = 'BASE TABLE' order by table_name`,
        [schema],
      )
    : await connection.execute<Table[]>(helper.getListTablesSQL());
  const migrations = config.get('migrations').tableName ?? 'mikro_orm_migrations';
  const tables = listed.filter((t) => t.table_name !== migrations);
  const read = new DatabaseSchema(platform, (schema ?? platform.getDefaultSchemaName()) as string);
  await helper.loadInformationSchema(read, connection, tables, schema ? [schema] : undefined);
  return read;
}

const ENUM_CHECK = /[`"]([^`"]+)[`"] text check \([`"][^`"]+[`"] in \(((?:\s*'(?:[^']|'')*'\s*,?)+)\)\)/gi;

async function readSqliteTablesFully(
  connection: AbstractSqlConnection,
  current: DatabaseSchema,
  target: DatabaseSchema,
): Promise<void> {
  for (const table of current.getTables()) {
    const [row] = await connection.execute<{ sql: string }[]>(
      `select sql from sqlite_master where type = 'table' and name = ?`,
      [table.name],
    );
    for (const [, column, list] of (row?.sql ?? '').matchAll(ENUM_CHECK)) {
      const col = table.getColumn(column!);
      if (col) col.enumItems = [...list!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
    }
    for (const col of table.getColumns()) {
      const wanted = target.getTable(table.name)?.getColumn(col.name);
      const rowid = col.primary && col.autoincrement && col.type.toLowerCase() === 'integer';
      if (wanted && rowid && wanted.primary && wanted.autoincrement && /^bigint$/i.test(wanted.type)) {
        col.type = wanted.type;
        col.mappedType = wanted.mappedType;
      }
    }
  }
}
