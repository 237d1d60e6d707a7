/**
 * A per-tenant allowance per period (coaching's hint quota): the numbers and the error. The limit and
 * period come from the subgraph that owns them (billing publishes them as `billing.subscription.changed`);
 * the running count is a `QuotaCounter` of the subgraph that spends the allowance.
 */
import { QuotaExceededError } from '../errors';

export interface QuotaPeriod {
  /** Units allowed in the period. */
  limit: number;
  periodStart: string;
  /** Exclusive; the count resets here. */
  periodEnd: string;
}

export interface QuotaStatus {
  allowed: boolean;
  /** Units left in the period; null when no limit is known for the tenant (unmetered). */
  remaining: number | null;
  /** When the period's count resets (ISO); null when no limit is known. */
  resetsAt: string | null;
  used: number;
  limit: number | null;
}

export function statusOf(used: number, period: QuotaPeriod | null): QuotaStatus {
  if (!period) return { allowed: true, remaining: null, resetsAt: null, used, limit: null };
  const remaining = Math.max(0, period.limit - used);
  return { allowed: remaining > 0, remaining, resetsAt: period.periodEnd, used, limit: period.limit };
}

/** QUOTA_EXCEEDED with `remaining` and `resetsAt` (the period end). */
export function quotaExceeded(status: QuotaStatus): QuotaExceededError {
  return new QuotaExceededError(status.remaining ?? 0, status.resetsAt ?? '');
}

/** Rolls a stale period forward by whole months until it contains `now` (billing periods are monthly). */
export function currentPeriod(period: QuotaPeriod, now: Date): QuotaPeriod {
  let start = new Date(period.periodStart);
  let end = new Date(period.periodEnd);
  while (end.getTime() <= now.getTime()) {
    start = end;
    end = addMonthsUtc(end, 1);
  }
  return { limit: period.limit, periodStart: start.toISOString(), periodEnd: end.toISOString() };
}

export function addMonthsUtc(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}
