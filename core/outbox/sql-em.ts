/** The SQL flavour of an EntityManager (query builder, upserts with ON CONFLICT). */
import { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/core';

export function sqlEm(em: EntityManager): SqlEntityManager {
  if (!(em instanceof SqlEntityManager)) throw new Error('an SQL EntityManager is required');
  return em;
}
