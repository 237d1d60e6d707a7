/**
 * The invoice arithmetic, pure: lines from the plan, seats, the ledger's usage, partner usage and
 * adjustments. Every line is rounded once (see money.ts); totalCents is the sum of the charge lines and
 * partnerShareCents the sum of the PARTNER_REVENUE_SHARE lines. A partner's share is its revenueShareBps
 * of the list value (hints × the plan's per-hint price) of the usage generated through its API keys.
 */
import type { InvoiceLine } from '../entities/invoice';
import { divRound, lineCentsFromMicros, MICROS_PER_CENT, shareCentsFromMicros } from './money';
import { daysBetween } from './periods';
import { InvoiceLineKind } from '../../../core/vocabulary';

export interface PlanTerms {
  code: string;
  name: string;
  monthlyFeeCents: number;
  includedHints: number;
  overagePriceMicros: number;
  seats: number;
  seatPriceCents: number;
}

export interface PartnerUsage {
  partnerAppId: string;
  name: string;
  revenueShareBps: number;
  hints: number;
}

export interface InvoiceInput {
  /** The plan at period start (its fee is the BASE_FEE line). */
  basePlan: PlanTerms;
  /** The plan at close (its included hints, prices and seats apply to usage and seats). */
  plan: PlanTerms;
  seats: number;
  periodStart: Date;
  periodEnd: Date;
  trialEndsAt: Date | null;
  hints: number;
  partners: PartnerUsage[];
  adjustments: { kind: InvoiceLineKind; description: string; amountCents: number }[];
}

export interface InvoiceComputation {
  lines: InvoiceLine[];
  totalCents: number;
  partnerShareCents: number;
}

function line(l: Omit<InvoiceLine, 'partnerAppId' | 'revenueShareBps'> & Partial<InvoiceLine>): InvoiceLine {
  return { partnerAppId: null, revenueShareBps: null, ...l } as InvoiceLine;
}

/** Days of the period after the trial, as a fraction of the fee: trial days are free. */
function baseFeeCents(input: InvoiceInput): { cents: number; note: string } {
  const fee = input.basePlan.monthlyFeeCents;
  const trialEnd = input.trialEndsAt;
  if (!trialEnd || trialEnd.getTime() <= input.periodStart.getTime()) return { cents: fee, note: '' };
  const days = daysBetween(input.periodStart, input.periodEnd);
  const paid = trialEnd.getTime() >= input.periodEnd.getTime() ? 0 : daysBetween(trialEnd, input.periodEnd);
  return {
    cents: days === 0 ? 0 : divRound(BigInt(fee) * BigInt(paid), BigInt(days)),
    note: ` (trial: ${days - paid} of ${days} days free)`,
  };
}

export function computeInvoice(input: InvoiceInput): InvoiceComputation {
  const lines: InvoiceLine[] = [];
  const base = baseFeeCents(input);
  lines.push(
    line({
      kind: InvoiceLineKind.BASE_FEE,
      description: `${input.basePlan.name} plan, monthly fee${base.note}`,
      quantity: 1,
      unitPriceMicros: input.basePlan.monthlyFeeCents * Number(MICROS_PER_CENT),
      amountCents: base.cents,
    }),
  );
  const extraSeats = Math.max(0, input.seats - input.plan.seats);
  if (extraSeats > 0) {
    lines.push(
      line({
        kind: InvoiceLineKind.SEATS,
        description: `${extraSeats} seat(s) beyond the ${input.plan.seats} included`,
        quantity: extraSeats,
        unitPriceMicros: input.plan.seatPriceCents * Number(MICROS_PER_CENT),
        amountCents: extraSeats * input.plan.seatPriceCents,
      }),
    );
  }
  const overage = Math.max(0, input.hints - input.plan.includedHints);
  if (overage > 0) {
    lines.push(
      line({
        kind: InvoiceLineKind.OVERAGE,
        description: `${overage} hint(s) beyond the ${input.plan.includedHints} included (${input.hints} used)`,
        quantity: overage,
        unitPriceMicros: input.plan.overagePriceMicros,
        amountCents: lineCentsFromMicros(overage, input.plan.overagePriceMicros),
      }),
    );
  }
  for (const a of input.adjustments) {
    lines.push(
      line({
        kind: a.kind,
        description: a.description,
        quantity: 1,
        unitPriceMicros: null,
        amountCents: a.amountCents,
      }),
    );
  }
  const partners = [...input.partners].sort((a, b) => a.partnerAppId.localeCompare(b.partnerAppId));
  for (const p of partners) {
    if (p.hints <= 0 || p.revenueShareBps <= 0) continue;
    lines.push(
      line({
        kind: InvoiceLineKind.PARTNER_REVENUE_SHARE,
        description: `${p.name}: ${p.revenueShareBps / 100}% of ${p.hints} hint(s) at list price`,
        quantity: p.hints,
        unitPriceMicros: input.plan.overagePriceMicros,
        amountCents: shareCentsFromMicros(p.hints, input.plan.overagePriceMicros, p.revenueShareBps),
        partnerAppId: p.partnerAppId,
        revenueShareBps: p.revenueShareBps,
      }),
    );
  }
  let totalCents = 0;
  let partnerShareCents = 0;
  for (const l of lines) {
    if (l.kind === InvoiceLineKind.PARTNER_REVENUE_SHARE) partnerShareCents += l.amountCents;
    else totalCents += l.amountCents;
  }
  return { lines, totalCents, partnerShareCents };
}
