/**
 * What one running agents subgraph holds besides its schema: the arrivals of locations its read model is
 * about to learn (the locations consumer wakes the requests waiting for them, bounded by
 * READ_MODEL_WAIT_MS). (core/server/subgraph-module.ts: every subgraph declares its runtime and context here.)
 */
import { Arrivals } from '../../core/events/arrivals';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';

export interface AgentsRuntime {
  /** Locations the `agents-locations` consumer is about to apply: createAgent waits for them. */
  locations: Arrivals;
}

/** What agents resolvers receive. */
export type AgentsContext = RequestContext<AgentsRuntime>;

export function createAgentsRuntime(deps: Pick<SubgraphDeps, 'config'>): AgentsRuntime {
  return { locations: new Arrivals({ timeoutMs: deps.config.readModelWaitMs }) };
}
