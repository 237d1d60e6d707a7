/**
 * A pool of its own for background work that requests wait on. On PostgreSQL a request holds one
 * connection for its whole transaction; when requests wait (bounded) for an event's consumer to update a
 * read model, and that consumer shares their pool, enough waiting requests take every connection and the
 * consumer cannot run until they give up — each of them answering NOT_FOUND. The consumer gets this
 * second ORM instead: same database, same runtime role (row-level security applies), its own small pool.
 * On SQLite a request holds no connection while it waits, and a second connection would only contend for
 * the write lock (or, in memory, open another database): the ORM itself is returned.
 */
import { MikroORM } from '@mikro-orm/core';
import type { Orm } from './orm';
import { isPostgres } from './request-scope';

export interface WorkerOrm {
  orm: Orm;
  /** Closes the pool when one was opened (never the ORM it was made from). */
  close(): Promise<void>;
}

export async function openWorkerOrm(orm: Orm, poolMax = 4): Promise<WorkerOrm> {
  if (!isPostgres(orm)) return { orm, close: async () => undefined };
  const worker = await MikroORM.init({
    ...orm.config.getAll(),
    pool: { min: 0, max: poolMax },
    // its own context name: an AsyncLocalStorage lookup by name must never find the other ORM's fork
    contextName: `${orm.config.get('contextName')}:worker`,
  });
  return { orm: worker, close: () => worker.close(true) };
}
