/** Subscriptions: lookup, quota sync, the subscription-changed event, and the tenant's quota source. */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox';
import type { QuotaGate, QuotaLimit, QuotaSource } from '../../../core/quota';
import { EventTypes, type SubscriptionChangedPayload } from '../../../core/vocabulary';
import { Plan } from '../entities/plan';
import { Subscription } from '../entities/subscription';
import { SubscriptionStatus } from '../entities/enums';
import { lockForUpdate } from './context';
import { usageInPeriod } from './ledger';

export async function findSubscription(
  em: EntityManager,
  tenantId: string,
  opts: { organizationId?: string; lock?: boolean } = {},
): Promise<Subscription | null> {
  const where = opts.organizationId ? { tenantId, organizationId: opts.organizationId } : { tenantId };
  return em.findOne(Subscription, where, opts.lock ? lockForUpdate<Subscription>(em) : {});
}

export function quotaLimitOf(sub: Subscription, plan: Plan): QuotaLimit {
  return {
    limit: sub.status === SubscriptionStatus.CANCELED ? 0 : plan.hintLimit,
    periodStart: sub.currentPeriodStart.toISOString(),
    periodEnd: sub.currentPeriodEnd.toISOString(),
  };
}

/** Sets the gate's limit and rebuilds its counter from the ledger (the authority). */
export async function syncQuota(
  em: EntityManager,
  quota: QuotaGate,
  sub: Subscription,
  plan: Plan,
): Promise<void> {
  const used = await usageInPeriod(em, sub.tenantId, sub.currentPeriodStart, sub.currentPeriodEnd);
  await quota.setLimit(sub.tenantId, quotaLimitOf(sub, plan), used.hints);
}

/** Stages `billing.subscription.changed` in the outbox (same transaction as the change). */
export function enqueueSubscriptionChanged(em: EntityManager, sub: Subscription, plan: Plan): void {
  const payload: SubscriptionChangedPayload = {
    organizationId: sub.organizationId,
    planCode: sub.planCode,
    status: sub.status,
    seats: sub.seats,
    currentPeriodStart: sub.currentPeriodStart.toISOString(),
    currentPeriodEnd: sub.currentPeriodEnd.toISOString(),
    hintLimit: quotaLimitOf(sub, plan).limit,
  };
  enqueue(em, makeEvent(EventTypes.billingSubscriptionChanged, sub.tenantId, payload));
}

/** The ledger as the quota gate's authority: limit from the subscription, used hints from usage rows. */
export function ledgerQuotaSource(orm: Orm): QuotaSource {
  return {
    load: (tenantId) =>
      withTenantScope(orm, tenantId, async (em) => {
        const sub = await findSubscription(em, tenantId);
        if (!sub) return null;
        const plan = await em.findOne(Plan, { code: sub.planCode });
        if (!plan) return null;
        const used = await usageInPeriod(em, tenantId, sub.currentPeriodStart, sub.currentPeriodEnd);
        return { ...quotaLimitOf(sub, plan), used: used.hints };
      }),
  };
}
