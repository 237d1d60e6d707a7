/**
 * Billing's event consumers (group `billing`): the usage ledger from `coaching.hint.delivered` and the
 * partner-app read model from `tenants.partner_app.upserted`. Idempotent on the event id (processed_event
 * + the ledger's unique event id); a hint of the current period is counted on the quota gate after its
 * ledger row committed, keyed by event id so that it counts once even when redelivered.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/db/request-scope';
import type { EventBus } from '../../core/events/event-bus';
import { consumeOnce, sqlEm } from '../../core/outbox';
import {
  EventTypes,
  type EventEnvelope,
  type HintDeliveredPayload,
  type PartnerAppUpsertedPayload,
} from '../../core/vocabulary';
import { PartnerApp } from './entities/partner-app';
import type { BillingRuntime } from './service/context';
import { recordUsage } from './service/ledger';
import { findSubscription } from './service/subscriptions';

export const BILLING_CONSUMER = 'billing';

function isHintDelivered(p: unknown): p is HintDeliveredPayload {
  const r = p as Partial<HintDeliveredPayload> | null;
  return (
    !!r && typeof r.hintId === 'string' && typeof r.tokensIn === 'number' && typeof r.costMicros === 'number'
  );
}

function isPartnerApp(p: unknown): p is PartnerAppUpsertedPayload {
  const r = p as Partial<PartnerAppUpsertedPayload> | null;
  return (
    !!r &&
    typeof r.partnerAppId === 'string' &&
    typeof r.name === 'string' &&
    Number.isInteger(r.revenueShareBps) &&
    r.revenueShareBps! >= 0 &&
    r.revenueShareBps! <= 10_000
  );
}

async function upsertPartnerApp(
  em: EntityManager,
  event: EventEnvelope<PartnerAppUpsertedPayload>,
): Promise<void> {
  const p = event.payload;
  await sqlEm(em)
    .createQueryBuilder(PartnerApp)
    .insert({
      id: p.partnerAppId,
      tenantId: event.tenantId,
      name: p.name,
      revenueShareBps: p.revenueShareBps,
      updatedAt: new Date(event.at),
    })
    .onConflict('id')
    .merge(['name', 'revenueShareBps', 'updatedAt'])
    .execute('run');
}

export interface BillingConsumerDeps {
  orm: Orm;
  events: EventBus;
  runtime: BillingRuntime;
}

export function billingEventHandler(deps: BillingConsumerDeps): (event: EventEnvelope) => Promise<void> {
  const { orm, runtime } = deps;
  return async (event) => {
    if (event.type === EventTypes.coachingHintDelivered) {
      if (!isHintDelivered(event.payload)) throw new Error(`malformed ${event.type} payload`);
      const e = event as EventEnvelope<HintDeliveredPayload>;
      let inPeriod = false;
      const inPeriodOf = async (em: EntityManager) => {
        const sub = await findSubscription(em, event.tenantId);
        const at = new Date(event.at);
        inPeriod = !!sub && at >= sub.currentPeriodStart && at < sub.currentPeriodEnd;
      };
      const fresh = await consumeOnce({
        orm,
        consumer: BILLING_CONSUMER,
        event,
        handle: async (em) => {
          if (await recordUsage(em, e)) await inPeriodOf(em);
        },
      });
      // A redelivery (the consumer died between commit and counting) is counted too: the counter is
      // keyed by event id, so an event is counted at most once either way.
      if (!fresh) await withTenantScope(orm, event.tenantId, inPeriodOf);
      if (inPeriod) await runtime.quota.consume(event.tenantId, 1, { idempotencyKey: event.id });
      return;
    }
    if (event.type === EventTypes.tenantPartnerAppUpserted) {
      if (!isPartnerApp(event.payload)) throw new Error(`malformed ${event.type} payload`);
      const e = event as EventEnvelope<PartnerAppUpsertedPayload>;
      await consumeOnce({ orm, consumer: BILLING_CONSUMER, event, handle: (em) => upsertPartnerApp(em, e) });
    }
  };
}

export async function subscribeBillingConsumers(deps: BillingConsumerDeps): Promise<void> {
  await deps.events.subscribe(
    BILLING_CONSUMER,
    [EventTypes.coachingHintDelivered, EventTypes.tenantPartnerAppUpserted],
    billingEventHandler(deps),
  );
}
