/**
 * Subscriptions: lookup, the period's hint limit, and `billing.subscription.changed` — how every other
 * subgraph learns a tenant's plan and limit (coaching keeps its quota view from it).
 */
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox';
import type { QuotaPeriod } from '../../../core/quota';
import {
  EventTypes,
  SUBSCRIPTION_CHANGED_VERSION,
  type SubscriptionChangedPayload,
} from '../../../core/vocabulary';
import { Plan } from '../entities/plan';
import { Subscription } from '../entities/subscription';
import { SubscriptionStatus } from '../entities/enums';
import { lockForUpdate } from './context';

export async function findSubscription(
  em: EntityManager,
  tenantId: string,
  opts: { organizationId?: string; lock?: boolean } = {},
): Promise<Subscription | null> {
  const where = opts.organizationId ? { tenantId, organizationId: opts.organizationId } : { tenantId };
  return em.findOne(Subscription, where, opts.lock ? lockForUpdate<Subscription>(em) : {});
}

/** The hint limit of the subscription's current period (0 once canceled). */
export function quotaLimitOf(sub: Subscription, plan: Plan): QuotaPeriod {
  return {
    limit: sub.status === SubscriptionStatus.CANCELED ? 0 : plan.hintLimit,
    periodStart: sub.currentPeriodStart.toISOString(),
    periodEnd: sub.currentPeriodEnd.toISOString(),
  };
}

/**
 * Stages `billing.subscription.changed` in the outbox, in the transaction of the
 * change: on provisioning, on every plan change and when a period closes.
 */
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
  enqueue(
    em,
    makeEvent(EventTypes.billingSubscriptionChanged, sub.tenantId, payload, SUBSCRIPTION_CHANGED_VERSION),
  );
}
