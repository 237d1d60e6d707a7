/**
 * The usage ledger: recording `coaching.hint.delivered` (unique on the event id) and the sums the
 * quota and invoices read from it.
 */
import { randomUUID } from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, HintDeliveredPayload } from '../../../core/vocabulary';
import { sqlEm } from '../../../core/outbox';
import { UsageRecord } from '../entities/usage-record';

/** Inserts the event's usage row; false when the event was already in the ledger. */
export async function recordUsage(
  em: EntityManager,
  event: EventEnvelope<HintDeliveredPayload>,
): Promise<boolean> {
  const p = event.payload;
  const res = await sqlEm(em)
    .createQueryBuilder(UsageRecord)
    .insert({
      id: randomUUID(),
      tenantId: event.tenantId,
      eventId: event.id,
      hintId: p.hintId,
      at: new Date(event.at),
      hints: 1,
      tokensIn: Math.max(0, Math.trunc(p.tokensIn)),
      tokensOut: Math.max(0, Math.trunc(p.tokensOut)),
      costMicros: Math.max(0, Math.trunc(p.costMicros)),
      agentId: p.agentId ?? null,
      locationId: p.locationId ?? null,
      apiKeyId: p.apiKeyId ?? null,
      partnerAppId: p.partnerAppId ?? null,
      invoiceId: null,
    })
    .onConflict('eventId')
    .ignore()
    .execute('run');
  return res.affectedRows > 0;
}

export interface UsageTotals {
  hints: number;
  tokens: number;
  costMicros: number;
}

export interface PartnerHints {
  partnerAppId: string;
  hints: number;
}

interface SumRow {
  partner_app_id: string | null;
  hints: number | string | null;
  tokens: number | string | null;
  cost: number | string | null;
}

/**
 * Ledger sums for the tenant's rows matching `where`, total and per partner app, in one grouped
 * statement. (Query builders do not apply the tenant filter: the tenant is always explicit here.)
 */
export async function sumUsage(
  em: EntityManager,
  tenantId: string,
  where: Record<string, unknown>,
): Promise<UsageTotals & { partners: PartnerHints[] }> {
  const rows = (await sqlEm(em)
    .createQueryBuilder(UsageRecord, 'u')
    .select([
      'u.partner_app_id',
      raw('sum(u.hints) as hints'),
      raw('sum(u.tokens_in + u.tokens_out) as tokens'),
      raw('sum(u.cost_micros) as cost'),
    ])
    .where({ ...where, tenantId })
    .groupBy('u.partner_app_id')
    .execute('all', false)) as SumRow[];
  const totals = { hints: 0, tokens: 0, costMicros: 0, partners: [] as PartnerHints[] };
  for (const r of rows) {
    const hints = Number(r.hints ?? 0);
    totals.hints += hints;
    totals.tokens += Number(r.tokens ?? 0);
    totals.costMicros += Number(r.cost ?? 0);
    if (r.partner_app_id) totals.partners.push({ partnerAppId: r.partner_app_id, hints });
  }
  return totals;
}

/** Hints and tokens recorded with an event time inside [start, end). */
export async function usageInPeriod(
  em: EntityManager,
  tenantId: string,
  start: Date,
  end: Date,
): Promise<UsageTotals> {
  const t = await sumUsage(em, tenantId, { at: { $gte: start, $lt: end } });
  return { hints: t.hints, tokens: t.tokens, costMicros: t.costMicros };
}
