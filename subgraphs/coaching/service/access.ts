/**
 * Who may see which session: the session's location must be visible to the caller and an AGENT sees only
 * their own sessions. An invisible session answers exactly like a missing one (NOT_FOUND).
 */
import { withTenantScope } from '../../../core/db/request-scope';
import { NotFoundError, ReadModelBehindError, type DomainError } from '../../../core/errors';
import type { EventBus } from '../../../core/events/event-bus';
import { canSeeLocation, requireScope, type Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { SessionView } from '../entities';
import type { CoachingRuntime } from '../runtime';
import type { ServiceCtx } from './context';
import { sessionViewLoader } from './loaders';
import { sessionArrival } from './read-model-arrivals';

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

/**
 * What a session coaching does not hold (or the caller may not see) answers: NOT_FOUND while the consumer
 * that feeds the read model hears events; while it does not or did not a moment ago (Redis down, then the
 * agents subgraph's outbox backlog), the session may exist already: UPSTREAM_UNAVAILABLE, reason
 * READ_MODEL_BEHIND, with retryAfterSeconds — for an unknown, invisible or other tenant's id alike, so
 * neither answer tells whether the id exists.
 */
function sessionMissing(events: EventBus, sessionId: string): DomainError {
  const health = events.consumerHealth();
  if (health.healthy) return new NotFoundError('AgentSession', sessionId);
  return new ReadModelBehindError('coaching', health.retryAfterSeconds);
}

/**
 * The visible session or NOT_FOUND (READ_MODEL_BEHIND while its events may be delayed, sessionMissing); batched through the request's loader when there is one. A session
 * missing from the read model may have been started in the agents subgraph an instant ago: the lookup
 * waits (bounded, `rt.arrivals`) for its event before answering NOT_FOUND — an unknown id, or another
 * tenant's (the lookup is tenant-scoped), answers NOT_FOUND after the bound, exactly like a missing one.
 */
export async function requireVisibleSession(ctx: ServiceCtx, sessionId: string): Promise<SessionView> {
  let view = ctx.loaders
    ? await sessionViewLoader(ctx).load(sessionId)
    : await ctx.em.findOne(SessionView, { sessionId });
  if (!view) {
    view = await ctx.rt.arrivals.await(sessionArrival(ctx.principal.tenantId, sessionId), () =>
      ctx.em.findOne(SessionView, { sessionId }),
    );
    if (view && ctx.loaders) sessionViewLoader(ctx).clear(sessionId).prime(sessionId, view);
  }
  if (!view || !canSeeSession(ctx.principal, view)) throw sessionMissing(ctx.rt.events, sessionId);
  return view;
}

/**
 * Same check for subscriptions (no request EntityManager): each lookup runs in a short tenant scope of
 * its own, so no connection is held while waiting for a session the read model has not learned yet.
 */
export async function awaitVisibleSession(
  rt: CoachingRuntime,
  p: Principal,
  sessionId: string,
): Promise<SessionView> {
  const view = await rt.arrivals.await(sessionArrival(p.tenantId, sessionId), () =>
    withTenantScope(rt.orm, p.tenantId, (em) => em.findOne(SessionView, { sessionId })),
  );
  if (!view || !canSeeSession(p, view)) throw sessionMissing(rt.events, sessionId);
  return view;
}
