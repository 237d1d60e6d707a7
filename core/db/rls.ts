/**
 * PostgreSQL row-level security for tenant-owned tables: ENABLE + FORCE, one policy with USING and
 * WITH CHECK on the per-transaction setting `app.tenant_id`. An unset tenant matches no row.
 */
export const TENANT_SETTING = 'app.tenant_id';

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

export function rlsStatements(schema: string, table: string, column = 'tenant_id'): string[] {
  const t = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const cond = `${quoteIdent(column)}::text = current_setting('${TENANT_SETTING}', true)`;
  return [
    `alter table ${t} enable row level security`,
    `alter table ${t} force row level security`,
    `drop policy if exists tenant_isolation on ${t}`,
    `create policy tenant_isolation on ${t} using (${cond}) with check (${cond})`,
  ];
}

export function grantStatements(schema: string, role: string): string[] {
  const s = quoteIdent(schema);
  const r = quoteIdent(role);
  return [
    `grant usage on schema ${s} to ${r}`,
    `grant select, insert, update, delete on all tables in schema ${s} to ${r}`,
    `grant usage, select on all sequences in schema ${s} to ${r}`,
  ];
}

interface SqlConnection {
  execute<T>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * Fails closed after migrating: every table of `schema` with a `tenant_id` column (and the outbox, by its
 * `tenant` column) must have row-level security enabled and forced with the `tenant_isolation` policy.
 * Migration files create them (`npm run migrations:create` writes them for every new tenant table); a
 * hand-written file that forgot them stops the deployment here instead of serving every tenant's rows.
 */
export async function assertRowLevelSecurity(conn: SqlConnection, schema: string): Promise<void> {
  const unprotected = await conn.execute<{ table_name: string }[]>(
    `select distinct c.table_name from information_schema.columns c
       join pg_class t on t.relname = c.table_name
       join pg_namespace n on n.oid = t.relnamespace and n.nspname = c.table_schema
     where c.table_schema = ?
       and (c.column_name = 'tenant_id' or (c.table_name = 'outbox_event' and c.column_name = 'tenant'))
       and t.relkind = 'r'
       and not (t.relrowsecurity and t.relforcerowsecurity and exists (
         select 1 from pg_policies p where p.schemaname = c.table_schema and p.tablename = c.table_name
           and p.policyname = 'tenant_isolation'))
     order by c.table_name`,
    [schema],
  );
  if (unprotected.length) {
    throw new Error(
      `tables without row-level security in schema ${schema}: ${unprotected.map((r) => r.table_name).join(', ')} ` +
        '(add it in a migration file: rlsStatements in core/db/rls.ts)',
    );
  }
}
