/**
 * `npm run serve -- <service>`: one service per process (distributed mode). <service> is `gateway` or a
 * subgraph name. Subgraph URLs for the gateway come from the supergraph or TENANTS_URL, AGENTS_URL, ….
 */
import 'reflect-metadata';
import { SUBGRAPH_NAMES, type SubgraphName } from '../core/config';
import { loadConfigOrExit } from './config';
import { createEventBus, rootLogger, startGatewayService, startService } from './platform';

async function main(): Promise<void> {
  const name = process.argv[2];
  const valid = ['gateway', ...SUBGRAPH_NAMES];
  if (!name || !valid.includes(name)) {
    process.stderr.write(`usage: serve <${valid.join('|')}>\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const logger = rootLogger(config);
  let close: () => Promise<void>;
  if (name === 'gateway') {
    const events = createEventBus(config, logger);
    const gw = await startGatewayService(config, logger, {}, undefined, events);
    close = async () => {
      await gw.close();
      await events.close();
    };
  } else {
    const events = createEventBus(config, logger);
    const svc = await startService(config, name as SubgraphName, { events, logger });
    close = async () => {
      await svc.quiesce(); // deliveries under way finish against the open database
      await events.close();
      await svc.close();
    };
  }
  const stop = () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
