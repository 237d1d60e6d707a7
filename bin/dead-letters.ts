/**
 * Operator's tool for dead letters: events a consumer group's handler gave up on after its retries.
 *
 *   npm run dead-letters                                          # list them
 *   npm run dead-letters -- --redeliver [--id <id>]… [--tenant <id>]
 *
 * Reads the same environment as the platform. Embedded mode (no REDIS_URL): each subgraph's `dead_letter`
 * table (core/outbox/dead-letter.ts); a redelivered event goes back to the outbox and the running platform's
 * relay publishes it within its polling interval (or the next start does). On PostgreSQL the tool connects
 * as the owner (DATABASE_URL), whom the table's owner policy lets see every tenant. With REDIS_URL: the
 * `<prefix>:events:dead-letter` stream (core/events/redis-dead-letters.ts). Ids are those of the error log
 * line "event handler gave up: event kept as a dead letter".
 */
import 'reflect-metadata';
import Redis from 'ioredis';
import { SUBGRAPH_NAMES, type PlatformConfig } from '../core/config';
import { listRedisDeadLetters, redeliverRedisDeadLetters } from '../core/events/redis-dead-letters';
import { pendingDeadLetters, redeliverDeadLetters } from '../core/outbox/dead-letters';
import { loadConfigOrExit } from './config';
import { openOrm } from './platform';

interface Args {
  redeliver: boolean;
  ids?: string[];
  tenantId?: string;
}

function parseArgs(argv: string[]): Args {
  const ids: string[] = [];
  let tenantId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--id' && argv[i + 1]) ids.push(argv[++i]!);
    else if (argv[i] === '--tenant' && argv[i + 1]) tenantId = argv[++i];
  }
  return { redeliver: argv.includes('--redeliver'), ids: ids.length ? ids : undefined, tenantId };
}

let printed = 0;
const print = (line: string) => {
  printed += 1;
  process.stdout.write(`${line}\n`);
};

async function inDatabases(config: PlatformConfig, args: Args): Promise<void> {
  // the owner connection: the table's owner policy shows every tenant's dead letters to it
  const database = { ...config.database, appUrl: config.database.ownerUrl ?? config.database.appUrl };
  for (const name of SUBGRAPH_NAMES) {
    const orm = await openOrm({ ...config, database }, name);
    try {
      const opts = { orm, tenantId: args.tenantId, ids: args.ids };
      if (args.redeliver) {
        for (const id of await redeliverDeadLetters(opts)) print(`${name}\tredelivered\t${id}`);
        continue;
      }
      for (const l of await pendingDeadLetters(opts)) {
        print(
          `${name}\t${l.id}\t${l.type}\tattempts=${l.attempts}\t${l.deadAt.toISOString()}\t${l.lastError}`,
        );
      }
    } finally {
      await orm.close(true);
    }
  }
}

async function inRedis(config: PlatformConfig, args: Args): Promise<void> {
  const redis = new Redis(config.redisUrl!, { maxRetriesPerRequest: 2 });
  const key = `${config.redisPrefix}:events:dead-letter`;
  try {
    if (args.redeliver) {
      for (const id of await redeliverRedisDeadLetters({ redis, key, ids: args.ids }))
        print(`redelivered\t${id}`);
      return;
    }
    for (const l of await listRedisDeadLetters(redis, key)) {
      print(`${l.id}\t${l.group}\t${l.event?.type ?? '?'}\tattempts=${l.attempts}\t${l.lastError}`);
    }
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const args = parseArgs(process.argv.slice(2));
  if (config.redisUrl) await inRedis(config, args);
  else await inDatabases(config, args);
  // the summary on stderr keeps stdout one line per dead letter, for scripts
  process.stderr.write(`${printed} dead letter(s) ${args.redeliver ? 'redelivered' : 'pending'}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`dead letters: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
