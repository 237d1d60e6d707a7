/**
 * `npm start`: the whole platform in one process on the embedded default (SQLite files under ./data,
 * in-process cache/pub-sub/events, offline coach) — or on PostgreSQL/Redis when their URLs are set.
 */
import 'reflect-metadata';
import path from 'node:path';
import { loadConfigOrExit } from './config';
import { rootLogger } from './platform';
import { runPlatform } from './run-platform';
import { credentialsFile } from './seed-demo';
import { startBanner } from './start-banner';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = rootLogger(config);
  const platform = await runPlatform(config, logger);
  // the keys stay in the credentials file (0600); the banner only says where it is
  const file = platform.credentials?.tenants[0] ? path.resolve(credentialsFile(config)) : null;
  const out = startBanner(platform.gateway.url, file);
  process.stdout.write(out.join('\n') + '\n\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    platform
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
