/** What billing's service functions receive: the request context plus the billing runtime. */
import { LockMode, type EntityManager, type FindOneOptions } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../../core/request-context';
import type { QuotaGate } from '../../../core/quota';
import type { Logger } from '../../../core/logger';

export interface BillingRuntime {
  quota: QuotaGate;
  now: () => Date;
  logger: Logger;
}

export interface BillingContext extends RequestContext {
  billing: BillingRuntime;
}

/** FOR UPDATE on PostgreSQL (serializes plan changes and period closes of a tenant); nothing on SQLite. */
export function lockForUpdate<T extends object>(em: EntityManager): Pick<FindOneOptions<T>, 'lockMode'> {
  return em.getPlatform() instanceof PostgreSqlPlatform ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}
