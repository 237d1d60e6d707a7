/**
 * Proration of a plan change inside a period. The day of the change counts as remaining (the new plan
 * applies to it): daysRemaining = whole UTC days from the start of the change's day to the period end.
 * credit = −round(oldFee × daysRemaining / daysInPeriod), charge = +round(newFee × daysRemaining /
 * daysInPeriod), each rounded once, half away from zero, to integer cents.
 */
import { divRound } from './money';
import { daysBetween, startOfUtcDay } from './periods';

export interface ProrationInput {
  oldFeeCents: number;
  newFeeCents: number;
  periodStart: Date;
  periodEnd: Date;
  at: Date;
}

export interface Proration {
  daysInPeriod: number;
  daysRemaining: number;
  creditCents: number;
  chargeCents: number;
}

export function prorate(input: ProrationInput): Proration {
  const daysInPeriod = daysBetween(input.periodStart, input.periodEnd);
  const from = new Date(Math.max(startOfUtcDay(input.at).getTime(), input.periodStart.getTime()));
  const daysRemaining = Math.min(daysInPeriod, daysBetween(from, input.periodEnd));
  if (daysInPeriod === 0) return { daysInPeriod, daysRemaining: 0, creditCents: 0, chargeCents: 0 };
  const d = BigInt(daysInPeriod);
  const r = BigInt(daysRemaining);
  return {
    daysInPeriod,
    daysRemaining,
    creditCents: -divRound(BigInt(input.oldFeeCents) * r, d),
    chargeCents: divRound(BigInt(input.newFeeCents) * r, d),
  };
}
