/**
 * The coaching subgraph: conversation turns, hints, qualification and contact memory; the live coaching
 * path (engine → session channel → `coachingHints` subscription); read models of agents, sessions and
 * locations fed by events; GoHighLevel webhooks (`POST /webhooks/ghl`).
 *
 * `createCoachingSubgraph(opts)` takes one options object (engine, response cache, pub/sub, quota gate,
 * Redis prefix, GHL keys, …); `coachingSubgraph` is the default module (everything from `deps.config`,
 * Redis keys under `config.redisPrefix`). What is injected is never closed by the subgraph. Besides the SubgraphModule hooks it
 * has `onServer(server, deps)`, which attaches graphql-ws to the HTTP server's /graphql path — call it
 * from `startSubgraphServer({ onServer })`.
 */
import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { Orm } from '../../core/db/orm';
import { openWorkerOrm } from '../../core/db/worker-orm';
import type { SubgraphDeps, SubgraphModule } from '../../core/server/subgraph-module';
import { coachingEntities } from './entities';
import { coachingMigrations } from './migrations';
import type { CoachingOptions } from './options';
import { AgentFieldsResolver, AgentSessionFieldsResolver } from './resolvers/session.resolver';
import { CoachingResolver } from './resolvers/coaching.resolver';
import { CoachingSubscriptionResolver } from './resolvers/subscription.resolver';
import { GhlResolver } from './resolvers/ghl.resolver';
import { AgentRef } from './resolvers/types';
import { referenceResolvers } from './resolvers/reference-resolvers';
import { buildCoachingSchema } from './schema';
import { createRuntime, type CoachingRuntime } from './runtime';
import { READ_MODEL_EVENTS, readModelConsumer, COACHING_CONSUMER } from './service/read-models';
import { notifyingArrivals } from './service/read-model-arrivals';
import { attachSubscriptionServer } from './subscriptions/ws-server';
import { ghlWebhookRoute } from './webhooks/ghl-route';

export interface CoachingSubgraphModule extends SubgraphModule {
  /** The running subgraph's runtime for these deps (created on first use). */
  runtime(deps: SubgraphDeps): CoachingRuntime;
  /** Attaches the graphql-ws server to the subgraph's HTTP server (path /graphql). */
  onServer(server: http.Server, deps: SubgraphDeps): void;
}

export function createCoachingSubgraph(opts: CoachingOptions = {}): CoachingSubgraphModule {
  const runtimes = new WeakMap<Orm, CoachingRuntime>();
  const schemas = new WeakMap<Orm, GraphQLSchema>();
  const attached = new WeakSet<http.Server>();
  const runtime = (deps: SubgraphDeps): CoachingRuntime => {
    let rt = runtimes.get(deps.orm);
    if (!rt) {
      rt = createRuntime(deps, opts);
      runtimes.set(deps.orm, rt);
    }
    return rt;
  };
  const schemaFor = async (deps: SubgraphDeps): Promise<GraphQLSchema> => {
    let schema = schemas.get(deps.orm);
    if (!schema) {
      runtime(deps);
      schema = await buildCoachingSchema({
        resolvers: [
          CoachingResolver,
          AgentSessionFieldsResolver,
          AgentFieldsResolver,
          CoachingSubscriptionResolver,
          GhlResolver,
        ],
        referenceResolvers,
        // `Agent` is reachable from no root field; the gateway reaches it through `_entities`
        orphanedTypes: [AgentRef],
      });
      schemas.set(deps.orm, schema);
    }
    return schema;
  };

  return {
    name: 'coaching',
    entities: coachingEntities,
    migrations: coachingMigrations,
    runtime,
    buildSchema: schemaFor,
    routes: (deps) => [ghlWebhookRoute(runtime(deps))],
    onServer(server, deps) {
      // Idempotent: a second graphql-ws server on the same path would answer every upgrade twice.
      if (attached.has(server)) return;
      attached.add(server);
      const rt = runtime(deps);
      const schema = schemas.get(deps.orm);
      if (!schema) throw new Error('coaching: buildSchema(deps) must run before onServer');
      rt.onClose(attachSubscriptionServer(server, schema, rt));
    },
    async start(deps) {
      const rt = runtime(deps);
      const onInvalid = (event: { id: string; type: string }, err: unknown) =>
        rt.logger.warn({ err, eventId: event.id, type: event.type }, 'malformed event skipped');
      // The read models are applied through a pool of their own: requests waiting for a session or
      // agent the consumer is about to apply must never hold every connection it needs.
      const worker = await openWorkerOrm(deps.orm);
      await deps.events.subscribe(
        COACHING_CONSUMER,
        READ_MODEL_EVENTS,
        notifyingArrivals(rt.arrivals, readModelConsumer(worker.orm, onInvalid)),
      );
      rt.startRelay();
      rt.startInbox();
      return async () => {
        await rt.close();
        await worker.close();
        runtimes.delete(deps.orm);
        schemas.delete(deps.orm);
      };
    },
  };
}

export const coachingSubgraph = createCoachingSubgraph();

export type { CoachingOptions, GhlWebhookOptions } from './options';
export type { CoachingRuntime } from './runtime';
export { GHL_WEBHOOK_PATH } from './webhooks/ghl-route';
export { sessionChannel } from './service/channels';
