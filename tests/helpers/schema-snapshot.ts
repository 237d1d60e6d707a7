/**
 * What a database's schema is, read back from the database itself (not from the entities or the files):
 * tables, columns with types, nullability and defaults, constraints, indexes, and on PostgreSQL row-level
 * security, policies, sequences and functions. The schema's own name is replaced by `<schema>`, so two
 * schemas of one shape snapshot equal.
 */
import type { Orm } from '../../core/db/orm';
import type { DbKind } from './db';

export type SchemaSnapshot = Record<string, unknown[]>;

type Row = Record<string, unknown>;

async function rows(orm: Orm, sql: string, params: unknown[] = []): Promise<Row[]> {
  return orm.em.getConnection().execute<Row[]>(sql, params);
}

export async function schemaSnapshot(orm: Orm, kind: DbKind, schema: string): Promise<SchemaSnapshot> {
  const snap = kind === 'postgres' ? await postgresSnapshot(orm, schema) : await sqliteSnapshot(orm);
  const anonymous = JSON.stringify(snap).split(schema).join('<schema>');
  return JSON.parse(anonymous) as SchemaSnapshot;
}

async function sqliteSnapshot(orm: Orm): Promise<SchemaSnapshot> {
  const objects = await rows(
    orm,
    `select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`,
  );
  const tables = objects.filter((o) => o['type'] === 'table').map((o) => String(o['name']));
  const columns: Row[] = [];
  const indexes: Row[] = [];
  for (const t of tables) {
    for (const c of await rows(orm, `select * from pragma_table_info(?) order by cid`, [t])) {
      columns.push({ table: t, ...c });
    }
    for (const i of await rows(orm, `select * from pragma_index_list(?) order by name`, [t])) {
      const cols = await rows(orm, `select name from pragma_index_info(?) order by seqno`, [i['name']]);
      indexes.push({ table: t, ...i, seq: undefined, columns: cols.map((c) => c['name']) });
    }
  }
  return { objects, columns, indexes };
}

async function postgresSnapshot(orm: Orm, schema: string): Promise<SchemaSnapshot> {
  const q = (sql: string) => rows(orm, sql, [schema]);
  return {
    tables: await q(
      `select c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity from pg_class c
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'S')
         order by c.relname`,
    ),
    columns: await q(
      `select table_name, column_name, ordinal_position, data_type, udt_name, character_maximum_length,
              numeric_precision, is_nullable, column_default
         from information_schema.columns where table_schema = ? order by table_name, ordinal_position`,
    ),
    constraints: await q(
      `select t.relname as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as def
         from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
         where n.nspname = ? order by t.relname, c.conname`,
    ),
    indexes: await q(
      `select tablename, indexname, indexdef from pg_indexes where schemaname = ? order by 1, 2`,
    ),
    policies: await q(
      `select tablename, policyname, permissive, roles::text as roles, cmd, qual, with_check
         from pg_policies where schemaname = ? order by tablename, policyname`,
    ),
    functions: await q(
      `select p.proname, pg_get_function_arguments(p.oid) as args, pg_get_function_result(p.oid) as result,
              p.prosecdef, p.provolatile, p.proconfig::text as config, trim(p.prosrc) as body
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ? order by p.proname`,
    ),
  };
}
