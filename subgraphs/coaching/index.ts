/**
 * The coaching subgraph: conversation turns, hints, qualification and contact memory; the live coaching
 * path (engine → session channel → `coachingHints` subscription); read models of agents, sessions and
 * locations fed by events; GoHighLevel webhooks (`POST /webhooks/ghl`).
 *
 * `createCoachingSubgraph(opts)` takes one options object (engine, response cache, pub/sub, quota counter,
 * Redis prefix, GHL keys, …); `coachingSubgraph` is the default module (everything from `deps.config`,
 * Redis keys under `config.redisPrefix`). What is injected is never closed by the subgraph. Its
 * instance's `onServer(server)` attaches graphql-ws to the HTTP server's /graphql path.
 */
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle } from '../../core/server/subgraph-lifecycle';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { subscribeCoachingConsumers } from './consumers';
import { coachingEntities } from './entities';
import { coachingMigrations } from './migrations';
import type { CoachingOptions } from './options';
import { coachingSchemaOptions } from './resolvers';
import { createRuntime, type CoachingRuntime } from './runtime';
import { startMemorySweep } from './service/memory-retention';
import { attachSubscriptionServer } from './subscriptions/ws-server';
import { ghlWebhookRoute } from './webhooks/ghl-route';

export function createCoachingSubgraph(opts: CoachingOptions = {}): SubgraphModule<CoachingRuntime> {
  return {
    name: 'coaching',
    entities: coachingEntities,
    migrations: coachingMigrations,
    async create(deps) {
      const runtime = createRuntime(deps, opts);
      const schema = await buildFederatedSchema(coachingSchemaOptions);
      let attached = false;
      return {
        runtime,
        schema,
        routes: [ghlWebhookRoute(runtime)],
        onServer(server) {
          // Once: a second graphql-ws server on the same path would answer every upgrade twice.
          if (attached) return;
          attached = true;
          runtime.onClose(attachSubscriptionServer(server, schema, runtime));
        },
        ...lifecycle(
          [
            () => subscribeCoachingConsumers(deps, runtime),
            async () => {
              runtime.startRelay();
              runtime.startInbox();
              runtime.onClose(
                startMemorySweep(deps.orm, runtime.logger, runtime.options.memorySweepIntervalMs),
              );
              // the runtime ends the WebSocket server, inbox, runs and relay before the consumers' pool closes
              return () => runtime.close();
            },
          ],
          () => runtime.close(),
        ),
      };
    },
  };
}

export const coachingSubgraph = createCoachingSubgraph();

export type { CoachingOptions, GhlWebhookOptions } from './options';
export type { CoachingContext, CoachingRuntime } from './runtime';
export { COACHING_CONSUMER } from './consumers';
export { GHL_WEBHOOK_PATH } from './webhooks/ghl-route';
export { sessionChannel } from './service/channels';
