/** Reads: a session's turns, hints and qualification; a hint by id; an agent's coaching history. */
import { NotFoundError } from '../../../core/errors';
import { emptyConnection, toConnection, type Connection } from '../../../core/pagination/connection';
import { cursorCodec } from '../../../core/pagination/cursor';
import { loaderFor, type RequestContext } from '../../../core/request-context';
import { MemberRole } from '../../../core/vocabulary';
import { CoachingHint, ConversationTurn, Qualification, SessionView } from '../entities';
import { canSeeSession, requireRead, requireVisibleSession } from './access';
import type { ServiceCtx } from './context';
import {
  hintLoader,
  qualificationLoader,
  recentTurnsLoader,
  sessionHintsLoader,
  sessionViewLoader,
} from './loaders';
import * as check from '../../../core/validation';
import { batchHistoryRows } from './history-batch';

export const MAX_PAGE = 100;
export const MAX_TURNS = 200;

export async function sessionTurns(
  ctx: ServiceCtx,
  sessionId: string,
  last: number,
): Promise<ConversationTurn[]> {
  requireRead(ctx.principal);
  const n = check.intInRange('last', last, 1, MAX_TURNS);
  await requireVisibleSession(ctx, check.externalId('id', sessionId));
  if (ctx.loaders) return recentTurnsLoader(ctx, n).load(sessionId);
  const rows = await ctx.em.find(
    ConversationTurn,
    { sessionId },
    { orderBy: { at: 'desc', id: 'desc' }, limit: n },
  );
  return rows.reverse();
}

export async function sessionHints(
  ctx: ServiceCtx,
  sessionId: string,
  first: number,
): Promise<CoachingHint[]> {
  requireRead(ctx.principal);
  const n = check.intInRange('first', first, 1, MAX_PAGE);
  await requireVisibleSession(ctx, check.externalId('id', sessionId));
  if (ctx.loaders) return sessionHintsLoader(ctx, n).load(sessionId);
  return ctx.em.find(CoachingHint, { sessionId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: n });
}

export async function sessionQualification(
  ctx: ServiceCtx,
  sessionId: string,
): Promise<Qualification | null> {
  requireRead(ctx.principal);
  await requireVisibleSession(ctx, check.externalId('id', sessionId));
  if (ctx.loaders) return qualificationLoader(ctx).load(sessionId);
  return ctx.em.findOne(Qualification, { sessionId });
}

/** The hint when the caller may see its session; null otherwise (a missing hint and an invisible one look alike). */
export async function findHint(ctx: ServiceCtx, id: string): Promise<CoachingHint | null> {
  requireRead(ctx.principal);
  const hintId = check.externalId('id', id);
  const hint = ctx.loaders
    ? await hintLoader(ctx).load(hintId)
    : await ctx.em.findOne(CoachingHint, { id: hintId });
  if (!hint) return null;
  const session = ctx.loaders
    ? await sessionViewLoader(ctx).load(hint.sessionId)
    : await ctx.em.findOne(SessionView, { sessionId: hint.sessionId });
  return session && canSeeSession(ctx.principal, session) ? hint : null;
}

export async function requireHint(ctx: ServiceCtx, id: string): Promise<CoachingHint> {
  const hint = await findHint(ctx, id);
  if (!hint) throw new NotFoundError('CoachingHint', id);
  return hint;
}

export type HintPage = Connection<CoachingHint>;

/** `Agent.coachingHistory`: newest first, by creation time, then id. */
const historyCursors = cursorCodec('coachingHistory', ['timestamp', 'string']);

/** Hints of an agent, newest first, restricted to what the caller may see. */
export async function agentCoachingHistory(
  ctx: ServiceCtx,
  agentId: string,
  first: number,
  after: string | null,
): Promise<HintPage> {
  requireRead(ctx.principal);
  const id = check.externalId('id', agentId);
  const n = check.intInRange('first', first, 1, MAX_PAGE);
  const p = ctx.principal;
  const position = historyCursors.decode(p.tenantId, after);
  const cursor = position && { createdAt: position[0], id: position[1] };
  if (p.role === MemberRole.AGENT && p.agentId !== id) return emptyConnection();
  // one statement for every agent of the request (Agent.coachingHistory on a list of agents)
  const batch = async (keys: readonly string[]) => {
    const byAgent = await batchHistoryRows(ctx.em, p, keys, n, cursor);
    return keys.map((k) => byAgent.get(k) ?? []);
  };
  const rows = ctx.loaders
    ? await loaderFor<string, CoachingHint[]>(
        requestCtx(ctx),
        `coaching:history:${n}:${after ?? ''}`,
        batch,
      ).load(id)
    : (await batch([id]))[0]!;
  return toConnection({
    rows,
    first: n,
    cursorOf: (h) => historyCursors.encode(p.tenantId, [h.createdAt, h.id]),
  });
}

function requestCtx(ctx: ServiceCtx): RequestContext {
  return {
    principal: ctx.principal,
    em: ctx.em,
    requestId: ctx.requestId,
    logger: ctx.logger,
    loaders: ctx.loaders ?? new Map(),
    runtime: ctx.rt,
  };
}
