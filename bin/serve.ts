/**
 * `npm run serve -- <service>`: one service per process (distributed mode). <service> is `gateway` or a
 * subgraph name. Subgraph URLs for the gateway come from the supergraph or TENANTS_URL, AGENTS_URL, ….
 */
import 'reflect-metadata';
import { SUBGRAPH_NAMES, type SubgraphName } from '../core/config';
import { loadConfigOrExit, startFailureMessage } from './config';
import { createEventBus, rootLogger, startGatewayService, startService } from './platform';
import { abandonedByGateway } from '../gateway/drain';
import { drainService } from './run-platform';
import { CLOSE_GRACE_MS, ownShutdownSignals, reportDrain, settlesBy } from '../core/server/drain-signals';

async function main(): Promise<void> {
  const name = process.argv[2];
  const valid = ['gateway', ...SUBGRAPH_NAMES];
  if (!name || !valid.includes(name)) {
    process.stderr.write(`usage: serve <${valid.join('|')}>\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const logger = rootLogger(config);
  /** Drains by the deadline and says what was abandoned; `close` then closes what is left. */
  let drain: (deadlineAt: number) => Promise<string[]>;
  let close: () => Promise<void>;
  const events = createEventBus(config, logger);
  if (name === 'gateway') {
    const gw = await startGatewayService(config, logger, {}, undefined, events);
    drain = async (deadlineAt) => abandonedByGateway(await gw.drain(deadlineAt));
    close = async () => {
      await gw.close();
      await events.close();
    };
  } else {
    const svc = await startService(config, name as SubgraphName, { events, logger });
    drain = async (deadlineAt) => {
      const abandoned = await drainService(svc, deadlineAt);
      // deliveries under way finish against the open database
      if (!(await settlesBy(events.close(), deadlineAt))) abandoned.push('event deliveries still running');
      return abandoned;
    };
    close = () => svc.close();
  }
  // one drain on the first SIGTERM/SIGINT (exit 0 when all finished, 1 naming what was abandoned); a
  // second signal exits at once
  ownShutdownSignals({
    logger,
    hardLimitMs: config.shutdownDrainMs + CLOSE_GRACE_MS,
    async shutdown(signal) {
      const startedAt = Date.now();
      logger.info({ signal, service: name, drainMs: config.shutdownDrainMs }, 'shutting down: draining');
      const code = reportDrain(logger, await drain(startedAt + config.shutdownDrainMs), startedAt);
      await close();
      return code;
    },
  });
  logger.info({ service: name }, 'serving');
}

main().catch((err: unknown) => {
  process.stderr.write(`${startFailureMessage(err)}\n`);
  process.exit(1);
});
