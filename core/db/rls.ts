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
