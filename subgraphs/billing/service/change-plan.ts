/**
 * `changePlan`: switches the subscription's plan now. Outside a trial the unused days of the old plan's
 * fee are credited and the remaining days of the new plan's fee charged (see proration.ts); both become
 * lines of the period's invoice. The new hint limit reaches coaching as `billing.subscription.changed`,
 * published right after the commit.
 */
import { randomUUID } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../../../core/errors';
import { inTransaction } from '../../../core/outbox';
import { Adjustment } from '../entities/adjustment';
import { Plan } from '../entities/plan';
import type { Subscription } from '../entities/subscription';
import { assertBillingWrite } from './access';
import type { BillingContext } from './context';
import { prorate, type Proration } from './proration';
import { enqueueSubscriptionChanged, findSubscription } from './subscriptions';
import { auditRecord } from '../../../core/events/audit-event';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox/enqueue';
import { EventTypes, SubscriptionStatus } from '../../../core/vocabulary';
import { AdjustmentKind } from '../entities/adjustment';

export interface ChangePlanInput {
  organizationId: string;
  planCode: string;
}

export interface PlanChange {
  subscription: Subscription;
  previousPlanCode: string;
  proration: Proration;
}

export async function changePlan(ctx: BillingContext, input: ChangePlanInput): Promise<PlanChange> {
  assertBillingWrite(ctx.principal, input.organizationId);
  const now = ctx.runtime.now();
  const result = await inTransaction(ctx.em, async (em) => {
    const sub = await findSubscription(em, ctx.principal.tenantId, {
      organizationId: input.organizationId,
      lock: true,
    });
    if (!sub) throw new NotFoundError('Subscription', input.organizationId);
    if (sub.status === SubscriptionStatus.CANCELED)
      throw new BadUserInputError('organizationId', 'subscription is canceled');
    const [oldPlan, newPlan] = await Promise.all([
      em.findOne(Plan, { code: sub.planCode }),
      em.findOne(Plan, { code: input.planCode }),
    ]);
    if (!newPlan) throw new NotFoundError('Plan', input.planCode);
    if (!oldPlan) throw new NotFoundError('Plan', sub.planCode);
    if (oldPlan.code === newPlan.code) throw new BadUserInputError('planCode', `already on ${newPlan.code}`);
    const inTrial =
      sub.status === SubscriptionStatus.TRIALING && sub.trialEndsAt !== null && sub.trialEndsAt > now;
    const proration = inTrial
      ? { daysInPeriod: 0, daysRemaining: 0, creditCents: 0, chargeCents: 0 }
      : prorate({
          oldFeeCents: oldPlan.monthlyFeeCents,
          newFeeCents: newPlan.monthlyFeeCents,
          periodStart: sub.currentPeriodStart,
          periodEnd: sub.currentPeriodEnd,
          at: now,
        });
    const days = `${proration.daysRemaining} of ${proration.daysInPeriod} days`;
    const adjustments: [AdjustmentKind, string, number][] = [
      [AdjustmentKind.PRORATION_CREDIT, `Unused ${oldPlan.name} fee, ${days}`, proration.creditCents],
      [AdjustmentKind.PRORATION_CHARGE, `${newPlan.name} fee, ${days}`, proration.chargeCents],
    ];
    for (const [kind, description, amountCents] of adjustments) {
      if (amountCents === 0) continue;
      const a = em.create(Adjustment, {
        id: randomUUID(),
        tenantId: sub.tenantId,
        organizationId: sub.organizationId,
        kind,
        description,
        amountCents,
        createdAt: now,
        invoiceId: null,
      });
      em.persist(a);
    }
    const previousPlanCode = sub.planCode;
    sub.planCode = newPlan.code;
    sub.updatedAt = now;
    await enqueueSubscriptionChanged(em, sub, newPlan);
    enqueue(
      em,
      makeEvent(
        EventTypes.billingAuditRecorded,
        sub.tenantId,
        auditRecord({
          actor: ctx.principal.subject,
          action: 'billing.plan_change',
          targetType: 'Subscription',
          targetId: sub.organizationId,
          change: { from: previousPlanCode, to: newPlan.code, proration },
        }),
      ),
    );
    await em.flush();
    return { subscription: sub, previousPlanCode, proration };
  });
  ctx.runtime.logger.info({ tenantId: ctx.principal.tenantId, plan: input.planCode }, 'plan changed');
  return result;
}
