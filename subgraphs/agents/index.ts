/**
 * The agents subgraph: agent profiles (role, experience, specializations, shared pool, GoHighLevel
 * user) and agent sessions, plus `Location.agents`. Its events are staged in the transactional outbox
 * and published by the relay `start` runs; `start` also subscribes the `agents` consumer group
 * (sessions opened from GoHighLevel messages) and the `agents-locations` group (the read model of the
 * tenants' locations an agent may be put at).
 */
import type { Orm } from '../../core/db/orm';
import { openWorkerOrm } from '../../core/db/worker-orm';
import { Arrivals } from '../../core/events/arrivals';
import { outboxEntities, startOutboxRelay } from '../../core/outbox';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import type { SubgraphDeps, SubgraphModule } from '../../core/server/subgraph-module';
import { subscribeAgentsConsumers } from './consumers';
import { Agent, AgentSession, KnownLocation } from './entities';
import { subscribeLocationConsumer } from './location-consumer';
import { agentsMigrations } from './migrations';
import { createResolvers, referenceResolvers } from './resolvers';

export function createAgentsSubgraph(): SubgraphModule {
  // one per running subgraph (its ORM): the location consumer wakes the requests its schema serves
  const arrivals = new WeakMap<Orm, Arrivals>();
  const arrivalsFor = (deps: SubgraphDeps): Arrivals => {
    let a = arrivals.get(deps.orm);
    if (!a) {
      a = new Arrivals({ timeoutMs: deps.config.readModelWaitMs });
      arrivals.set(deps.orm, a);
    }
    return a;
  };
  return {
    name: 'agents',
    entities: [Agent, AgentSession, KnownLocation, ...outboxEntities],
    migrations: agentsMigrations,
    async buildSchema(deps) {
      return buildFederatedSchema({ resolvers: createResolvers(arrivalsFor(deps)), referenceResolvers });
    },
    async start(deps) {
      await subscribeAgentsConsumers({ orm: deps.orm, events: deps.events, logger: deps.logger });
      // requests waiting for a location hold their connection (PostgreSQL): the consumer has its own pool
      const worker = await openWorkerOrm(deps.orm);
      await subscribeLocationConsumer({
        orm: worker.orm,
        events: deps.events,
        logger: deps.logger,
        arrivals: arrivalsFor(deps),
      });
      const relay = startOutboxRelay({ orm: deps.orm, bus: deps.events, logger: deps.logger });
      return async () => {
        await relay.stop();
        await worker.close();
      };
    },
  };
}

export const agentsSubgraph = createAgentsSubgraph();

export { Agent, AgentSession, Location } from './entities';
export { AGENTS_CONSUMER } from './consumers';
export { AGENTS_LOCATIONS_CONSUMER } from './location-consumer';
export { seedAgents, type SeedAgentsInput } from './seed';
