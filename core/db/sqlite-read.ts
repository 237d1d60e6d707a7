/**
 * A read-only statement on SQLite straight through the pool's one connection: acquire, `prepare` (served
 * from core/db/sqlite-statement-cache.ts), `all`, release. Skips knex's raw builder, runner and binding
 * rewrite around it, which cost about as much as a 20-row page itself (bench/agents-page.ts --cpu-prof).
 *
 * Same guarantees as `knex.raw(...)` outside a transaction: the connection comes from knex's pool, so a
 * transaction holding it (another request's write unit) is waited for, never joined. Inside a transaction
 * use the transaction instead (this is only for the no-transaction case). knex's `query` event is still
 * emitted (statement counters and logs see it).
 */
import type { Knex } from '@mikro-orm/knex';

interface SqliteStatement {
  reader: boolean;
  all(bindings: unknown[]): unknown[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  __knexUid?: string;
}

interface PoolClient {
  acquireConnection(): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection): Promise<unknown>;
  emit(
    event: 'query',
    query: { sql: string; bindings: unknown[]; method: 'raw'; __knexUid?: string },
  ): boolean;
}

/** As knex's better-sqlite3 client binds them: dates as epoch milliseconds, booleans as 0/1. */
function binding(value: unknown): unknown {
  if (value instanceof Date) return value.valueOf();
  if (typeof value === 'boolean') return Number(value);
  return value;
}

export async function sqliteReadRows<R>(knex: Knex, sql: string, params: readonly unknown[]): Promise<R[]> {
  const client = knex.client as unknown as PoolClient;
  const bindings = params.map(binding);
  const connection = await client.acquireConnection();
  try {
    client.emit('query', { sql, bindings, method: 'raw', __knexUid: connection.__knexUid });
    const statement = connection.prepare(sql);
    if (!statement.reader) throw new Error('sqliteReadRows: not a read-only statement');
    return statement.all(bindings) as R[];
  } finally {
    await client.releaseConnection(connection);
  }
}
