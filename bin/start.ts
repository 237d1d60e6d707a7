/**
 * `npm start`: the whole platform in one process on the embedded default (SQLite files under ./data,
 * in-process cache/pub-sub/events, offline coach) — or on PostgreSQL/Redis when their URLs are set.
 */
import 'reflect-metadata';
import path from 'node:path';
import { loadConfigOrExit, startFailureMessage } from './config';
import { rootLogger } from './platform';
import { runPlatform } from './run-platform';
import { credentialsFile } from './seed-demo';
import { startBanner } from './start-banner';
import { CLOSE_GRACE_MS, ownShutdownSignals, reportDrain } from '../core/server/drain-signals';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = rootLogger(config);
  const platform = await runPlatform(config, logger);
  // the keys stay in the credentials file (0600); the banner only says where it is
  const file = platform.credentials?.tenants[0] ? path.resolve(credentialsFile(config)) : null;
  const out = startBanner(platform.gateway.url, file);
  process.stdout.write(out.join('\n') + '\n\n');
  // one drain on the first SIGTERM/SIGINT (exit 0 when all finished, 1 naming what was abandoned); a
  // second signal exits at once
  ownShutdownSignals({
    logger,
    hardLimitMs: config.shutdownDrainMs + CLOSE_GRACE_MS,
    async shutdown(signal) {
      const startedAt = Date.now();
      logger.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down: draining');
      const abandoned = await platform.shutdown(startedAt + config.shutdownDrainMs);
      const code = reportDrain(logger, abandoned, startedAt);
      await platform.close();
      return code;
    },
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${startFailureMessage(err)}\n`);
  process.exit(1);
});
