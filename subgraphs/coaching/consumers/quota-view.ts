/**
 * The `coaching-quota` consumer group: keeps coaching's quota view (QuotaView) from billing's
 * `billing.subscription.changed` — the tenant's hint limit and period, on provisioning, on every plan change
 * and when a period closes. Applied once per event (processed_event, in the event's tenant scope); a late,
 * older event never overwrites a newer limit. After the commit it wakes the requests of the tenant that
 * wait for their quota to change (service/quota.ts).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import type { Arrivals } from '../../../core/events/arrivals';
import type { EventHandler } from '../../../core/events/event-bus';
import { consumeOnce, sqlEm } from '../../../core/outbox';
import {
  EventTypes,
  SUBSCRIPTION_CHANGED_VERSION,
  type EventEnvelope,
  type EventType,
} from '../../../core/vocabulary';
import { QuotaView } from '../entities';
import { quotaArrival } from '../service/quota';

/** The group name is also the idempotency key in processed_event: never rename it. */
export const COACHING_QUOTA_CONSUMER = 'coaching-quota';

export const QUOTA_VIEW_EVENTS: EventType[] = [EventTypes.billingSubscriptionChanged];

export class InvalidQuotaEventError extends Error {}

interface QuotaFacts {
  hintLimit: number;
  periodStart: Date;
  periodEnd: Date;
}

function date(v: unknown, field: string): Date {
  const d = typeof v === 'string' ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new InvalidQuotaEventError(`${field} must be an ISO date`);
  return d;
}

/** What coaching needs of a version-1 payload (other fields are billing's business). */
export function parseQuotaFacts(event: EventEnvelope): QuotaFacts {
  if (event.version > SUBSCRIPTION_CHANGED_VERSION)
    throw new InvalidQuotaEventError(`unknown payload version ${event.version}`);
  const p = event.payload as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null) throw new InvalidQuotaEventError('payload must be an object');
  const hintLimit = p['hintLimit'];
  if (typeof hintLimit !== 'number' || !Number.isSafeInteger(hintLimit) || hintLimit < 0)
    throw new InvalidQuotaEventError('hintLimit must be a non-negative integer');
  const periodStart = date(p['currentPeriodStart'], 'currentPeriodStart');
  const periodEnd = date(p['currentPeriodEnd'], 'currentPeriodEnd');
  if (periodEnd <= periodStart) throw new InvalidQuotaEventError('the period must end after it starts');
  return { hintLimit, periodStart, periodEnd };
}

/**
 * One statement, so deliveries of one tenant handled at the same moment neither collide on the view's key
 * (two inserts) nor let an older limit overwrite a newer one (two read-then-writes): insert, or update only
 * when this event is not older than the row's.
 */
async function applyQuota(em: EntityManager, event: EventEnvelope, facts: QuotaFacts): Promise<void> {
  const eventAt = new Date(event.at);
  await sqlEm(em)
    .createQueryBuilder(QuotaView)
    .insert({ ...facts, tenantId: event.tenantId, eventAt })
    .onConflict('tenantId')
    .merge(['hintLimit', 'periodStart', 'periodEnd', 'eventAt'])
    .where({ eventAt: { $lte: eventAt } })
    .execute();
}

/** The handler: idempotent, malformed events recorded as processed and reported (retrying cannot fix them). */
export function quotaViewConsumer(
  orm: Orm,
  arrivals: Arrivals,
  onInvalid: (event: EventEnvelope, err: unknown) => void,
): EventHandler {
  return async (event) => {
    let facts: QuotaFacts;
    try {
      if (!event.tenantId || Number.isNaN(new Date(event.at).getTime()))
        throw new InvalidQuotaEventError('event without a valid time or tenant');
      facts = parseQuotaFacts(event);
    } catch (err) {
      onInvalid(event, err);
      return;
    }
    await consumeOnce({
      orm,
      consumer: COACHING_QUOTA_CONSUMER,
      event,
      handle: (em) => applyQuota(em, event, facts),
    });
    arrivals.notify(quotaArrival(event.tenantId));
  };
}
