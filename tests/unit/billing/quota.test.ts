/**
 * Billing's half of the hint quota: it publishes each tenant's limit and period as
 * `billing.subscription.changed` (payload version 1) — on provisioning, on a plan change, when a period
 * closes — and holds no quota gate of its own any more (coaching enforces the limit on its own count).
 */
import { randomUUID } from 'node:crypto';
import { SUBSCRIPTION_CHANGED_VERSION } from '../../../core/vocabulary';
import { seedBilling } from '../../../subgraphs/billing/seed';
import { monthPeriod, nextPeriod } from '../../../subgraphs/billing/service/periods';
import { principal } from '../../helpers/principals';
import { describeEachDb } from '../../helpers/variants';
import { startBilling, type BillingHarness } from './fixtures';

const CHANGE = `mutation($org: ID!, $plan: String!) { changePlan(input: { organizationId: $org, planCode: $plan }) { subscription { planCode } } }`;
const CLOSE = `mutation($org: ID!, $end: DateTime!) { closePeriod(input: { organizationId: $org, periodEnd: $end }) { id } }`;

describeEachDb("billing publishes each tenant's hint limit (%s)", (kind) => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await startBilling(kind);
  });
  afterAll(() => h.close());

  it('on provisioning, on a plan change and when the period closes, for each tenant apart', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await seedBilling(h.db.orm, {
      tenants: [
        { tenantId: a, organizationId: a, planCode: 'STARTER' },
        { tenantId: b, organizationId: b, planCode: 'PRO' },
      ],
    });
    const period = monthPeriod(new Date());
    const provisioned = await h.subscriptionEvent(a, { planCode: 'STARTER' });
    expect(provisioned.version).toBe(SUBSCRIPTION_CHANGED_VERSION);
    expect(provisioned.payload).toMatchObject({
      organizationId: a,
      hintLimit: 500,
      currentPeriodStart: period.start.toISOString(),
      currentPeriodEnd: period.end.toISOString(),
    });
    expect((await h.subscriptionEvent(b, { planCode: 'PRO' })).payload.hintLimit).toBe(25_000);

    const changed = await h.exec(principal({ tenantId: a }), CHANGE, { org: a, plan: 'ENTERPRISE' });
    expect(changed.errors).toBeUndefined();
    expect((await h.subscriptionEvent(a, { planCode: 'ENTERPRISE' })).payload.hintLimit).toBe(500_000);

    const closed = await h.exec(principal({ tenantId: a }), CLOSE, { org: a, end: period.end.toISOString() });
    expect(closed.errors).toBeUndefined();
    const next = nextPeriod(period.end);
    const rolled = await h.subscriptionEvent(a, { currentPeriodEnd: next.end.toISOString() });
    expect(rolled.payload).toMatchObject({
      hintLimit: 500_000,
      currentPeriodStart: next.start.toISOString(),
    });
    // b's limit never moved
    expect(h.subscriptionEvents.filter((e) => e.tenantId === b).map((e) => e.payload.hintLimit)).toEqual([
      25_000,
    ]);
  });
});
