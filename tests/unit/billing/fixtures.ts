/** Billing test fixtures: a harness that records the subscription events billing publishes, and event builders. */
import { randomUUID } from 'node:crypto';
import { createBillingSubgraph } from '../../../subgraphs/billing';
import { makeEvent } from '../../../core/events/envelope';
import {
  EventTypes,
  HintCategory,
  type EventEnvelope,
  type HintDeliveredPayload,
  type SubscriptionChangedPayload,
} from '../../../core/vocabulary';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import type { DbKind } from '../../helpers/db';
import { eventually } from '../../helpers/eventually';

export interface BillingHarness extends SubgraphHarness {
  /** `billing.subscription.changed` events billing published (through its outbox), in order. */
  subscriptionEvents: EventEnvelope<SubscriptionChangedPayload>[];
  /** Waits for billing to publish one for the tenant whose payload matches (the relay runs after commit). */
  subscriptionEvent(
    tenantId: string,
    match: Partial<SubscriptionChangedPayload>,
  ): Promise<EventEnvelope<SubscriptionChangedPayload>>;
}

export async function startBilling(kind: DbKind, now?: () => Date): Promise<BillingHarness> {
  const module = createBillingSubgraph({ now, relayIntervalMs: 20 });
  const h = await startHarness(module, kind);
  const subscriptionEvents: EventEnvelope<SubscriptionChangedPayload>[] = [];
  await h.events.subscribe('test-capture', [EventTypes.billingSubscriptionChanged], async (e) => {
    subscriptionEvents.push(e as EventEnvelope<SubscriptionChangedPayload>);
  });
  return Object.assign(h, {
    subscriptionEvents,
    subscriptionEvent(tenantId: string, match: Partial<SubscriptionChangedPayload>) {
      const matches = (e: EventEnvelope<SubscriptionChangedPayload>) =>
        e.tenantId === tenantId &&
        Object.entries(match).every(([k, v]) => e.payload[k as keyof SubscriptionChangedPayload] === v);
      return eventually(() => subscriptionEvents.find(matches) ?? false, {
        what: `billing.subscription.changed for ${tenantId}`,
      });
    },
  });
}

export function hintEvent(
  tenantId: string,
  over: Partial<HintDeliveredPayload> = {},
  at: Date = new Date(),
): EventEnvelope<HintDeliveredPayload> {
  const e = makeEvent<HintDeliveredPayload>(EventTypes.coachingHintDelivered, tenantId, {
    hintId: randomUUID(),
    sessionId: randomUUID(),
    agentId: 'agent-1',
    locationId: 'loc-1',
    category: HintCategory.NEXT_STEP,
    model: 'offline',
    cached: false,
    fallback: false,
    latencyMs: 120,
    tokensIn: 300,
    tokensOut: 80,
    costMicros: 1_234,
    apiKeyId: null,
    partnerAppId: null,
    ...over,
  });
  e.at = at.toISOString();
  return e;
}

export function partnerAppEvent(
  tenantId: string,
  partnerAppId: string,
  name: string,
  revenueShareBps: number,
) {
  return makeEvent(EventTypes.tenantPartnerAppUpserted, tenantId, { partnerAppId, name, revenueShareBps });
}
