/** What billing's service functions receive (declared in runtime.ts), and the row lock they take. */
import { LockMode, type EntityManager, type FindOneOptions } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

export type { BillingContext, BillingRuntime } from '../runtime';

/** FOR UPDATE on PostgreSQL (serializes plan changes and period closes of a tenant); nothing on SQLite. */
export function lockForUpdate<T extends object>(em: EntityManager): Pick<FindOneOptions<T>, 'lockMode'> {
  return em.getPlatform() instanceof PostgreSqlPlatform ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}
