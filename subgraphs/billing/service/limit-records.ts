/**
 * Every subscription's limit facts with the digest billing recorded for it (PublishedLimit), a page at a
 * time in tenant order: what republish-limits.ts compares on start. The one read of billing that spans
 * tenants outside a request.
 *
 * On PostgreSQL the runtime role sees one tenant's rows (row-level security), so the page comes from the
 * SECURITY DEFINER function `billing_limit_records(after_tenant, batch)` (migration ..._published_limits): it
 * answers only outside a tenant scope (never inside a request or an event consumer), only these columns,
 * and writes nothing. On SQLite (one process, no RLS) the same read runs through the ORM with the tenant
 * filter off.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { isPostgres } from '../../../core/db/request-scope';
import { quoteIdent } from '../../../core/db/rls';
import { Plan } from '../entities/plan';
import { PublishedLimit } from '../entities/published-limit';
import { Subscription } from '../entities/subscription';
import type { SubscriptionFacts } from './subscriptions';

/** `<schema>.billing_limit_records(after_tenant text, batch integer)`, created by the published_limits migration. */
export const LIMIT_RECORDS_FUNCTION = 'billing_limit_records';

export interface LimitRecord {
  sub: SubscriptionFacts;
  /** The plan's hint limit; null when the subscription's plan is not in the catalogue. */
  hintLimit: number | null;
  /** The digest of the last payload billing staged for the tenant; null when it has no record. */
  digest: string | null;
}

interface LimitRecordRow {
  tenant_id: string;
  organization_id: string;
  plan_code: string;
  status: SubscriptionFacts['status'];
  seats: number;
  current_period_start: Date | string;
  current_period_end: Date | string;
  hint_limit: number | null;
  digest: string | null;
}

async function postgresPage(
  orm: Orm,
  em: EntityManager,
  after: string,
  batch: number,
): Promise<LimitRecord[]> {
  const fn = `${quoteIdent(String(orm.config.get('schema') ?? 'public'))}.${quoteIdent(LIMIT_RECORDS_FUNCTION)}`;
  const rows: LimitRecordRow[] = await em
    .getConnection()
    .execute(`select * from ${fn}(?, ?)`, [after, batch], 'all');
  return rows.map((r): LimitRecord => ({
    sub: {
      tenantId: r.tenant_id,
      organizationId: r.organization_id,
      planCode: r.plan_code,
      status: r.status,
      seats: Number(r.seats),
      currentPeriodStart: new Date(r.current_period_start),
      currentPeriodEnd: new Date(r.current_period_end),
    },
    hintLimit: r.hint_limit === null ? null : Number(r.hint_limit),
    digest: r.digest,
  }));
}

async function ormPage(em: EntityManager, after: string, batch: number): Promise<LimitRecord[]> {
  const subs = await em.find(
    Subscription,
    { tenantId: { $gt: after } },
    { filters: false, orderBy: { tenantId: 'asc' }, limit: batch },
  );
  const tenantIds = subs.map((s) => s.tenantId);
  const [plans, records] = await Promise.all([
    em.find(Plan, { code: { $in: [...new Set(subs.map((s) => s.planCode))] } }),
    em.find(PublishedLimit, { tenantId: { $in: tenantIds } }, { filters: false }),
  ]);
  const limits = new Map(plans.map((p) => [p.code, p.hintLimit]));
  const digests = new Map(records.map((r) => [r.tenantId, r.digest]));
  return subs.map((sub) => ({
    sub,
    hintLimit: limits.get(sub.planCode) ?? null,
    digest: digests.get(sub.tenantId) ?? null,
  }));
}

/**
 * Up to `batch` subscriptions whose tenant id sorts after `after` (`''` for the first page), with their
 * plan's limit and recorded digest; `next` is the tenant id to continue after, null after the last page.
 */
export async function limitRecordsPage(
  orm: Orm,
  after: string,
  batch: number,
): Promise<{ records: LimitRecord[]; next: string | null }> {
  const em = orm.em.fork({ clear: true });
  const records = isPostgres(orm)
    ? await postgresPage(orm, em, after, batch)
    : await ormPage(em, after, batch);
  const last = records[records.length - 1];
  return { records, next: records.length < batch || !last ? null : last.sub.tenantId };
}
