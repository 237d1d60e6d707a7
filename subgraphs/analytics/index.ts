/**
 * The analytics subgraph: event projections (latency, tokens, cost, acceptance, qualification, outcomes,
 * ROI) into hour buckets, threshold alerts, `Agent.performance` and `Organization.coachingSummary`.
 */
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { startOutboxRelay } from '../../core/outbox';
import { analyticsEntities } from './entities';
import { analyticsMigrations } from './migrations';
import { subscribeAnalyticsConsumers } from './projections';
import { analyticsResolvers } from './resolvers/analytics-resolvers';
import { Agent, Organization } from './resolvers/types';

export interface AnalyticsSubgraphOptions {
  /** Outbox relay poll interval (alerts). Default 500 ms. */
  relayIntervalMs?: number;
}

export function createAnalyticsSubgraph(opts: AnalyticsSubgraphOptions = {}): SubgraphModule {
  return {
    name: 'analytics',
    entities: analyticsEntities,
    migrations: analyticsMigrations,
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: analyticsResolvers,
        orphanedTypes: [Agent, Organization],
        referenceResolvers: {
          Agent: { __resolveReference: (ref: Agent) => ({ id: ref.id }) },
          Organization: { __resolveReference: (ref: Organization) => ({ id: ref.id }) },
        },
      }),
    async start(deps) {
      await subscribeAnalyticsConsumers(deps.orm, deps.events);
      const relay = startOutboxRelay({
        orm: deps.orm,
        bus: deps.events,
        intervalMs: opts.relayIntervalMs,
        logger: deps.logger,
      });
      return () => relay.stop();
    },
  };
}

export const analyticsSubgraph = createAnalyticsSubgraph();
