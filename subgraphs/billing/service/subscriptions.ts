/**
 * Subscriptions: lookup, the period's hint limit, and `billing.subscription.changed` — how every other
 * subgraph learns a tenant's plan and limit (coaching keeps its quota view from it).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox';
import type { QuotaPeriod } from '../../../core/quota';
import {
  EventTypes,
  SUBSCRIPTION_CHANGED_VERSION,
  type SubscriptionChangedPayload,
  SubscriptionStatus,
} from '../../../core/vocabulary';
import { Plan } from '../entities/plan';
import { PublishedLimit } from '../entities/published-limit';
import { Subscription } from '../entities/subscription';
import { lockForUpdate } from './context';

export async function findSubscription(
  em: EntityManager,
  tenantId: string,
  opts: { organizationId?: string; lock?: boolean } = {},
): Promise<Subscription | null> {
  const where = opts.organizationId ? { tenantId, organizationId: opts.organizationId } : { tenantId };
  return em.findOne(Subscription, where, opts.lock ? lockForUpdate<Subscription>(em) : {});
}

/** What the hint limit and `billing.subscription.changed` are made of (an entity, or a row read across tenants). */
export type SubscriptionFacts = Pick<
  Subscription,
  'tenantId' | 'organizationId' | 'planCode' | 'status' | 'seats' | 'currentPeriodStart' | 'currentPeriodEnd'
>;

/** The hint limit of the subscription's current period (0 once canceled). */
export function quotaLimitOf(sub: SubscriptionFacts, plan: Pick<Plan, 'hintLimit'>): QuotaPeriod {
  return {
    limit: sub.status === SubscriptionStatus.CANCELED ? 0 : plan.hintLimit,
    periodStart: sub.currentPeriodStart.toISOString(),
    periodEnd: sub.currentPeriodEnd.toISOString(),
  };
}

/** The payload of `billing.subscription.changed` for the subscription as it is now. */
export function subscriptionChangedPayload(
  sub: SubscriptionFacts,
  plan: Pick<Plan, 'hintLimit'>,
): SubscriptionChangedPayload {
  return {
    organizationId: sub.organizationId,
    planCode: sub.planCode,
    status: sub.status,
    seats: sub.seats,
    currentPeriodStart: sub.currentPeriodStart.toISOString(),
    currentPeriodEnd: sub.currentPeriodEnd.toISOString(),
    hintLimit: quotaLimitOf(sub, plan).limit,
  };
}

/** What PublishedLimit records of a payload: sha256 of its version and fields, in their fixed order. */
export function limitDigest(payload: SubscriptionChangedPayload): string {
  return createHash('sha256')
    .update(JSON.stringify([SUBSCRIPTION_CHANGED_VERSION, payload]))
    .digest('hex');
}

/**
 * Stages `billing.subscription.changed` in the outbox, in the transaction of the change: on provisioning,
 * on every plan change, when a period closes, and when billing republishes a limit it has no record of
 * (republish-limits.ts). Records what it staged (PublishedLimit) in the same transaction.
 */
export async function enqueueSubscriptionChanged(
  em: EntityManager,
  sub: Subscription,
  plan: Plan,
): Promise<void> {
  const payload = subscriptionChangedPayload(sub, plan);
  const event = enqueue(
    em,
    makeEvent(EventTypes.billingSubscriptionChanged, sub.tenantId, payload, SUBSCRIPTION_CHANGED_VERSION),
  );
  await em.upsert(PublishedLimit, {
    tenantId: sub.tenantId,
    digest: limitDigest(payload),
    eventId: event.id,
    stagedAt: new Date(event.at),
  });
}
