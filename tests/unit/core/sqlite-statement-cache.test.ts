/**
 * SQLite connections reuse prepared statements by SQL text (core/db/sqlite-statement-cache.ts). A reused
 * statement must answer exactly as a fresh one would: after a migration changed the table, and with other
 * bindings.
 */
import { createRequire } from 'node:module';
import { cachePreparedStatements } from '../../../core/db/sqlite-statement-cache';

/** The few calls of better-sqlite3 (MikroORM's SQLite driver; no type declarations installed) used here. */
interface SqliteDb {
  exec(sql: string): void;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(): unknown };
  close(): void;
}
const Database = createRequire(__filename)('better-sqlite3') as new (file: string) => SqliteDb;

describe('cachePreparedStatements', () => {
  it('a statement reused after the table gained a column returns the new column', () => {
    const db = new Database(':memory:');
    cachePreparedStatements(db);
    db.exec("create table t (id integer primary key, name text); insert into t values (1, 'a')");
    expect(db.prepare('select * from t where id = ?').all(1)).toEqual([{ id: 1, name: 'a' }]);
    db.exec("alter table t add column email text; update t set email = 'a@example.com'");
    expect(db.prepare('select * from t where id = ?').all(1)).toEqual([
      { id: 1, name: 'a', email: 'a@example.com' },
    ]);
    db.close();
  });

  it('keeps at most `max` statements and still answers every text', () => {
    const db = new Database(':memory:');
    cachePreparedStatements(db, 2);
    const texts = ['select 1 as v', 'select 2 as v', 'select 3 as v', 'select 1 as v'];
    expect(texts.map((sql) => (db.prepare(sql).get() as { v: number }).v)).toEqual([1, 2, 3, 1]);
    const again = db.prepare('select 3 as v');
    expect(db.prepare('select 3 as v')).toBe(again);
    db.close();
  });
});
