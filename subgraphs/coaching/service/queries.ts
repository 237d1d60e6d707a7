/** Reads: a session's turns, hints and qualification; a hint by id; an agent's coaching history. */
import { BadUserInputError, NotFoundError } from '../../../core/errors';
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
import { validateCount, validateId } from './validation';
import { batchHistoryRows } from './history-batch';

export const MAX_PAGE = 100;
export const MAX_TURNS = 200;

export async function sessionTurns(
  ctx: ServiceCtx,
  sessionId: string,
  last: number,
): Promise<ConversationTurn[]> {
  requireRead(ctx.principal);
  const n = validateCount('last', last, 1, MAX_TURNS);
  await requireVisibleSession(ctx, validateId('id', sessionId));
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
  const n = validateCount('first', first, 1, MAX_PAGE);
  await requireVisibleSession(ctx, validateId('id', sessionId));
  if (ctx.loaders) return sessionHintsLoader(ctx, n).load(sessionId);
  return ctx.em.find(CoachingHint, { sessionId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: n });
}

export async function sessionQualification(
  ctx: ServiceCtx,
  sessionId: string,
): Promise<Qualification | null> {
  requireRead(ctx.principal);
  await requireVisibleSession(ctx, validateId('id', sessionId));
  if (ctx.loaders) return qualificationLoader(ctx).load(sessionId);
  return ctx.em.findOne(Qualification, { sessionId });
}

/** The hint when the caller may see its session; null otherwise (a missing hint and an invisible one look alike). */
export async function findHint(ctx: ServiceCtx, id: string): Promise<CoachingHint | null> {
  requireRead(ctx.principal);
  const hintId = validateId('id', id);
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

export interface HintPage {
  edges: { cursor: string; node: CoachingHint }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function encodeCursor(h: Pick<CoachingHint, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([h.createdAt.toISOString(), h.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const raw: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(raw) && raw.length === 2 && typeof raw[0] === 'string' && typeof raw[1] === 'string') {
      const createdAt = new Date(raw[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: raw[1] };
    }
  } catch {
    // fall through
  }
  throw new BadUserInputError('after', 'is not a cursor returned by this field');
}

/** Hints of an agent, newest first, restricted to what the caller may see. */
export async function agentCoachingHistory(
  ctx: ServiceCtx,
  agentId: string,
  first: number,
  after: string | null,
): Promise<HintPage> {
  requireRead(ctx.principal);
  const id = validateId('id', agentId);
  const n = validateCount('first', first, 1, MAX_PAGE);
  const cursor = after ? decodeCursor(after) : null;
  const p = ctx.principal;
  if (p.role === MemberRole.AGENT && p.agentId !== id)
    return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
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
  const page = rows.slice(0, n);
  const last = page[page.length - 1];
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
    pageInfo: { hasNextPage: rows.length > n, endCursor: last ? encodeCursor(last) : null },
  };
}

function requestCtx(ctx: ServiceCtx): RequestContext {
  return {
    principal: ctx.principal,
    em: ctx.em,
    requestId: ctx.requestId,
    logger: ctx.logger,
    loaders: ctx.loaders ?? new Map(),
  };
}
