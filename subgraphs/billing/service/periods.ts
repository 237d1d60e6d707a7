/** Billing periods: calendar months in UTC, [start, end). Proration counts whole UTC days. */
import { addMonthsUtc } from '../../../core/quota';

export const DAY_MS = 86_400_000;

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function monthPeriod(at: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return { start, end: addMonthsUtc(start, 1) };
}

export function nextPeriod(periodEnd: Date): { start: Date; end: Date } {
  return { start: periodEnd, end: addMonthsUtc(periodEnd, 1) };
}

/** Whole days in [start, end). */
export function daysBetween(start: Date, end: Date): number {
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / DAY_MS));
}
