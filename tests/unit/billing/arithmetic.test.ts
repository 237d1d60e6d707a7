import {
  divRound,
  lineCentsFromMicros,
  shareCentsFromMicros,
} from '../../../subgraphs/billing/service/money';
import { prorate } from '../../../subgraphs/billing/service/proration';
import { computeInvoice } from '../../../subgraphs/billing/service/invoice-lines';
import { PLAN_CATALOGUE } from '../../../subgraphs/billing/service/catalogue';
import { InvoiceLineKind } from '../../../core/vocabulary';

const plan = (code: string) => PLAN_CATALOGUE.find((p) => p.code === code)!;

describe('billing arithmetic', () => {
  it('rounds half away from zero, once', () => {
    expect(divRound(5n, 10n)).toBe(1);
    expect(divRound(4n, 10n)).toBe(0);
    expect(divRound(-5n, 10n)).toBe(-1);
    expect(divRound(-4n, 10n)).toBe(0);
    expect(lineCentsFromMicros(3, 15_000)).toBe(5); // 4.5 cents -> 5
    expect(lineCentsFromMicros(1, 15_000)).toBe(2); // 1.5 -> 2
    expect(shareCentsFromMicros(7, 15_000, 2_000)).toBe(2); // 7 * 1.5c * 20% = 2.1c -> 2
  });

  it('prorates a mid-period upgrade in integer cents', () => {
    // 30-day period (June 2025), change on June 11 at 15:00 -> 20 days remaining (the change day counts).
    const p = prorate({
      oldFeeCents: 4_900,
      newFeeCents: 19_900,
      periodStart: new Date('2025-06-01T00:00:00Z'),
      periodEnd: new Date('2025-07-01T00:00:00Z'),
      at: new Date('2025-06-11T15:00:00Z'),
    });
    expect(p).toEqual({ daysInPeriod: 30, daysRemaining: 20, creditCents: -3_267, chargeCents: 13_267 });
    // 4900 * 20 / 30 = 3266.67 -> 3267 ; 19900 * 20 / 30 = 13266.67 -> 13267
  });

  it('prorates on the first and the last day', () => {
    const base = {
      oldFeeCents: 19_900,
      newFeeCents: 99_900,
      periodStart: new Date('2025-02-01Z'),
      periodEnd: new Date('2025-03-01Z'),
    };
    expect(prorate({ ...base, at: new Date('2025-02-01T08:00:00Z') })).toEqual({
      daysInPeriod: 28,
      daysRemaining: 28,
      creditCents: -19_900,
      chargeCents: 99_900,
    });
    expect(prorate({ ...base, at: new Date('2025-02-28T23:00:00Z') })).toEqual({
      daysInPeriod: 28,
      daysRemaining: 1,
      creditCents: -711, // 19900/28 = 710.71
      chargeCents: 3_568, // 99900/28 = 3567.86
    });
  });

  it('builds invoice lines: base fee, seats, overage, adjustments and partner shares', () => {
    const pro = plan('PRO');
    const inv = computeInvoice({
      basePlan: plan('STARTER'),
      plan: pro,
      seats: 12,
      periodStart: new Date('2025-06-01Z'),
      periodEnd: new Date('2025-07-01Z'),
      trialEndsAt: null,
      hints: 5_003,
      partners: [{ partnerAppId: 'app-1', name: 'ListingBoost', revenueShareBps: 2_000, hints: 7 }],
      adjustments: [
        { kind: InvoiceLineKind.PRORATION_CREDIT, description: 'credit', amountCents: -3_267 },
        { kind: InvoiceLineKind.PRORATION_CHARGE, description: 'charge', amountCents: 13_267 },
      ],
    });
    const byKind = Object.fromEntries(inv.lines.map((l) => [l.kind, l]));
    expect(byKind['BASE_FEE']!.amountCents).toBe(4_900);
    expect(byKind['SEATS']).toMatchObject({ quantity: 2, amountCents: 2_400 });
    expect(byKind['OVERAGE']).toMatchObject({ quantity: 3, amountCents: 5 }); // 3 * 1.5c = 4.5 -> 5
    expect(byKind['PARTNER_REVENUE_SHARE']).toMatchObject({
      quantity: 7,
      amountCents: 2,
      revenueShareBps: 2_000,
    });
    expect(inv.totalCents).toBe(4_900 + 2_400 + 5 - 3_267 + 13_267);
    expect(inv.partnerShareCents).toBe(2);
  });

  it('waives trial days of the base fee', () => {
    const inv = computeInvoice({
      basePlan: plan('PRO'),
      plan: plan('PRO'),
      seats: 1,
      periodStart: new Date('2025-06-01Z'),
      periodEnd: new Date('2025-07-01Z'),
      trialEndsAt: new Date('2025-06-16Z'),
      hints: 0,
      partners: [],
      adjustments: [],
    });
    expect(inv.totalCents).toBe(9_950); // 15 of 30 days paid
  });
});
