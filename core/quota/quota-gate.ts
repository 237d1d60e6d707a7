/**
 * The hint quota on the coaching path. Coaching calls `assertQuota(gate, tenantId)` before spending;
 * billing counts every hint it records in its ledger with `consume(tenantId, n)` (once, after the ledger
 * insert committed) and sets each tenant's limit and period when a subscription changes. The ledger is
 * the authority: it rebuilds the fast counter on start and whenever the counter is missing (`QuotaSource`).
 */
import { QuotaExceededError } from '../errors';

export interface QuotaLimit {
  /** Hints allowed in the period. */
  limit: number;
  periodStart: string;
  /** Exclusive; the counter resets here. */
  periodEnd: string;
}

export interface QuotaStatus {
  allowed: boolean;
  /** Hints left in the period; null when no limit is known for the tenant (unmetered). */
  remaining: number | null;
  /** When the period's counter resets (ISO); null when no limit is known. */
  resetsAt: string | null;
  used: number;
  limit: number | null;
}

/** The authoritative numbers (billing's ledger): limit and hints used in the current period. */
export interface QuotaSource {
  load(tenantId: string): Promise<(QuotaLimit & { used: number }) | null>;
}

export interface ConsumeOptions {
  idempotencyKey?: string;
}

export interface QuotaGate {
  check(tenantId: string): Promise<QuotaStatus>;
  /**
   * Counts `n` hints spent; returns the status after counting. With `idempotencyKey` (an event id) the
   * same key is counted at most once per period, so a redelivered event is not counted twice.
   */
  consume(tenantId: string, n: number, opts?: ConsumeOptions): Promise<QuotaStatus>;
  /** Sets the limit and period; `used` (from the ledger) replaces the counter when given. */
  setLimit(tenantId: string, limit: QuotaLimit, used?: number): Promise<void>;
  /** Registers the authority used when a tenant's counter is missing. */
  setSource(source: QuotaSource | undefined): void;
  close(): Promise<void>;
}

/** Throws QUOTA_EXCEEDED (remaining, resetsAt) when the tenant may not spend another hint. */
export async function assertQuota(gate: QuotaGate, tenantId: string): Promise<QuotaStatus> {
  const status = await gate.check(tenantId);
  if (!status.allowed) throw new QuotaExceededError(status.remaining ?? 0, status.resetsAt ?? '');
  return status;
}

export function statusOf(used: number, limit: QuotaLimit | null): QuotaStatus {
  if (!limit) return { allowed: true, remaining: null, resetsAt: null, used, limit: null };
  const remaining = Math.max(0, limit.limit - used);
  return { allowed: remaining > 0, remaining, resetsAt: limit.periodEnd, used, limit: limit.limit };
}

/** Rolls a stale period forward by whole months until it contains `now` (billing periods are monthly). */
export function currentPeriod(limit: QuotaLimit, now: Date): QuotaLimit {
  let start = new Date(limit.periodStart);
  let end = new Date(limit.periodEnd);
  while (end.getTime() <= now.getTime()) {
    start = end;
    end = addMonthsUtc(end, 1);
  }
  return { limit: limit.limit, periodStart: start.toISOString(), periodEnd: end.toISOString() };
}

export function addMonthsUtc(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}
