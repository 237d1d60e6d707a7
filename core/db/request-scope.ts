/**
 * One forked EntityManager per request, tenant filter set; on PostgreSQL the whole request runs in
 * one transaction that first sets `app.tenant_id` for that transaction only (set_config(..., true)).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from './orm';
import { TENANT_FILTER } from './tenant-filter';
import { TENANT_SETTING } from './rls';

export function isPostgres(orm: Orm): boolean {
  return (
    orm.config.get('driver')?.name === 'PostgreSqlDriver' ||
    orm.em.getPlatform().constructor.name.startsWith('PostgreSql')
  );
}

export async function withTenantScope<T>(
  orm: Orm,
  tenantId: string,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const em = orm.em.fork({ clear: true });
  em.setFilterParams(TENANT_FILTER, { tenantId });
  if (!isPostgres(orm)) return fn(em);
  return em.transactional(async (tem) => {
    await tem
      .getConnection()
      .execute(
        `select set_config('${TENANT_SETTING}', ?, true)`,
        [tenantId],
        'get',
        tem.getTransactionContext(),
      );
    return fn(tem);
  });
}

/** A fork with every filter off, for the owner's maintenance work (seed, provisioning). */
export function unscopedFork(orm: Orm): EntityManager {
  const em = orm.em.fork({ clear: true });
  return em;
}
