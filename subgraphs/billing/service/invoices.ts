/**
 * Invoices: `closePeriod` (idempotent on organization + period end), listing and lookup.
 * Closing first stamps every not-yet-invoiced ledger row with an event time before the period end
 * (including late rows of earlier periods) and every pending adjustment with the new invoice id, then
 * computes the lines from exactly the stamped rows — so the invoices of a tenant partition its ledger.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { BadUserInputError, NotFoundError } from '../../../core/errors';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue, inTransaction } from '../../../core/outbox';
import {
  EventTypes,
  type InvoiceIssuedPayload,
  InvoiceLineKind,
  SubscriptionStatus,
} from '../../../core/vocabulary';
import { Adjustment } from '../entities/adjustment';
import { Invoice } from '../entities/invoice';
import { PartnerApp } from '../entities/partner-app';
import { Plan } from '../entities/plan';
import type { Subscription } from '../entities/subscription';
import { UsageRecord } from '../entities/usage-record';
import { assertBillingRead, assertBillingWrite } from './access';
import type { BillingContext } from './context';
import { computeInvoice } from './invoice-lines';
import { sumUsage } from './ledger';
import { nextPeriod } from './periods';
import { enqueueSubscriptionChanged, findSubscription } from './subscriptions';

export interface ClosePeriodInput {
  organizationId: string;
  periodEnd: Date;
}

export async function closePeriod(ctx: BillingContext, input: ClosePeriodInput): Promise<Invoice> {
  assertBillingWrite(ctx.principal, input.organizationId);
  const tenantId = ctx.principal.tenantId;
  return inTransaction(ctx.em, async (em) => {
    const sub = await findSubscription(em, tenantId, { organizationId: input.organizationId, lock: true });
    const existing = await em.findOne(Invoice, {
      organizationId: input.organizationId,
      periodEnd: input.periodEnd,
    });
    if (existing) return existing;
    if (!sub) throw new NotFoundError('Subscription', input.organizationId);
    if (sub.currentPeriodEnd.getTime() !== input.periodEnd.getTime()) {
      throw new BadUserInputError(
        'periodEnd',
        `the open period ends at ${sub.currentPeriodEnd.toISOString()}`,
      );
    }
    const [plan, basePlan] = await Promise.all([
      em.findOneOrFail(Plan, { code: sub.planCode }),
      em.findOneOrFail(Plan, { code: sub.periodPlanCode }),
    ]);
    const now = ctx.runtime.now();
    const invoice = await issueInvoice(em, { sub, plan, basePlan, periodEnd: input.periodEnd, now });
    advancePeriod(sub, now);
    await enqueueSubscriptionChanged(em, sub, plan);
    await em.flush();
    return invoice;
  });
}

interface IssueInput {
  sub: Subscription;
  /** The plan now, and the plan the period started on (they differ after a mid-period change). */
  plan: Plan;
  basePlan: Plan;
  periodEnd: Date;
  now: Date;
}

/**
 * Stamps the period's ledger rows and pending adjustments with a new invoice id, computes the invoice
 * from exactly those rows, persists it and stages `billing.invoice.issued`.
 */
async function issueInvoice(em: EntityManager, input: IssueInput): Promise<Invoice> {
  const { sub, plan, basePlan } = input;
  const tenantId = sub.tenantId;
  const invoiceId = randomUUID();
  await em.nativeUpdate(
    UsageRecord,
    { tenantId, invoiceId: null, at: { $lt: input.periodEnd } },
    { invoiceId },
  );
  await em.nativeUpdate(
    Adjustment,
    { tenantId, organizationId: sub.organizationId, invoiceId: null },
    { invoiceId },
  );
  const usage = await sumUsage(em, tenantId, { invoiceId });
  const adjustments = await em.find(Adjustment, { invoiceId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const apps = usage.partners.length
    ? await em.find(PartnerApp, { id: { $in: usage.partners.map((p) => p.partnerAppId) } })
    : [];
  const appById = new Map(apps.map((a) => [a.id, a]));
  const computed = computeInvoice({
    basePlan,
    plan,
    seats: sub.seats,
    periodStart: sub.currentPeriodStart,
    periodEnd: sub.currentPeriodEnd,
    trialEndsAt: sub.trialEndsAt,
    hints: usage.hints,
    partners: usage.partners.map((p) => ({
      partnerAppId: p.partnerAppId,
      hints: p.hints,
      name: appById.get(p.partnerAppId)?.name ?? p.partnerAppId,
      revenueShareBps: appById.get(p.partnerAppId)?.revenueShareBps ?? 0,
    })),
    adjustments: adjustments.map((a) => ({
      kind: InvoiceLineKind[a.kind],
      description: a.description,
      amountCents: a.amountCents,
    })),
  });
  const invoice = Object.assign(new Invoice(), {
    id: invoiceId,
    tenantId,
    organizationId: sub.organizationId,
    planCode: plan.code,
    periodStart: sub.currentPeriodStart,
    periodEnd: sub.currentPeriodEnd,
    lines: computed.lines,
    totalCents: computed.totalCents,
    partnerShareCents: computed.partnerShareCents,
    hints: usage.hints,
    tokens: usage.tokens,
    costMicros: usage.costMicros,
    issuedAt: input.now,
  });
  em.persist(invoice);
  const payload: InvoiceIssuedPayload = {
    invoiceId,
    organizationId: sub.organizationId,
    periodStart: sub.currentPeriodStart.toISOString(),
    periodEnd: sub.currentPeriodEnd.toISOString(),
    totalCents: computed.totalCents,
    partnerShareCents: computed.partnerShareCents,
    hints: usage.hints,
  };
  enqueue(em, makeEvent(EventTypes.billingInvoiceIssued, tenantId, payload));
  return invoice;
}

/** Opens the next period on the plan chosen now; a trial that has ended becomes ACTIVE. */
function advancePeriod(sub: Subscription, now: Date): void {
  const next = nextPeriod(sub.currentPeriodEnd);
  sub.currentPeriodStart = next.start;
  sub.currentPeriodEnd = next.end;
  sub.periodPlanCode = sub.planCode;
  if (sub.status === SubscriptionStatus.TRIALING && sub.trialEndsAt && sub.trialEndsAt <= next.start) {
    sub.status = SubscriptionStatus.ACTIVE;
  }
  sub.updatedAt = now;
}

export async function listInvoices(ctx: BillingContext, organizationId?: string): Promise<Invoice[]> {
  assertBillingRead(ctx.principal, organizationId);
  const orgs = organizationId ? [organizationId] : ctx.principal.organizationIds;
  return ctx.em.find(Invoice, { organizationId: { $in: orgs } }, { orderBy: { periodEnd: 'desc' } });
}

export async function getInvoice(ctx: BillingContext, id: string): Promise<Invoice> {
  assertBillingRead(ctx.principal);
  const invoice = await ctx.em.findOne(Invoice, { id });
  if (!invoice || !ctx.principal.organizationIds.includes(invoice.organizationId))
    throw new NotFoundError('Invoice', id);
  return invoice;
}
