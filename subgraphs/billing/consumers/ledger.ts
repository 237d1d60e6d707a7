/**
 * The `billing` consumer group: the usage ledger from `coaching.hint.delivered` and the
 * partner-app read model from `tenants.partner_app.upserted`. Idempotent on the event id (processed_event
 * + the ledger's unique event id). The ledger is what invoices are made of; the hint quota is enforced by
 * coaching on its own count (billing only publishes the limits, `billing.subscription.changed`).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import type { EventBus } from '../../../core/events/event-bus';
import { consumeOnce, sqlEm } from '../../../core/outbox';
import {
  EventTypes,
  type EventEnvelope,
  type HintDeliveredPayload,
  type PartnerAppUpsertedPayload,
} from '../../../core/vocabulary';
import { PartnerApp } from '../entities/partner-app';
import type { BillingRuntime } from '../service/context';
import { recordUsage } from '../service/ledger';

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
  const { orm } = deps;
  return async (event) => {
    if (event.type === EventTypes.coachingHintDelivered) {
      if (!isHintDelivered(event.payload)) throw new Error(`malformed ${event.type} payload`);
      const e = event as EventEnvelope<HintDeliveredPayload>;
      await consumeOnce({
        orm,
        consumer: BILLING_CONSUMER,
        event,
        handle: async (em) => {
          await recordUsage(em, e);
        },
      });
      return;
    }
    if (event.type === EventTypes.tenantPartnerAppUpserted) {
      if (!isPartnerApp(event.payload)) throw new Error(`malformed ${event.type} payload`);
      const e = event as EventEnvelope<PartnerAppUpsertedPayload>;
      await consumeOnce({ orm, consumer: BILLING_CONSUMER, event, handle: (em) => upsertPartnerApp(em, e) });
    }
  };
}
