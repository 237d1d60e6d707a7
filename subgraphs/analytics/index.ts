/**
 * The analytics subgraph: event projections (latency, tokens, cost, acceptance, qualification, outcomes,
 * ROI) into hour buckets, threshold alerts, `Agent.performance` and `Organization.coachingSummary`.
 */
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle, outboxRelayStep } from '../../core/server/subgraph-lifecycle';
import { subscribeAnalyticsConsumers } from './consumers';
import { analyticsEntities } from './entities';
import { analyticsMigrations } from './migrations';
import { analyticsSchemaOptions } from './resolvers';
import { createAnalyticsRuntime, type AnalyticsRuntime } from './runtime';

export interface AnalyticsSubgraphOptions {
  /** Outbox relay poll interval (alerts). Default 500 ms. */
  relayIntervalMs?: number;
}

export function createAnalyticsSubgraph(
  opts: AnalyticsSubgraphOptions = {},
): SubgraphModule<AnalyticsRuntime> {
  return {
    name: 'analytics',
    entities: analyticsEntities,
    migrations: analyticsMigrations,
    async create(deps) {
      const runtime = createAnalyticsRuntime();
      return {
        runtime,
        schema: await buildFederatedSchema(analyticsSchemaOptions),
        routes: [],
        ...lifecycle([
          () => subscribeAnalyticsConsumers(deps, runtime),
          outboxRelayStep(deps, opts.relayIntervalMs),
        ]),
      };
    },
  };
}

export const analyticsSubgraph = createAnalyticsSubgraph();

export { ANALYTICS_CONSUMER } from './consumers';
export type { AnalyticsContext, AnalyticsRuntime } from './runtime';
