/**
 * What coaching resolvers and service functions receive. HTTP operations carry the request's
 * tenant-scoped EntityManager (core's RequestContext); WebSocket subscriptions are long-lived and carry
 * no EntityManager — what they need from the database runs in a short tenant scope of its own.
 * The subgraph's runtime (event bus, pub/sub, engine, ...) is found from the EntityManager's ORM
 * configuration, so core's context stays domain-free.
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

export type CoachingContext = RequestContext | SubscriptionContext;

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

const runtimes = new WeakMap<object, CoachingRuntime>();

/** Registers the runtime that serves requests whose EntityManager comes from this ORM configuration. */
export function registerRuntime(ormConfig: object, rt: CoachingRuntime): void {
  runtimes.set(ormConfig, rt);
}

export function unregisterRuntime(ormConfig: object): void {
  runtimes.delete(ormConfig);
}

export function runtimeOf(ctx: CoachingContext): CoachingRuntime {
  if ('runtime' in ctx) return ctx.runtime;
  const rt = runtimes.get(ctx.em.config);
  if (!rt) throw new Error('coaching runtime not initialised for this ORM');
  return rt;
}

/** Runs `fn` with a service view of the context: the request's EM, or a fresh tenant scope for WebSocket. */
export async function withService<T>(ctx: CoachingContext, fn: (svc: ServiceCtx) => Promise<T>): Promise<T> {
  const rt = runtimeOf(ctx);
  const base = { principal: ctx.principal, rt, requestId: ctx.requestId, logger: ctx.logger };
  if ('em' in ctx) return fn({ ...base, em: ctx.em, loaders: ctx.loaders });
  return withTenantScope(rt.orm, ctx.principal.tenantId, (em) => fn({ ...base, em }));
}
