/**
 * Prepared statements reused on an SQLite connection. knex's better-sqlite3 client prepares every query
 * anew (`connection.prepare(sql)` per call); for a read served over and over — the agents page — that
 * prepare was a fifth of the subgraph's SQL time (bench/agents-page.ts --cpu-prof). This keeps the last
 * `max` statements by their SQL text (least recently used dropped first), so a repeated text skips the
 * parse and plan. Safe for how knex uses them: it runs a statement to completion (`all`/`run`, synchronous)
 * before the next, and SQLite re-prepares a statement by itself when the schema changed under it.
 */
interface PreparingConnection {
  prepare(sql: string): unknown;
}

export function cachePreparedStatements(conn: PreparingConnection, max = 256): void {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    const hit = cache.get(sql);
    if (hit !== undefined) {
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
