/**
 * Everything in one process: migrate, start the five subgraphs and the gateway, seed the demo data.
 * Used by `npm start` and by the end-to-end tests (with ports 0 and a temp data dir).
 */
import type { PlatformConfig, SubgraphName } from '../core/config';
import { SUBGRAPH_NAMES } from '../core/config';
import type { Logger } from '../core/logger';
import type { EventBus } from '../core/events/event-bus';
import type { RunningGateway } from '../gateway/gateway';
import { abandonedByGateway } from '../gateway/drain';
import { describeRequest, settlesBy } from '../core/server/drain-signals';
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
  /**
   * The shutdown drain (SIGTERM/SIGINT), all by `deadlineAt` (epoch ms): the gateway stops taking work and
   * finishes what is in flight, then ends its subscriptions (SHUTTING_DOWN, 1001); every service stops
   * taking requests and finishes those in flight; the in-process event bus takes no new event (they stay
   * in the outbox for the next start) and the deliveries under way finish while every consumer still runs;
   * only then does each service stop its background work (outbox relay, inbox, consumers). Resolves with
   * what was abandoned — an abandoned delivery's outbox row stays unpublished, so the next start delivers
   * it again; `close()` then closes the databases. Each step is logged, so a hang names its step.
   */
  shutdown(deadlineAt: number): Promise<string[]>;
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
  const order = [...SUBGRAPH_NAMES].reverse();
  // once each, whether shutdown() ran before close() or not
  let gatewayClosed: Promise<void> | undefined;
  let eventsClosed: Promise<void> | undefined;
  const closeGateway = () => (gatewayClosed ??= gateway.close());
  const closeEvents = () => (eventsClosed ??= events.close());
  return {
    gateway,
    services,
    events,
    credentials,
    async shutdown(deadlineAt) {
      const abandoned = abandonedByGateway(await gateway.drain(deadlineAt));
      await closeGateway();
      logger.info('shutdown: gateway drained and closed');
      const requests = await Promise.all(order.map((name) => drainRequests(services[name], deadlineAt)));
      abandoned.push(...requests.flat());
      logger.info('shutdown: requests drained in every service');
      if (events.quiesce && !(await settlesBy(events.quiesce(), deadlineAt)))
        abandoned.push('event deliveries still running');
      logger.info('shutdown: no new events; deliveries under way finished');
      for (const name of order) {
        abandoned.push(...(await stopBackground(services[name], deadlineAt)));
        logger.info({ service: name }, 'shutdown: service drained');
      }
      if (!(await settlesBy(closeEvents(), deadlineAt))) abandoned.push('event deliveries still running');
      logger.info('shutdown: event deliveries finished');
      return abandoned;
    },
    async close() {
      // Drain in order: no new requests, no new events (the in-process bus's deliveries under way finish
      // while every consumer runs), then no background work, then the rest of the deliveries finish against
      // open databases, and only then are the databases closed (closing them first left in-process
      // deliveries waiting for a connection forever).
      await closeGateway();
      await events.quiesce?.();
      for (const name of order) await services[name].quiesce();
      await closeEvents();
      for (const name of order) await services[name].close();
    },
  };
}

/**
 * A service's shutdown drain by `deadlineAt` (epoch ms): it stops taking requests and lets those in flight
 * finish, then stops its background work (outbox relay, webhook inbox, consumers: what they hold finishes,
 * the rest stays queued durably). Resolves with what was still running at the deadline; `close()` follows.
 */
export async function drainService(service: RunningService, deadlineAt: number): Promise<string[]> {
  return [...(await drainRequests(service, deadlineAt)), ...(await stopBackground(service, deadlineAt))];
}

/** The service stops taking requests and lets those in flight finish; resolves with those still running. */
async function drainRequests(service: RunningService, deadlineAt: number): Promise<string[]> {
  const requests = await service.subgraph.drain(deadlineAt);
  return requests.map((r) => `${service.name}: ${describeRequest(r)}`);
}

/** The service's background work stops (what it holds finishes, the rest stays queued durably). */
async function stopBackground(service: RunningService, deadlineAt: number): Promise<string[]> {
  if (await settlesBy(service.instance.stop(), deadlineAt)) return [];
  return [`${service.name}: background work (outbox relay, inbox, consumers) still stopping`];
}
