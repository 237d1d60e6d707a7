/**
 * The delivery queue's cross-tenant read: which deliveries are due (PENDING whose next attempt has come,
 * or SENDING whose worker's lease lapsed — a process that died mid-attempt). On PostgreSQL the runtime
 * role sees one tenant's rows at a time (RLS), so the worker asks the SECURITY DEFINER function
 * `webhook_deliveries_due(batch)` (defined by the workflows migration), which answers only ids and tenants, outside any tenant scope; the
 * claim and the send happen afterwards inside that tenant's scope. On SQLite the same query runs directly.
 */
import { isPostgres } from '../../../core/db/request-scope';
import { quoteIdent } from '../../../core/db/rls';
import type { Orm } from '../../../core/db/orm';
import { WebhookDelivery } from './entities';
import { DeliveryStatus } from './enums';

export const DUE_FUNCTION = 'webhook_deliveries_due';

export interface DueDelivery {
  id: string;
  tenantId: string;
}

export async function dueDeliveries(orm: Orm, batch: number, now: Date = new Date()): Promise<DueDelivery[]> {
  const em = orm.em.fork({ clear: true });
  if (isPostgres(orm)) {
    const schema = quoteIdent(String(orm.config.get('schema') ?? 'public'));
    const rows = await em
      .getConnection()
      .execute<{ id: string; tenant_id: string }[]>(
        `select id, tenant_id from ${schema}."${DUE_FUNCTION}"(?)`,
        [batch],
      );
    return rows.map((r: { id: string; tenant_id: string }) => ({ id: r.id, tenantId: r.tenant_id }));
  }
  const rows = await em.find(
    WebhookDelivery,
    {
      $or: [
        { status: DeliveryStatus.PENDING, nextAttemptAt: { $lte: now } },
        { status: DeliveryStatus.SENDING, leaseUntil: { $lte: now } },
      ],
    },
    { filters: false, fields: ['id', 'tenantId'], orderBy: { nextAttemptAt: 'asc' }, limit: batch },
  );
  return rows.map((r) => ({ id: r.id, tenantId: r.tenantId }));
}
