/**
 * Everything the platform stores, as text, for scans that prove a value is gone (GDPR erasure): every row of
 * every table of every subgraph, and every value of the cache (in-process or Redis, streams included).
 */
import IORedis from 'ioredis';
import pg from 'pg';
import { MemoryCache } from '../../core/cache';
import { SUBGRAPH_NAMES } from '../../core/config';
import type { CoachingRuntime } from '../../subgraphs/coaching/runtime';
import type { TestPlatform } from './platform';

/** Every row of every table of every subgraph, as text, for the needle scan. */
export async function databaseText(t: TestPlatform): Promise<string[]> {
  const db = t.config.database;
  const out: string[] = [];
  if (db.kind === 'sqlite') {
    // raw SQL on each subgraph's own connection: SQLite has no row-level security, and no filter applies
    for (const name of SUBGRAPH_NAMES) {
      const conn = t.platform.services[name].orm.em.getConnection();
      const tables = await conn.execute<{ name: string }[]>(
        `select name from sqlite_master where type = 'table'`,
      );
      for (const { name: table } of tables)
        for (const row of await conn.execute<Record<string, unknown>[]>(`select * from "${table}"`))
          out.push(`${name}.${table} ${JSON.stringify(row)}`);
    }
    return out;
  }
  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  try {
    for (const schema of SUBGRAPH_NAMES) {
      const { rows: tables } = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`,
        [schema],
      );
      for (const { table_name } of tables) {
        const { rows } = await client.query<{ r: string }>(
          `select t::text as r from "${schema}"."${table_name}" t`,
        );
        for (const { r } of rows) out.push(`${schema}.${table_name} ${r}`);
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

/** Every value in the cache: the in-process LRU, or every key of the run's Redis prefix (streams too). */
export async function cacheText(t: TestPlatform): Promise<string[]> {
  const rt = t.platform.services.coaching.instance.runtime as CoachingRuntime;
  if (rt.cache instanceof MemoryCache) return [...rt.cache.entries()].map(([k, v]) => `${k} ${v}`);
  const redis = new IORedis(t.config.redisUrl!);
  const out: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${t.config.redisPrefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'string') out.push(`${key} ${await redis.get(key)}`);
        else if (type === 'stream') out.push(`${key} ${JSON.stringify(await redis.xrange(key, '-', '+'))}`);
        else if (type === 'hash') out.push(`${key} ${JSON.stringify(await redis.hgetall(key))}`);
        else if (type === 'list') out.push(`${key} ${JSON.stringify(await redis.lrange(key, 0, -1))}`);
        else if (type === 'zset') out.push(`${key} ${JSON.stringify(await redis.zrange(key, 0, -1))}`);
        else if (type === 'set') out.push(`${key} ${JSON.stringify(await redis.smembers(key))}`);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return out;
}
