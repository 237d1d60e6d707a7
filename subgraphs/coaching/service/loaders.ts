/**
 * One DataLoader per entity (and per list shape) per request, through core's `loaderFor`.
 * WebSocket scopes have no loaders: they query directly (a cached result would go stale on a stream).
 */
import type DataLoader from 'dataloader';
import { byKeys, loaderFor, type RequestContext } from '../../../core/request-context';
import { CoachingHint, ConversationTurn, Qualification, SessionView } from '../entities';
import type { ServiceCtx } from './context';

function requestCtx(ctx: ServiceCtx): RequestContext {
  if (!ctx.loaders) throw new Error('loaders are only available in HTTP requests');
  return {
    principal: ctx.principal,
    em: ctx.em,
    requestId: ctx.requestId,
    logger: ctx.logger,
    loaders: ctx.loaders,
    runtime: ctx.rt,
  };
}

export function sessionViewLoader(ctx: ServiceCtx): DataLoader<string, SessionView | null> {
  return loaderFor<string, SessionView | null>(requestCtx(ctx), 'coaching:SessionView', async (ids) =>
    byKeys(ids, await ctx.em.find(SessionView, { sessionId: { $in: [...ids] } }), (s) => s.sessionId),
  );
}

export function hintLoader(ctx: ServiceCtx): DataLoader<string, CoachingHint | null> {
  return loaderFor<string, CoachingHint | null>(requestCtx(ctx), 'coaching:CoachingHint', async (ids) =>
    byKeys(ids, await ctx.em.find(CoachingHint, { id: { $in: [...ids] } }), (h) => h.id),
  );
}

export function qualificationLoader(ctx: ServiceCtx): DataLoader<string, Qualification | null> {
  return loaderFor<string, Qualification | null>(requestCtx(ctx), 'coaching:Qualification', async (ids) =>
    byKeys(ids, await ctx.em.find(Qualification, { sessionId: { $in: [...ids] } }), (q) => q.sessionId),
  );
}

/** Groups rows by session, keeping the query's order. */
function groupBySession<T extends { sessionId: string }>(
  ids: readonly string[],
  rows: T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) out.get(row.sessionId)?.push(row);
  return out;
}

/**
 * The last `last` turns of each session, oldest first. One query for the whole batch (a single session
 * uses LIMIT; several sessions read their turns and keep the tail of each).
 */
export function recentTurnsLoader(ctx: ServiceCtx, last: number): DataLoader<string, ConversationTurn[]> {
  return loaderFor<string, ConversationTurn[]>(requestCtx(ctx), `coaching:turns:${last}`, async (ids) => {
    const rows = await ctx.em.find(
      ConversationTurn,
      { sessionId: { $in: [...ids] } },
      { orderBy: { at: 'desc', id: 'desc' }, ...(ids.length === 1 ? { limit: last } : {}) },
    );
    const grouped = groupBySession(ids, rows);
    return ids.map((id) => (grouped.get(id) ?? []).slice(0, last).reverse());
  });
}

/** The newest `first` hints of each session, newest first. */
export function sessionHintsLoader(ctx: ServiceCtx, first: number): DataLoader<string, CoachingHint[]> {
  return loaderFor<string, CoachingHint[]>(requestCtx(ctx), `coaching:sessionHints:${first}`, async (ids) => {
    const rows = await ctx.em.find(
      CoachingHint,
      { sessionId: { $in: [...ids] } },
      { orderBy: { createdAt: 'desc', id: 'desc' }, ...(ids.length === 1 ? { limit: first } : {}) },
    );
    const grouped = groupBySession(ids, rows);
    return ids.map((id) => (grouped.get(id) ?? []).slice(0, first));
  });
}
