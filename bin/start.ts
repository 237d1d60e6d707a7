/**
 * `npm start`: the whole platform in one process on the embedded default (SQLite files under ./data,
 * in-process cache/pub-sub/events, offline coach) — or on PostgreSQL/Redis when their URLs are set.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from './config';
import { rootLogger } from './platform';
import { runPlatform } from './run-platform';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = rootLogger(config);
  const platform = await runPlatform(config, logger);
  const creds = platform.credentials;
  const out: string[] = [
    '',
    `Coaching platform ready: ${platform.gateway.url}  (graphql-ws on the same path)`,
  ];
  if (creds?.tenants[0]) {
    out.push(
      `Demo credentials: ${config.dataDir}/demo-credentials.json`,
      'Try:',
      `  curl -s ${platform.gateway.url} -H 'content-type: application/json' -H 'x-api-key: ${creds.tenants[0].apiKey}' \\`,
      `    -d '{"query":"{ agents(first: 3) { edges { node { name role experience location { name } } } } }"}'`,
    );
  }
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
