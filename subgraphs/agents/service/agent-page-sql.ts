/**
 * The `agents` page as ONE SQL statement returning plain rows: the page (`first + 1` rows, keyset after the
 * cursor) with the count of every match as a scalar subquery. Read-only, so it skips what a page of
 * managed entities cost per request (measured with bench/agents-page.ts --cpu-prof: MikroORM building two
 * queries from filter objects, then hydrating and registering every row in the identity map was about half
 * of the subgraph's CPU per page); the rows become unmanaged `Agent` objects, which is all the resolvers read.
 *
 * Tenant isolation stays where it was: the tenant is the one the request's fork was scoped to (its tenant
 * filter parameter; unset throws, like the filter itself), visibility is the caller's (access.ts's rules,
 * written as SQL), and the statement runs on the request's connection and transaction, so PostgreSQL
 * row-level security applies to it as to any other.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { sqliteReadRows } from '../../../core/db/sqlite-read';
import { TENANT_FILTER, type TenantFilterArgs } from '../../../core/db/tenant-filter';
import type { Principal } from '../../../core/principal';
import { MemberRole, type AgentRole, type Experience, type Specialization } from '../../../core/vocabulary';
import { Agent } from '../entities/agent';
import { sqlEm } from './context';
import { containsPattern, type Dialect } from './dialect';

export interface AgentPageFilter {
  role?: AgentRole;
  experience?: Experience;
  specialization?: Specialization;
  locationId?: string;
  sharedPool?: boolean;
  search?: string;
  active?: boolean;
  ghlUserId?: string;
}

export interface AgentPageQuery {
  principal: Principal;
  filter: AgentPageFilter;
  /** Keyset position `[name, id]` to start after; null for the first page. */
  after: readonly [string, string] | null;
  /** Rows wanted on the page (the statement fetches one more, for hasNextPage). */
  first: number;
  /** Count every match too (false: `totalCount` is null and the statement counts nothing). */
  count: boolean;
  /**
   * The Agent fields the page's nodes must carry (GraphQL names, as selected); omitted: all of them. The
   * statement reads only their columns (id and name always: the keyset and the cursors) — reading and
   * converting all 14 columns was most of SQLite's time per page (bench/agents-page.ts --cpu-prof).
   */
  fields?: ReadonlySet<string>;
}

export interface AgentPageRows {
  rows: Agent[];
  totalCount: number | null;
}

const COLUMNS = [
  'id',
  'tenant_id',
  'location_id',
  'name',
  'email',
  'phone',
  'ghl_user_id',
  'role',
  'experience',
  'specializations',
  'tags',
  'active',
  'created_at',
  'updated_at',
] as const;

type Column = (typeof COLUMNS)[number];

/** The columns each Agent field reads; `id` and `name` (keyset, cursors) are always read. */
const FIELD_COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  __typename: [],
  id: [],
  name: [],
  locationId: ['location_id'],
  location: ['location_id'],
  sharedPool: ['location_id'],
  email: ['email'],
  phone: ['phone'],
  ghlUserId: ['ghl_user_id'],
  role: ['role'],
  experience: ['experience'],
  specializations: ['specializations'],
  tags: ['tags'],
  active: ['active'],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
};

/** The columns for these fields; every column when a field is not known here (nothing is left unread). */
function columnsFor(fields: ReadonlySet<string> | undefined): readonly Column[] {
  if (!fields) return COLUMNS;
  const wanted = new Set<Column>(['id', 'name']);
  for (const field of fields) {
    const columns = FIELD_COLUMNS[field];
    if (!columns) return COLUMNS;
    for (const c of columns) wanted.add(c);
  }
  return COLUMNS.filter((c) => wanted.has(c));
}

type Row = Partial<Record<Column, unknown>> & { total_count?: unknown };

/** A WHERE fragment with its bindings, for one table alias. */
interface Where {
  sql: string;
  params: unknown[];
}

/** The tenant the request's fork is scoped to; throws when none was set (fail closed, like the filter). */
function scopedTenant(em: EntityManager, principal: Principal): string {
  const tenantId = em.getFilterParams<TenantFilterArgs>(TENANT_FILTER)?.tenantId;
  if (!tenantId) throw new Error('agents page: the EntityManager has no tenant scope');
  if (tenantId !== principal.tenantId) throw new Error('agents page: principal outside the request tenant');
  return tenantId;
}

/** access.ts `visibleAgents` and the filter, as SQL over alias `t`. */
function conditions(q: AgentPageQuery, tenantId: string, dialect: Dialect, t: string): Where {
  const sql: string[] = [`${t}.tenant_id = ?`];
  const params: unknown[] = [tenantId];
  const add = (fragment: string, ...values: unknown[]) => {
    sql.push(fragment);
    params.push(...values);
  };
  const p = q.principal;
  if (p.role === MemberRole.AGENT) {
    if (p.agentId) add(`${t}.id = ?`, p.agentId);
    else add('1 = 0');
  } else if (p.locationIds !== null) {
    if (p.locationIds.length === 0) add(`${t}.location_id is null`);
    else
      add(
        `(${t}.location_id is null or ${t}.location_id in (${p.locationIds.map(() => '?').join(', ')}))`,
        ...p.locationIds,
      );
  }
  const f = q.filter;
  if (f.role) add(`${t}.role = ?`, f.role);
  if (f.experience) add(`${t}.experience = ?`, f.experience);
  if (f.locationId) add(`${t}.location_id = ?`, f.locationId);
  if (f.sharedPool === true) add(`${t}.location_id is null`);
  if (f.sharedPool === false) add(`${t}.location_id is not null`);
  if (f.active !== undefined) add(`${t}.active = ?`, dialect === 'postgres' ? f.active : f.active ? 1 : 0);
  if (f.ghlUserId !== undefined) add(`${t}.ghl_user_id = ?`, f.ghlUserId);
  if (f.search) {
    const op = dialect === 'postgres' ? 'ilike' : 'like';
    const pattern = containsPattern(f.search);
    add(`(${t}.name ${op} ? escape '!' or ${t}.email ${op} ? escape '!')`, pattern, pattern);
  }
  if (f.specialization) {
    if (dialect === 'postgres') add(`${t}.specializations @> ?::jsonb`, JSON.stringify([f.specialization]));
    else
      add(
        `exists (select 1 from json_each(${t}.specializations) as je where je.value = ?)`,
        f.specialization,
      );
  }
  return { sql: sql.join(' and '), params };
}

function quoted(em: EntityManager): string {
  const meta = em.getMetadata().get(Agent.name);
  const platform = em.getPlatform();
  const schema = meta.schema ?? em.config.get('schema');
  const table = platform.quoteIdentifier(meta.tableName);
  return schema && schema !== '*' ? `${platform.quoteIdentifier(schema)}.${table}` : table;
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** SQLite keeps datetimes as epoch milliseconds; PostgreSQL's driver gives Dates. */
function date(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number));
}

/**
 * An unmanaged Agent (not in the identity map): what the page's resolvers read. Only the columns read are
 * set (the fields the query selected, columnsFor); the tenant is the scoped one the statement filtered on.
 */
function toAgent(r: Row, tenantId: string): Agent {
  const a = new Agent();
  a.id = r.id as string;
  a.tenantId = tenantId;
  a.name = r.name as string;
  if ('location_id' in r) a.locationId = (r.location_id as string | null) ?? null;
  if ('email' in r) a.email = r.email as string;
  if ('phone' in r) a.phone = (r.phone as string | null) ?? null;
  if ('ghl_user_id' in r) a.ghlUserId = (r.ghl_user_id as string | null) ?? null;
  if ('role' in r) a.role = r.role as AgentRole;
  if ('experience' in r) a.experience = r.experience as Experience;
  if ('specializations' in r) a.specializations = json<Specialization[]>(r.specializations);
  if ('tags' in r) a.tags = json<string[]>(r.tags);
  if ('active' in r) a.active = Boolean(r.active);
  if ('created_at' in r) a.createdAt = date(r.created_at);
  if ('updated_at' in r) a.updatedAt = date(r.updated_at);
  return a;
}

/**
 * Runs on the request's knex connection and transaction with bound parameters (MikroORM's `execute` writes
 * the values into the SQL text, so every page would be a new statement to prepare; bound, the few texts
 * the filters make are prepared once: core/db/sqlite-statement-cache.ts). knex's `query` event still sees it.
 * On SQLite outside a transaction (every page: SQLite requests run none) the statement skips knex's builder
 * (core/db/sqlite-read.ts); on PostgreSQL it always runs in the request's transaction (RLS).
 */
async function run(em: EntityManager, dialect: Dialect, sql: string, params: unknown[]): Promise<Row[]> {
  const knex = sqlEm(em).getKnex();
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx && dialect === 'sqlite') return sqliteReadRows<Row>(knex, sql, params);
  const query = knex.raw(sql, params as Knex.RawBinding[]);
  const res = (await (trx ? query.transacting(trx) : query)) as Row[] | { rows: Row[] };
  return Array.isArray(res) ? res : res.rows;
}

/**
 * The page and the total. One statement; a second (the count alone) only when the page comes back empty
 * after a cursor (the count then has no row to ride on) — or the count alone when `first` is 0.
 */
export async function selectAgentPage(
  em: EntityManager,
  dialect: Dialect,
  q: AgentPageQuery,
): Promise<AgentPageRows> {
  const tenantId = scopedTenant(em, q.principal);
  const table = quoted(em);
  const counted = conditions(q, tenantId, dialect, 'c');
  const countSql = `select count(*) as total_count from ${table} c where ${counted.sql}`;
  const countAlone = async () => {
    if (!q.count) return null;
    const [row] = await run(em, dialect, countSql, counted.params);
    return Number(row?.total_count ?? 0);
  };
  if (q.first === 0) return { rows: [], totalCount: await countAlone() };
  const page = conditions(q, tenantId, dialect, 'a');
  const params = q.count ? [...counted.params, ...page.params] : [...page.params];
  let where = page.sql;
  if (q.after) {
    where += ' and (a.name > ? or (a.name = ? and a.id > ?))';
    params.push(q.after[0], q.after[0], q.after[1]);
  }
  params.push(q.first + 1);
  const columns = columnsFor(q.fields)
    .map((c) => `a.${c}`)
    .join(', ');
  const sql =
    `select ${columns}${q.count ? `, (${countSql}) as total_count` : ''} ` +
    `from ${table} a where ${where} order by a.name asc, a.id asc limit ?`;
  const rows = await run(em, dialect, sql, params);
  if (rows.length > 0) {
    return {
      rows: rows.map((r) => toAgent(r, tenantId)),
      totalCount: q.count ? Number(rows[0]!.total_count) : null,
    };
  }
  return { rows: [], totalCount: q.after ? await countAlone() : q.count ? 0 : null };
}
