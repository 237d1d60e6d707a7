/**
 * The agents subgraph: agent profiles (role, experience, specializations, shared pool, GoHighLevel
 * user) and agent sessions, plus `Location.agents`. Its events are staged in the transactional outbox
 * and published by the relay `start` runs; `start` also subscribes the `agents` consumer group
 * (sessions opened from GoHighLevel messages).
 */
import { outboxEntities, startOutboxRelay } from '../../core/outbox';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { subscribeAgentsConsumers } from './consumers';
import { Agent, AgentSession } from './entities';
import { agentsMigrations } from './migrations';
import { createResolvers, referenceResolvers } from './resolvers';

export const agentsSubgraph: SubgraphModule = {
  name: 'agents',
  entities: [Agent, AgentSession, ...outboxEntities],
  migrations: agentsMigrations,
  async buildSchema() {
    return buildFederatedSchema({ resolvers: createResolvers(), referenceResolvers });
  },
  async start(deps) {
    await subscribeAgentsConsumers({ orm: deps.orm, events: deps.events, logger: deps.logger });
    const relay = startOutboxRelay({ orm: deps.orm, bus: deps.events, logger: deps.logger });
    return () => relay.stop();
  },
};

export { Agent, AgentSession, Location } from './entities';
export { AGENTS_CONSUMER } from './consumers';
export { seedAgents, type SeedAgentsInput } from './seed';
