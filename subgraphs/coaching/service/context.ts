/**
 * What coaching resolvers and service functions receive. HTTP operations carry the request's
 * tenant-scoped EntityManager (core's RequestContext); WebSocket subscriptions are long-lived and carry
 * no EntityManager — what they need from the database runs in a short tenant scope of its own.
 * Both carry the running subgraph's runtime (event bus, pub/sub, engine, ...) as `ctx.runtime`.
 */
import type { EntityManager } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { Principal } from '../../../core/principal';
import type { Logger } from '../../../core/logger';
import type { RequestContext } from '../../../core/request-context';
import { withTenantScope } from '../../../core/db/request-scope';
import type { CoachingRuntime } from '../runtime';

export interface SubscriptionContext {
  principal: Principal;
  requestId: string;
  logger: Logger;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  runtime: CoachingRuntime;
}

/** What coaching resolvers receive: an HTTP request's context or a WebSocket subscription's. */
export type CoachingContext = RequestContext<CoachingRuntime> | SubscriptionContext;

/** A service call's view: the caller, a tenant-scoped EntityManager and the runtime. */
export interface ServiceCtx {
  principal: Principal;
  em: EntityManager;
  rt: CoachingRuntime;
  requestId: string;
  logger: Logger;
  /** Per-request DataLoaders; absent in WebSocket scopes (their results would go stale). */
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/** Runs `fn` with a service view of the context: the request's EM, or a fresh tenant scope for WebSocket. */
export async function withService<T>(ctx: CoachingContext, fn: (svc: ServiceCtx) => Promise<T>): Promise<T> {
  const rt = ctx.runtime;
  const base = { principal: ctx.principal, rt, requestId: ctx.requestId, logger: ctx.logger };
  if ('em' in ctx) return fn({ ...base, em: ctx.em, loaders: ctx.loaders });
  return withTenantScope(rt.orm, ctx.principal.tenantId, (em) => fn({ ...base, em }));
}
