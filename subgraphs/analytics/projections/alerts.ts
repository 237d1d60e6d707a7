/**
 * Threshold alerts, evaluated by the projections right after the numbers they watch change, in the same
 * transaction: p95 latency per location-hour, model cost per UTC day, and the day's acceptance rate
 * against the prior 7 days. Each is raised at most once per scope and window (unique key), read through
 * the `alerts` query, and announced as it is raised: `analytics.alert.raised` is staged in the outbox in
 * the same transaction (consumed by analytics' `alertRaised` fan-out and by tenants' workflows).
 */
import { randomUUID } from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue, sqlEm } from '../../../core/outbox';
import { Alert } from '../entities/alert';
import { HourBucket, NO_LOCATION } from '../entities/hour-bucket';
import { AnalyticsSettings, DEFAULT_SETTINGS } from '../entities/settings';
import { DAY_MS, dayOf } from './buckets';
import { mergeHistograms, percentile } from './histogram';
import { AlertKind, EventTypes, type AlertRaisedPayload } from '../../../core/vocabulary';

export type SettingsValues = Omit<AnalyticsSettings, 'tenantId'>;

export async function settingsOf(em: EntityManager, tenantId: string): Promise<SettingsValues> {
  return (await em.findOne(AnalyticsSettings, { tenantId })) ?? { ...DEFAULT_SETTINGS };
}

interface AlertInput {
  kind: AlertKind;
  locationId: string | null;
  windowStart: Date;
  windowEnd: Date;
  value: number;
  threshold: number;
}

async function alreadyRaised(
  em: EntityManager,
  tenantId: string,
  kind: AlertKind,
  scope: string,
  windowStart: Date,
) {
  return (await em.count(Alert, { tenantId, kind, scopeKey: scope, windowStart })) > 0;
}

async function raise(em: EntityManager, tenantId: string, a: AlertInput): Promise<void> {
  const id = randomUUID();
  const raisedAt = new Date();
  const res = await sqlEm(em)
    .createQueryBuilder(Alert)
    .insert({ id, tenantId, ...a, scopeKey: a.locationId ?? NO_LOCATION, raisedAt })
    .onConflict(['tenantId', 'kind', 'scopeKey', 'windowStart'])
    .ignore()
    .execute('run');
  if (res.affectedRows === 0) return; // raised before (by a concurrent projection): announced by it
  const payload: AlertRaisedPayload = {
    alertId: id,
    kind: a.kind,
    locationId: a.locationId,
    windowStart: a.windowStart.toISOString(),
    windowEnd: a.windowEnd.toISOString(),
    value: a.value,
    threshold: a.threshold,
    raisedAt: raisedAt.toISOString(),
  };
  enqueue(em, makeEvent(EventTypes.analyticsAlertRaised, tenantId, payload));
}

export async function checkLatency(
  em: EntityManager,
  tenantId: string,
  hour: Date,
  locationId: string | null,
  s: SettingsValues,
) {
  if (await alreadyRaised(em, tenantId, AlertKind.P95_LATENCY, locationId ?? NO_LOCATION, hour)) return;
  const buckets = await em.find(HourBucket, {
    tenantId,
    hourStart: hour,
    locationId: locationId ?? NO_LOCATION,
  });
  const h = mergeHistograms(buckets.map((b) => b.latencyHistogram));
  const p95 = percentile(h, 95);
  if (!h || h.totalCount < s.minSamples || p95 === null || p95 <= s.p95LatencyThresholdMs) return;
  await raise(em, tenantId, {
    kind: AlertKind.P95_LATENCY,
    locationId,
    windowStart: hour,
    windowEnd: new Date(hour.getTime() + 3_600_000),
    value: p95,
    threshold: s.p95LatencyThresholdMs,
  });
}

interface SumRow {
  cost: number | string | null;
  accepted: number | string | null;
  dismissed: number | string | null;
}

async function sums(
  em: EntityManager,
  tenantId: string,
  from: Date,
  to: Date,
): Promise<{ cost: number; accepted: number; dismissed: number }> {
  const [row] = (await sqlEm(em)
    .createQueryBuilder(HourBucket, 'b')
    .select([
      raw('sum(b.cost_micros) as cost'),
      raw('sum(b.accepted) as accepted'),
      raw('sum(b.dismissed) as dismissed'),
    ])
    .where({ tenantId, hourStart: { $gte: from, $lt: to } })
    .execute('all', false)) as SumRow[];
  return {
    cost: Number(row?.cost ?? 0),
    accepted: Number(row?.accepted ?? 0),
    dismissed: Number(row?.dismissed ?? 0),
  };
}

export async function checkDailyCost(em: EntityManager, tenantId: string, at: Date, s: SettingsValues) {
  const day = dayOf(at);
  if (await alreadyRaised(em, tenantId, AlertKind.DAILY_COST, NO_LOCATION, day)) return;
  const { cost } = await sums(em, tenantId, day, new Date(day.getTime() + DAY_MS));
  if (cost <= s.dailyCostThresholdMicros) return;
  await raise(em, tenantId, {
    kind: AlertKind.DAILY_COST,
    locationId: null,
    windowStart: day,
    windowEnd: new Date(day.getTime() + DAY_MS),
    value: cost,
    threshold: s.dailyCostThresholdMicros,
  });
}

export async function checkAcceptanceDrop(em: EntityManager, tenantId: string, at: Date, s: SettingsValues) {
  const day = dayOf(at);
  if (await alreadyRaised(em, tenantId, AlertKind.ACCEPTANCE_DROP, NO_LOCATION, day)) return;
  const today = await sums(em, tenantId, day, new Date(day.getTime() + DAY_MS));
  const base = await sums(em, tenantId, new Date(day.getTime() - 7 * DAY_MS), day);
  const nToday = today.accepted + today.dismissed;
  const nBase = base.accepted + base.dismissed;
  if (nToday < s.minSamples || nBase < s.minSamples) return;
  const drop = base.accepted / nBase - today.accepted / nToday;
  if (drop < s.acceptanceDropThreshold) return;
  await raise(em, tenantId, {
    kind: AlertKind.ACCEPTANCE_DROP,
    locationId: null,
    windowStart: day,
    windowEnd: new Date(day.getTime() + DAY_MS),
    value: Math.round(drop * 10_000) / 10_000,
    threshold: s.acceptanceDropThreshold,
  });
}
