/**
 * The agents subgraph: agent profiles (role, experience, specializations, shared pool, GoHighLevel
 * user) and agent sessions, plus `Location.agents`. Its events are staged in the transactional outbox
 * and published by its relay; its consumers (consumers/) open the sessions requested from GoHighLevel
 * messages and keep the read model of the tenants' locations an agent may be put at.
 */
import { outboxEntities } from '../../core/outbox';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle, outboxRelayStep } from '../../core/server/subgraph-lifecycle';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { subscribeAgentsConsumers } from './consumers';
import { Agent, AgentSession, KnownLocation } from './entities';
import { agentsMigrations } from './migrations';
import { agentsSchemaOptions } from './resolvers';
import { createAgentsRuntime, type AgentsRuntime } from './runtime';

export function createAgentsSubgraph(): SubgraphModule<AgentsRuntime> {
  return {
    name: 'agents',
    entities: [Agent, AgentSession, KnownLocation, ...outboxEntities],
    migrations: agentsMigrations,
    async create(deps) {
      const runtime = createAgentsRuntime(deps);
      return {
        runtime,
        schema: await buildFederatedSchema(agentsSchemaOptions),
        routes: [],
        ...lifecycle([() => subscribeAgentsConsumers(deps, runtime), outboxRelayStep(deps)]),
      };
    },
  };
}

export const agentsSubgraph = createAgentsSubgraph();

export { Agent, AgentSession, Location } from './entities';
export { AGENTS_CONSUMER, AGENTS_LOCATIONS_CONSUMER } from './consumers';
export type { AgentsContext, AgentsRuntime } from './runtime';
export { seedAgents, type SeedAgentsInput } from './seed';
