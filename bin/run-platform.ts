/**
 * Everything in one process: migrate, start the five subgraphs and the gateway, seed the demo data.
 * Used by `npm start` and by the end-to-end tests (with ports 0 and a temp data dir).
 */
import type { PlatformConfig, SubgraphName } from '../core/config';
import { SUBGRAPH_NAMES } from '../core/config';
import type { Logger } from '../core/logger';
import type { EventBus } from '../core/events/event-bus';
import type { RunningGateway } from '../gateway/gateway';
import {
  createEventBus,
  migrateAll,
  startGatewayService,
  startService,
  type RunningService,
} from './platform';
import { seedDemo, type DemoCredentials } from './seed-demo';

export interface RunningPlatform {
  gateway: RunningGateway;
  services: Record<SubgraphName, RunningService>;
  events: EventBus;
  credentials: DemoCredentials | null;
  close(): Promise<void>;
}

export interface RunPlatformOptions {
  /** Supergraph SDL to use instead of the committed file (tests compose it from code). */
  supergraph?: string;
}

export async function runPlatform(
  config: PlatformConfig,
  logger: Logger,
  opts: RunPlatformOptions = {},
): Promise<RunningPlatform> {
  await migrateAll(config);
  const events = createEventBus(config, logger);
  const services = {} as Record<SubgraphName, RunningService>;
  try {
    for (const name of SUBGRAPH_NAMES) services[name] = await startService(config, name, { events, logger });
  } catch (err) {
    for (const s of Object.values(services)) await s.close();
    await events.close();
    throw err;
  }
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, services[n].subgraph.url])) as Record<
    SubgraphName,
    string
  >;
  const gateway = await startGatewayService(config, logger, urls, opts.supergraph, events);
  const credentials = config.seedDemo
    ? await seedDemo(
        config,
        {
          tenants: services.tenants.orm,
          agents: services.agents.orm,
          billing: services.billing.orm,
          coaching: services.coaching.orm,
        },
        events,
        gateway.url,
      )
    : null;
  return {
    gateway,
    services,
    events,
    credentials,
    async close() {
      // Drain in order: no new requests, then no new work, then the event deliveries already under way
      // finish against open databases, and only then are the databases closed (closing them first left
      // in-process deliveries waiting for a connection forever).
      await gateway.close();
      const order = [...SUBGRAPH_NAMES].reverse();
      for (const name of order) await services[name].quiesce();
      await events.close();
      for (const name of order) await services[name].close();
    },
  };
}
