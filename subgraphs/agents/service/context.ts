/**
 * What the agents service functions receive (the request context with the runtime), the SQL flavour of its
 * EntityManager, and the write unit every mutation goes through.
 */
import { SqlEntityManager } from '@mikro-orm/knex';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { ConflictError, type DomainError } from '../../../core/errors';
import type { AgentsContext } from '../runtime';

/** The request context with the agents runtime (declared in runtime.ts). */
export type { AgentsContext };

/** The SQL flavour of the request's EntityManager (query builder, knex). */
export function sqlEm(em: EntityManager): SqlEntityManager {
  if (!(em instanceof SqlEntityManager)) throw new Error('agents subgraph needs an SQL EntityManager');
  return em;
}

/**
 * Runs `work` and flushes its changes together with the events it staged in the outbox, in one
 * (nested) transaction on the request's EntityManager — a savepoint inside the request transaction on
 * PostgreSQL — so a failure leaves neither and the request transaction stays usable. Inside `work` only
 * its `em` may be used (on SQLite the single connection is held by this transaction): load what the
 * write needs before. A unique-constraint violation becomes `onConflict()` (default: CONFLICT).
 */
export async function writeUnit<T>(
  ctx: AgentsContext,
  work: (em: EntityManager) => Promise<T> | T,
  onConflict?: () => DomainError,
): Promise<T> {
  try {
    return await ctx.em.transactional(async (em) => {
      const result = await work(em);
      await em.flush();
      return result;
    });
  } catch (err) {
    // nothing half-applied may be flushed later in this request
    ctx.em.clear();
    ctx.loaders.clear();
    if (err instanceof UniqueConstraintViolationException) {
      throw onConflict?.() ?? new ConflictError('conflicts with an existing record');
    }
    throw err;
  }
}
