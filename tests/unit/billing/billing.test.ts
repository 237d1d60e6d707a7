import { randomUUID } from 'node:crypto';
import { seedBilling } from '../../../subgraphs/billing/seed';
import { MemberRole } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { hintEvent, partnerAppEvent, startBilling, type BillingHarness } from './fixtures';
import { UsageRecord } from '../../../subgraphs/billing/entities/usage-record';
import { withTenantScope } from '../../../core/db/request-scope';
import { lineCentsFromMicros, shareCentsFromMicros } from '../../../subgraphs/billing/service/money';

const BILLING = `query($org: ID!) { _entities(representations: [{ __typename: "Organization", id: $org }]) {
  ... on Organization { billing { plan { code includedHints hintLimit } subscription { status seats planCode plan { code } currentPeriodEnd }
    usage { hintsUsed included limit remaining resetsAt tokensUsed } } } } }`;
const CLOSE = `mutation($org: ID!, $end: DateTime!) { closePeriod(input: { organizationId: $org, periodEnd: $end }) {
  id totalCents partnerShareCents platformNetCents hints periodStart periodEnd
  lines { kind quantity unitPriceMicros amountCents partnerAppId revenueShareBps description } } }`;

interface Line {
  kind: string;
  quantity: number;
  unitPriceMicros: number | null;
  amountCents: number;
  partnerAppId: string | null;
}
interface Inv {
  id: string;
  totalCents: number;
  partnerShareCents: number;
  platformNetCents: number;
  hints: number;
  periodEnd: string;
  lines: Line[];
}

describeEachDb('billing subgraph (%s)', (kind) => {
  let h: BillingHarness;
  const A = randomUUID();
  const B = randomUUID();
  const ownerA = principal({ tenantId: A });
  const ownerB = principal({ tenantId: B });

  beforeAll(async () => {
    h = await startBilling(kind);
    await seedBilling(h.db.orm, {
      tenants: [
        { tenantId: A, organizationId: A, planCode: 'PRO', seats: 12 },
        { tenantId: B, organizationId: B, planCode: 'STARTER' },
      ],
    });
    await seedBilling(h.db.orm, { tenants: [{ tenantId: A, organizationId: A, planCode: 'PRO' }] }); // idempotent
  });
  afterAll(() => h.close());

  async function publishAll(events: ReturnType<typeof hintEvent>[]) {
    for (const e of events) await h.events.publish(e);
    await h.events.drain();
  }

  it('records hint usage once per event, with partner attribution', async () => {
    await h.events.publish(partnerAppEvent(A, 'app-boost', 'ListingBoost', 2_000));
    const events = [
      ...Array.from({ length: 9 }, () => hintEvent(A, { costMicros: 1_000 })),
      ...Array.from({ length: 7 }, () =>
        hintEvent(A, { partnerAppId: 'app-boost', apiKeyId: 'key-1', costMicros: 2_000 }),
      ),
    ];
    await publishAll(events);
    await publishAll(events); // replay: nothing changes
    await publishAll([hintEvent(B)]);
    const res = await h.exec<{
      _entities: { billing: { usage: { hintsUsed: number; remaining: number; limit: number } } }[];
    }>(ownerA, BILLING, { org: A });
    expect(res.errors).toBeUndefined();
    const billing = res.data!._entities[0]!.billing;
    expect(billing.usage).toMatchObject({ hintsUsed: 16, limit: 25_000, remaining: 24_984 });
    expect(billing).toMatchObject({
      plan: { code: 'PRO' },
      subscription: { status: 'ACTIVE', seats: 12, plan: { code: 'PRO' } },
    });
  });

  it('closes the period into an invoice that reconciles with the ledger to the cent (idempotent)', async () => {
    const billing = await h.exec<{
      _entities: { billing: { subscription: { currentPeriodEnd: string } } }[];
    }>(ownerA, BILLING, { org: A });
    const end = billing.data!._entities[0]!.billing.subscription.currentPeriodEnd;
    const res = await h.exec<{ closePeriod: Inv }>(ownerA, CLOSE, { org: A, end });
    expect(res.errors).toBeUndefined();
    const inv = res.data!.closePeriod;
    const again = await h.exec<{ closePeriod: Inv }>(ownerA, CLOSE, { org: A, end });
    expect(again.data!.closePeriod).toEqual(inv);

    // Independent reconciliation from the ledger rows.
    const rows = await withTenantScope(h.db.orm, A, (em) => em.find(UsageRecord, {}));
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.invoiceId === inv.id)).toBe(true);
    const partnerHints = rows.filter((r) => r.partnerAppId === 'app-boost').length;
    const pro = { fee: 19_900, included: 5_000, overage: 15_000, seats: 10, seatPrice: 1_200 };
    const expected = [
      { kind: 'BASE_FEE', amountCents: pro.fee },
      { kind: 'SEATS', quantity: 2, amountCents: 2 * pro.seatPrice },
      {
        kind: 'PARTNER_REVENUE_SHARE',
        quantity: partnerHints,
        amountCents: shareCentsFromMicros(partnerHints, pro.overage, 2_000),
        partnerAppId: 'app-boost',
      },
    ];
    expect(inv.lines).toHaveLength(3);
    for (const e of expected) expect(inv.lines).toContainEqual(expect.objectContaining(e));
    expect(inv.hints).toBe(rows.reduce((s, r) => s + r.hints, 0));
    expect(inv.totalCents).toBe(
      pro.fee + 2 * pro.seatPrice + lineCentsFromMicros(Math.max(0, rows.length - pro.included), pro.overage),
    );
    expect(inv.partnerShareCents).toBe(2); // 7 * 1.5c * 20% = 2.1c
    expect(inv.platformNetCents).toBe(inv.totalCents - 2);

    const list = await h.exec<{ invoices: { id: string }[] }>(ownerA, `{ invoices { id } }`);
    expect(list.data!.invoices.map((i) => i.id)).toEqual([inv.id]);
    // The next period is open and empty.
    const after = await h.exec<{
      _entities: { billing: { usage: { hintsUsed: number }; subscription: { currentPeriodEnd: string } } }[];
    }>(ownerA, BILLING, { org: A });
    expect(after.data!._entities[0]!.billing.usage.hintsUsed).toBe(0);
    expect(new Date(after.data!._entities[0]!.billing.subscription.currentPeriodEnd) > new Date(end)).toBe(
      true,
    );
  });

  it('changes the plan with proration lines for the next invoice', async () => {
    const res = await h.exec<{
      changePlan: {
        previousPlanCode: string;
        subscription: { planCode: string };
        proration: { daysInPeriod: number; daysRemaining: number; creditCents: number; chargeCents: number };
      };
    }>(
      ownerB,
      `mutation($org: ID!) { changePlan(input: { organizationId: $org, planCode: "PRO" }) { previousPlanCode subscription { planCode }
        proration { daysInPeriod daysRemaining creditCents chargeCents } } }`,
      { org: B },
    );
    expect(res.errors).toBeUndefined();
    const { proration } = res.data!.changePlan;
    expect(res.data!.changePlan.previousPlanCode).toBe('STARTER');
    expect(proration.creditCents).toBe(
      -Math.round((4_900 * proration.daysRemaining) / proration.daysInPeriod),
    );
    expect(proration.chargeCents).toBe(
      Math.round((19_900 * proration.daysRemaining) / proration.daysInPeriod),
    );
    // coaching learns the new limit from billing's event (issue 8: billing holds no quota gate any more)
    await h.subscriptionEvent(B, { planCode: 'PRO', hintLimit: 25_000 });
  });

  it('keeps tenants apart and enforces scopes', async () => {
    const inv = await h.exec<{ invoices: { id: string }[] }>(ownerA, `{ invoices { id } }`);
    const id = inv.data!.invoices[0]!.id;
    const other = await h.exec(ownerB, `query($id: ID!) { invoice(id: $id) { id } }`, { id });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const listB = await h.exec<{ invoices: unknown[] }>(ownerB, `{ invoices { id } }`);
    expect(listB.data!.invoices).toEqual([]);
    const peek = await h.exec(ownerB, BILLING, { org: A });
    expect(peek.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // Even a principal claiming A's org id cannot read across tenants (tenant scope + RLS).
    const forged = await h.exec<{ _entities: { billing: unknown }[] }>(
      principal({ tenantId: B, organizationIds: [A, B] }),
      BILLING,
      { org: A },
    );
    expect(forged.data!._entities[0]!.billing).toBeNull();
    const agent = await h.exec(principal({ tenantId: A, role: MemberRole.AGENT }), BILLING, { org: A });
    expect(agent.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const manager = await h.exec(principal({ tenantId: A, role: MemberRole.ADMIN }), CLOSE, {
      org: A,
      end: new Date().toISOString(),
    });
    expect(manager.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
