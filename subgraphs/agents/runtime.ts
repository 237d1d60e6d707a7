/**
 * What one running agents subgraph holds besides its schema: the arrivals of locations its read model is
 * about to learn (the locations consumer wakes the requests waiting for them, bounded by
 * READ_MODEL_WAIT_MS), and whether the consumer feeding that read model hears events now (a location it
 * does not hold may exist already while it does not). (core/server/subgraph-module.ts: every subgraph
 * declares its runtime and context here.)
 */
import { Arrivals } from '../../core/events/arrivals';
import type { ConsumerHealth } from '../../core/events/consumer-health';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';

/** The KnownLocation read model as createAgent/updateAgent consult it. */
export interface LocationReadModel {
  /** Locations the `agents-locations` consumer is about to apply: createAgent waits for them. */
  locations: Arrivals;
  /** Whether the events feeding it arrive now and did a moment ago (EventBus.consumerHealth). */
  readModelHealth(): ConsumerHealth;
}

export type AgentsRuntime = LocationReadModel;

/** What agents resolvers receive. */
export type AgentsContext = RequestContext<AgentsRuntime>;

export function createAgentsRuntime(deps: Pick<SubgraphDeps, 'config' | 'events'>): AgentsRuntime {
  return {
    locations: new Arrivals({ timeoutMs: deps.config.readModelWaitMs }),
    readModelHealth: () => deps.events.consumerHealth(),
  };
}
