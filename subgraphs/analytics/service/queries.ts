/** Analytics read side: time series, per-agent performance (batched), organization summary, alerts, settings. */
import type { EntityManager } from '@mikro-orm/core';
import { canSeeOrganization, isOrgWide, requireScope } from '../../../core/principal';
import { BadUserInputError, ForbiddenError } from '../../../core/errors';
import { byKeys, loaderFor, type RequestContext } from '../../../core/request-context';
import { AlertKind, EventTypes, Granularity, MemberRole } from '../../../core/vocabulary';
import { Alert } from '../entities/alert';
import { InvoiceFact } from '../entities/facts';
import { HourBucket, NO_LOCATION } from '../entities/hour-bucket';
import { AnalyticsSettings, DEFAULT_SETTINGS } from '../entities/settings';
import { auditRecord } from '../../../core/events/audit-event';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox/enqueue';
import { assertRange, visibleBuckets, type RangeFilter } from './access';
import { summarize, timeSeries, type MetricsValues, type PointValues } from './aggregate';

const HOUR_SERIES_MAX_MS = 31 * 24 * 3_600_000;

export async function analyticsSeries(
  ctx: RequestContext,
  filter: RangeFilter,
  granularity: Granularity,
): Promise<PointValues[]> {
  if (granularity === Granularity.HOUR) assertRange(filter.from, filter.to, HOUR_SERIES_MAX_MS);
  const buckets = await ctx.em.find(HourBucket, visibleBuckets(ctx.principal, filter));
  return timeSeries(buckets, granularity);
}

/** `Agent.performance(from, to)`: one grouped statement for every agent of the request (DataLoader). */
export async function agentPerformance(
  ctx: RequestContext,
  agentId: string,
  from: Date,
  to: Date,
): Promise<MetricsValues | null> {
  const p = ctx.principal;
  requireScope(p, 'analytics:read');
  if (p.role === MemberRole.AGENT && p.agentId !== agentId) return null;
  const key = `analytics.performance:${from.toISOString()}:${to.toISOString()}`;
  const loader = loaderFor<string, MetricsValues>(ctx, key, async (agentIds) => {
    const where = { ...(visibleBuckets(p, { from, to }) as object), agentId: { $in: [...agentIds] } };
    const rows = await ctx.em.find(HourBucket, where);
    const byAgent = new Map<string, HourBucket[]>();
    for (const r of rows) {
      const list = byAgent.get(r.agentId);
      if (list) list.push(r);
      else byAgent.set(r.agentId, [r]);
    }
    return agentIds.map((id) => summarize(byAgent.get(id) ?? []));
  });
  return loader.load(agentId);
}

export interface SummaryValues extends MetricsValues {
  from: Date;
  to: Date;
  activeAgents: number;
  invoicedCents: number;
}

/**
 * `Organization.coachingSummary`: the tenant's numbers the caller may see. Analytics rows carry the
 * tenant and location, not the organization, so any visible organization of the tenant sees the
 * tenant's visible locations.
 */
export async function coachingSummary(
  ctx: RequestContext,
  organizationId: string,
  from: Date,
  to: Date,
): Promise<SummaryValues> {
  if (!canSeeOrganization(ctx.principal, organizationId))
    throw new ForbiddenError('organization not visible', { organizationId });
  const buckets = await ctx.em.find(HourBucket, visibleBuckets(ctx.principal, { from, to }));
  const invoices = isOrgWide(ctx.principal)
    ? await ctx.em.find(InvoiceFact, { tenantId: ctx.principal.tenantId, periodEnd: { $gt: from, $lte: to } })
    : [];
  return {
    from,
    to,
    ...summarize(buckets),
    activeAgents: new Set(buckets.filter((b) => b.hintsDelivered > 0).map((b) => b.agentId)).size,
    invoicedCents: invoices.reduce((s, i) => s + i.totalCents, 0),
  };
}

export async function listAlerts(
  ctx: RequestContext,
  from: Date,
  to: Date,
  kind?: AlertKind | null,
): Promise<Alert[]> {
  const p = ctx.principal;
  requireScope(p, 'analytics:read');
  assertRange(from, to);
  if (p.role === MemberRole.AGENT) return [];
  const where: Record<string, unknown> = { tenantId: p.tenantId, windowStart: { $gte: from, $lt: to } };
  if (kind) where['kind'] = kind;
  if (p.locationIds !== null) where['scopeKey'] = { $in: [...p.locationIds, NO_LOCATION] };
  return ctx.em.find(Alert, where, { orderBy: { windowStart: 'desc', id: 'asc' } });
}

/** Settings of the request's tenant, loaded once per request (used by every ROI field). */
export function settingsFor(ctx: RequestContext): Promise<AnalyticsSettings> {
  const loader = loaderFor<string, AnalyticsSettings>(ctx, 'analytics.settings', async (tenantIds) => {
    const rows = await ctx.em.find(AnalyticsSettings, { tenantId: { $in: [...tenantIds] } });
    return byKeys(tenantIds, rows, (r) => r.tenantId).map(
      (r, i) => r ?? Object.assign(new AnalyticsSettings(), { tenantId: tenantIds[i]!, ...DEFAULT_SETTINGS }),
    );
  });
  return loader.load(ctx.principal.tenantId);
}

export type SettingsInput = { [K in keyof Omit<AnalyticsSettings, 'tenantId'>]?: number | null };

export async function updateSettings(ctx: RequestContext, input: SettingsInput): Promise<AnalyticsSettings> {
  requireScope(ctx.principal, 'analytics:write');
  if (!isOrgWide(ctx.principal)) throw new ForbiddenError('only owners and admins change analytics settings');
  for (const [field, value] of Object.entries(input)) {
    if (value !== undefined && value !== null && (!Number.isFinite(value) || value < 0)) {
      throw new BadUserInputError(field, 'must be a non-negative number');
    }
  }
  if (input.acceptanceDropThreshold != null && input.acceptanceDropThreshold > 1) {
    throw new BadUserInputError('acceptanceDropThreshold', 'must be between 0 and 1');
  }
  const em: EntityManager = ctx.em;
  const tenantId = ctx.principal.tenantId;
  let s = await em.findOne(AnalyticsSettings, { tenantId });
  if (!s) {
    s = Object.assign(new AnalyticsSettings(), { tenantId });
    em.persist(s);
  }
  const changed: Record<string, number> = {};
  for (const [k, v] of Object.entries(input))
    if (v !== undefined && v !== null) changed[k] = (s as unknown as Record<string, number>)[k] = v;
  const audit = { actor: ctx.principal.subject, action: 'analytics.settings_update', change: changed };
  enqueue(
    em,
    makeEvent(
      EventTypes.analyticsAuditRecorded,
      tenantId,
      auditRecord({ ...audit, targetType: 'AnalyticsSettings', targetId: tenantId }),
    ),
  );
  await em.flush();
  return s;
}

/** ROI = (attributed wins × value per won deal − model cost) / model cost; null without cost. */
export function roiOf(
  m: Pick<MetricsValues, 'dealsWon' | 'costMicros'>,
  valuePerWonDealCents: number,
): number | null {
  if (m.costMicros <= 0) return null;
  const costCents = m.costMicros / 10_000;
  return (m.dealsWon * valuePerWonDealCents - costCents) / costCents;
}
