/**
 * What one running analytics subgraph holds besides its schema: nothing yet — its queries and projections
 * need only the request (or the event) and a tenant-scoped EntityManager. Declared so analytics has the
 * same shape as every subgraph (core/server/subgraph-module.ts).
 */
import type { RequestContext } from '../../core/request-context';

export type AnalyticsRuntime = Readonly<Record<string, never>>;

/** What analytics resolvers receive. */
export type AnalyticsContext = RequestContext<AnalyticsRuntime>;

export function createAnalyticsRuntime(): AnalyticsRuntime {
  return {};
}
