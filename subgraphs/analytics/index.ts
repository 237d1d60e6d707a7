/**
 * The analytics subgraph: event projections (latency, tokens, cost, acceptance, qualification, outcomes,
 * ROI) into hour buckets, threshold alerts (announced as raised: `analytics.alert.raised` and the
 * `alertRaised` subscription over graphql-ws on /graphql), `Agent.performance` and `Organization.coachingSummary`.
 */
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle, outboxRelayStep } from '../../core/server/subgraph-lifecycle';
import { subscribeAnalyticsConsumers } from './consumers';
import { analyticsEntities } from './entities';
import { analyticsMigrations } from './migrations';
import { analyticsSchemaOptions } from './resolvers';
import { createAnalyticsRuntime, type AnalyticsRuntime } from './runtime';
import { attachGraphqlWs } from '../../core/server/subscription-server';
import type { AlertFeedContext } from './service/alert-feed';

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
      const runtime = createAnalyticsRuntime(deps);
      const schema = await buildFederatedSchema(analyticsSchemaOptions);
      const closers: (() => Promise<void>)[] = [];
      return {
        runtime,
        schema,
        routes: [],
        onServer(server) {
          if (closers.length > 0) return; // once: a second graphql-ws server would answer every upgrade twice
          closers.push(
            attachGraphqlWs<AlertFeedContext>(server, {
              schema,
              codec: runtime.codec,
              logger: runtime.logger,
              context: (principal, requestId, logger) => ({ principal, requestId, logger, runtime }),
            }),
          );
        },
        ...lifecycle(
          [() => subscribeAnalyticsConsumers(deps, runtime), outboxRelayStep(deps, opts.relayIntervalMs)],
          async () => {
            for (const close of closers.splice(0)) await close();
            await runtime.close();
          },
        ),
      };
    },
  };
}

export const analyticsSubgraph = createAnalyticsSubgraph();

export { ANALYTICS_CONSUMER } from './consumers';
export type { AnalyticsContext, AnalyticsRuntime } from './runtime';
