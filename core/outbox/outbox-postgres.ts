/**
 * The outbox on PostgreSQL: tenant isolation for the runtime role, and one narrow path for the relay.
 *
 * `outbox_event` is under row-level security like every tenant-owned table (policy on its `tenant`
 * column, ENABLE + FORCE): a request scoped to tenant A inserts and sees only A's rows. The relay must
 * read every tenant's unpublished rows, so it goes through two SECURITY DEFINER functions that run as
 * the table owner:
 *   - `outbox_claim(batch)`: the oldest unpublished rows, locked FOR UPDATE SKIP LOCKED in the caller's
 *     transaction (several relays never publish the same row);
 *   - `outbox_mark_published(seqs)`: marks claimed rows published.
 * Both answer nothing inside a tenant scope (`app.tenant_id` set, as in every GraphQL request and event
 * consumer): only the relay, which runs outside any tenant scope, gets rows from them. Why functions
 * rather than an owner connection for the relay: they keep the runtime on one role and one pool (no
 * DDL-capable connection in the serving process), and every relay — module, seed, test — works as is.
 * The owner-only policy lets a non-superuser owner through the FORCEd RLS inside the functions (a
 * superuser or BYPASSRLS owner does not need it); it applies to the owner role only.
 */
import { quoteIdent, rlsStatements, TENANT_SETTING } from '../db/rls';

export const OUTBOX_TABLE = 'outbox_event';
export const OUTBOX_CLAIM_FUNCTION = 'outbox_claim';
export const OUTBOX_MARK_FUNCTION = 'outbox_mark_published';

const OUTSIDE_TENANT_SCOPE = `coalesce(current_setting('${TENANT_SETTING}', true), '') = ''`;

/** Idempotent: run by `migrateDatabase` as the owner, after the migrations, on every schema with an outbox. */
export function outboxPostgresStatements(schema: string): string[] {
  const s = quoteIdent(schema);
  const t = `${s}.${quoteIdent(OUTBOX_TABLE)}`;
  const fn = `language sql volatile security definer set search_path = pg_catalog, pg_temp as $fn$`;
  return [
    ...rlsStatements(schema, OUTBOX_TABLE, 'tenant'),
    `drop policy if exists outbox_owner on ${t}`,
    `create policy outbox_owner on ${t} to current_user using (true) with check (true)`,
    // An explicit row shape (not `setof outbox_event`): the table stays droppable by later migrations.
    `create or replace function ${s}.${quoteIdent(OUTBOX_CLAIM_FUNCTION)}(batch integer) ` +
      `returns table (seq bigint, event_id text, type text, tenant text, at timestamptz, version integer, payload jsonb) ` +
      `${fn} select o.seq::bigint, o.event_id::text, o.type::text, o.tenant::text, o.at::timestamptz, ` +
      `o.version::integer, o.payload::jsonb from ${t} o where o.published_at is null and ${OUTSIDE_TENANT_SCOPE} ` +
      `order by o.seq limit batch for update skip locked $fn$`,
    `create or replace function ${s}.${quoteIdent(OUTBOX_MARK_FUNCTION)}(seqs bigint[]) ` +
      `returns integer ${fn} ` +
      `with done as (update ${t} o set published_at = now() where o.seq = any(seqs) ` +
      `and o.published_at is null and ${OUTSIDE_TENANT_SCOPE} returning 1) ` +
      `select count(*)::integer from done $fn$`,
  ];
}

/** A claimed row as the function returns it (snake_case columns). */
export interface OutboxRow {
  seq: string | number;
  event_id: string;
  type: string;
  tenant: string;
  at: Date | string;
  version: number;
  payload: unknown;
}

export function claimSql(schema: string): string {
  return `select * from ${quoteIdent(schema)}.${quoteIdent(OUTBOX_CLAIM_FUNCTION)}(?)`;
}

export function markPublishedSql(schema: string): string {
  return `select ${quoteIdent(schema)}.${quoteIdent(OUTBOX_MARK_FUNCTION)}(?::bigint[]) as marked`;
}

/** The `seqs` parameter of `markPublishedSql`, as a PostgreSQL array literal (knex would spread an array). */
export function seqsParam(seqs: readonly number[]): string {
  return `{${seqs.map((n) => String(Math.trunc(n))).join(',')}}`;
}
