/**
 * Reading agents: filter parsing, visibility + filter conditions, the keyset-paginated list, the
 * batched by-id load (federation references) and the batched per-location lists (`Location.agents`).
 */
import { raw, type FilterQuery, type ObjectQuery } from '@mikro-orm/core';
import { BadUserInputError } from '../../../core/errors';
import type { Principal } from '../../../core/principal';
import { Agent } from '../entities/agent';
import { requireRead, visibleAgents } from './access';
import { selectAgentPage } from './agent-page-sql';
import { sqlEm, type AgentsContext } from './context';
import { agentCursors } from './cursor';
import { containsAny, dialectOf, jsonArrayContains, type Dialect } from './dialect';
import { toConnection, toCountedConnection, type Connection, type PageArgs } from './pagination';
import { isUuid, parseFirst, parseGhlUserId, parseSearch } from './validation';
import * as check from '../../../core/validation';
import { type AgentRole, type Experience, type Specialization } from '../../../core/vocabulary';

export interface AgentFilterInput {
  role?: AgentRole | null;
  experience?: Experience | null;
  specialization?: Specialization | null;
  locationId?: string | null;
  sharedPool?: boolean | null;
  search?: string | null;
  active?: boolean | null;
  ghlUserId?: string | null;
}

export interface AgentListArgs extends PageArgs {
  filter?: AgentFilterInput | null;
}

interface AgentFilter {
  role?: AgentRole;
  experience?: Experience;
  specialization?: Specialization;
  locationId?: string;
  sharedPool?: boolean;
  search?: string;
  active?: boolean;
  ghlUserId?: string;
}

/** A position in the agents' order: name, then id. */
type AgentPosition = [name: string, id: string];

interface AgentPage {
  first: number;
  after: AgentPosition | null;
  filter: AgentFilter;
}

export function parseAgentPage(tenantId: string, args: AgentListArgs): AgentPage {
  const f = args.filter ?? {};
  const filter: AgentFilter = {
    role: f.role ?? undefined,
    experience: f.experience ?? undefined,
    specialization: f.specialization ?? undefined,
    locationId: f.locationId == null ? undefined : check.uuid('filter.locationId', f.locationId),
    sharedPool: f.sharedPool ?? undefined,
    search: parseSearch(f.search, 'filter.search'),
    active: f.active ?? undefined,
    ghlUserId: f.ghlUserId == null ? undefined : parseGhlUserId(f.ghlUserId, 'filter.ghlUserId'),
  };
  if (filter.locationId !== undefined && filter.sharedPool === true) {
    throw new BadUserInputError('filter.sharedPool', 'cannot be combined with filter.locationId');
  }
  return { first: parseFirst(args.first), after: agentCursors.decode(tenantId, args.after), filter };
}

/** Visibility and filter conditions. Built fresh per query (raw fragments are single-use). */
function agentConditions(
  p: Principal,
  dialect: Dialect,
  f: AgentFilter,
  after: AgentPosition | null,
): ObjectQuery<Agent> {
  const and: FilterQuery<Agent>[] = [visibleAgents(p)];
  if (f.role) and.push({ role: f.role });
  if (f.experience) and.push({ experience: f.experience });
  if (f.locationId) and.push({ locationId: f.locationId });
  if (f.sharedPool === true) and.push({ locationId: null });
  if (f.sharedPool === false) and.push({ locationId: { $ne: null } });
  if (f.active !== undefined) and.push({ active: f.active });
  if (f.ghlUserId !== undefined) and.push({ ghlUserId: f.ghlUserId });
  if (f.search) and.push({ [containsAny(dialect, ['name', 'email'], f.search)]: [] });
  if (f.specialization) and.push({ [jsonArrayContains(dialect, 'specializations', f.specialization)]: [] });
  if (after) and.push({ $or: [{ name: { $gt: after[0] } }, { name: after[0], id: { $gt: after[1] } }] });
  return { $and: and };
}

const agentCursor =
  (tenantId: string) =>
  (agent: Agent): string =>
    agentCursors.encode(tenantId, [agent.name, agent.id]);

/**
 * The `agents` query: visible agents matching the filter, by name then id — one read-only statement for
 * the page and, unless `count: false` (the query selects no totalCount), its count (agent-page-sql.ts); no
 * entities hydrated into the request's identity map. `fields`: the Agent fields the nodes must carry (the
 * query's selection); only their columns are read, the others stay unset. Omitted: every field.
 */
export async function listAgents(
  ctx: AgentsContext,
  args: AgentListArgs,
  opts: { count?: boolean; fields?: ReadonlySet<string> } = {},
): Promise<Connection<Agent>> {
  requireRead(ctx.principal);
  const { first, after, filter } = parseAgentPage(ctx.principal.tenantId, args);
  const count = opts.count ?? true;
  const page = await selectAgentPage(ctx.em, dialectOf(ctx.em), {
    principal: ctx.principal,
    filter,
    after,
    first,
    count,
    fields: opts.fields,
  });
  const cursorOf = agentCursor(ctx.principal.tenantId);
  if (page.totalCount !== null) {
    return toCountedConnection({ rows: page.rows, first, totalCount: page.totalCount, cursorOf });
  }
  return Object.defineProperty(toConnection({ rows: page.rows, first, cursorOf }), 'totalCount', {
    enumerable: false,
    get(): never {
      throw new Error('agents: totalCount was read but not counted (the query did not select it)');
    },
  }) as Connection<Agent>;
}

/** One query for a batch of ids; null for ids that are missing, malformed or not visible. */
export async function loadAgentsByIds(ctx: AgentsContext, ids: readonly string[]): Promise<(Agent | null)[]> {
  const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  const rows = wanted.length
    ? await ctx.em.find(Agent, { $and: [visibleAgents(ctx.principal), { id: { $in: wanted } }] })
    : [];
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
}

/**
 * `Location.agents` for many locations with the same arguments: one windowed query for the rows
 * (at most `first + 1` per location) and one grouped count.
 */
export async function listAgentsOfLocations(
  ctx: AgentsContext,
  locationIds: readonly string[],
  page: AgentPage,
): Promise<Connection<Agent>[]> {
  const ids = [...new Set(locationIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const cursorOf = agentCursor(ctx.principal.tenantId);
  const empty = () => toCountedConnection<Agent>({ rows: [], first: page.first, totalCount: 0, cursorOf });
  if (ids.length === 0) return locationIds.map(() => empty());
  const em = sqlEm(ctx.em);
  const dialect = dialectOf(em);
  const where = (after: AgentPosition | null): ObjectQuery<Agent> => ({
    $and: [agentConditions(ctx.principal, dialect, page.filter, after), { locationId: { $in: ids } }],
  });

  const countRows = await em
    .createQueryBuilder(Agent, 'a')
    .select(['a.locationId', raw('count(*) as cnt')])
    .where(where(null))
    .groupBy('a.locationId')
    .execute<{ location_id: string; cnt: number | string }[]>('all', false);
  const counts = new Map(countRows.map((r) => [r.location_id, Number(r.cnt)]));

  const byLocation = new Map<string, Agent[]>();
  if (page.first > 0) {
    const inner = em
      .createQueryBuilder(Agent, 'a')
      .select(['a.*', raw('row_number() over (partition by a.location_id order by a.name, a.id) as rn')])
      .where(where(page.after))
      .getKnexQuery();
    const outer = em
      .getKnex()
      .select('*')
      .from(inner.as('t'))
      .where('t.rn', '<=', page.first + 1)
      .orderBy([{ column: 't.location_id' }, { column: 't.rn' }]);
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(outer, [], 'all', em.getTransactionContext());
    for (const { rn: _rn, ...row } of rows) {
      const agent = em.map(Agent, row);
      const list = byLocation.get(agent.locationId ?? '') ?? [];
      list.push(agent);
      byLocation.set(agent.locationId ?? '', list);
    }
  }
  return locationIds.map((locationId) => {
    const id = locationId.toLowerCase();
    return toCountedConnection({
      rows: byLocation.get(id) ?? [],
      first: page.first,
      totalCount: counts.get(id) ?? 0,
      cursorOf,
    });
  });
}
