/**
 * Reading agent sessions: filter parsing, the keyset-paginated list (newest first) and the batched
 * by-id load (federation references).
 */
import { QueryOrder, type FilterQuery, type ObjectQuery } from '@mikro-orm/core';
import type { Principal } from '../../../core/principal';
import { AgentSession } from '../entities/agent-session';
import { requireRead, visibleSessions } from './access';
import type { AgentsContext } from './context';
import { sessionCursors } from './cursor';
import { toCountedConnection, type Connection, type PageArgs } from './pagination';
import { isUuid, parseContactId, parseFirst } from './validation';
import * as check from '../../../core/validation';
import { type ConversationStage } from '../../../core/vocabulary';

export interface SessionFilterInput {
  agentId?: string | null;
  contactId?: string | null;
  stage?: ConversationStage | null;
  active?: boolean | null;
}

export interface SessionListArgs extends PageArgs {
  filter?: SessionFilterInput | null;
}

interface SessionFilter {
  agentId?: string;
  contactId?: string;
  stage?: ConversationStage;
  active?: boolean;
}

function parseSessionFilter(f: SessionFilterInput): SessionFilter {
  return {
    agentId: f.agentId == null ? undefined : check.uuid('filter.agentId', f.agentId),
    contactId: f.contactId == null ? undefined : parseContactId(f.contactId, 'filter.contactId'),
    stage: f.stage ?? undefined,
    active: f.active ?? undefined,
  };
}

/** A position in the sessions' order: start time, then id. */
type SessionPosition = [startedAt: Date, id: string];

function sessionConditions(
  p: Principal,
  f: SessionFilter,
  after: SessionPosition | null,
): ObjectQuery<AgentSession> {
  const and: FilterQuery<AgentSession>[] = [visibleSessions(p)];
  if (f.agentId) and.push({ agentId: f.agentId });
  if (f.contactId) and.push({ contactId: f.contactId });
  if (f.stage) and.push({ stage: f.stage });
  if (f.active === true) and.push({ endedAt: null });
  if (f.active === false) and.push({ endedAt: { $ne: null } });
  if (after) {
    const [at, id] = after;
    and.push({ $or: [{ startedAt: { $lt: at } }, { startedAt: at, id: { $lt: id } }] });
  }
  return { $and: and };
}

/** The `agentSessions` query: visible sessions matching the filter, newest first. */
export async function listSessions(
  ctx: AgentsContext,
  args: SessionListArgs,
): Promise<Connection<AgentSession>> {
  requireRead(ctx.principal);
  const first = parseFirst(args.first);
  const tenantId = ctx.principal.tenantId;
  const after = sessionCursors.decode(tenantId, args.after);
  const filter = parseSessionFilter(args.filter ?? {});
  const totalCount = await ctx.em.count(AgentSession, sessionConditions(ctx.principal, filter, null));
  const rows =
    first === 0
      ? []
      : await ctx.em.find(AgentSession, sessionConditions(ctx.principal, filter, after), {
          orderBy: { startedAt: QueryOrder.DESC, id: QueryOrder.DESC },
          limit: first + 1,
        });
  return toCountedConnection({
    rows,
    first,
    totalCount,
    cursorOf: (s) => sessionCursors.encode(tenantId, [s.startedAt, s.id]),
  });
}

/** One query for a batch of ids; null for ids that are missing, malformed or not visible. */
export async function loadSessionsByIds(
  ctx: AgentsContext,
  ids: readonly string[],
): Promise<(AgentSession | null)[]> {
  const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  const rows = wanted.length
    ? await ctx.em.find(AgentSession, { $and: [visibleSessions(ctx.principal), { id: { $in: wanted } }] })
    : [];
  const byId = new Map(rows.map((s) => [s.id, s]));
  return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
}
