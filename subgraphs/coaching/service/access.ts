/**
 * Who may see which session: the session's location must be visible to the caller and an AGENT sees only
 * their own sessions. An invisible session answers exactly like a missing one (NOT_FOUND).
 */
import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../../../core/errors';
import { canSeeLocation, requireScope, type Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { SessionView } from '../entities';
import type { ServiceCtx } from './context';
import { sessionViewLoader } from './loaders';

export function requireRead(p: Principal): void {
  requireScope(p, 'coaching:read');
}

export function requireWrite(p: Principal): void {
  requireScope(p, 'coaching:write');
}

export function canSeeSession(
  p: Principal,
  view: Pick<SessionView, 'tenantId' | 'agentId' | 'locationId'>,
): boolean {
  if (view.tenantId !== p.tenantId) return false;
  if (!canSeeLocation(p, view.locationId)) return false;
  if (p.role === MemberRole.AGENT) return p.agentId !== undefined && p.agentId === view.agentId;
  return true;
}

/** The visible session or NOT_FOUND; batched through the request's loader when there is one. */
export async function requireVisibleSession(ctx: ServiceCtx, sessionId: string): Promise<SessionView> {
  const view = ctx.loaders
    ? await sessionViewLoader(ctx).load(sessionId)
    : await ctx.em.findOne(SessionView, { sessionId });
  if (!view || !canSeeSession(ctx.principal, view)) throw new NotFoundError('AgentSession', sessionId);
  return view;
}

/** Same check with a bare EntityManager (subscriptions, before the stream starts). */
export async function findVisibleSession(
  em: EntityManager,
  p: Principal,
  sessionId: string,
): Promise<SessionView> {
  const view = await em.findOne(SessionView, { sessionId });
  if (!view || !canSeeSession(p, view)) throw new NotFoundError('AgentSession', sessionId);
  return view;
}
