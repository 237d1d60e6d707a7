/**
 * Analytics' projections consumer (group `analytics`): every event is applied once (processed_event) in its
 * tenant's scope and one transaction. Malformed payloads throw (retried, then dead-lettered by the bus).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { consumeOnce } from '../../../core/outbox';
import { EventTypes, type EventEnvelope, type EventType } from '../../../core/vocabulary';
import { onHintDelivered, onHintFeedback, onQualificationUpdated } from '../projections/coaching';
import { onInvoiceIssued, onOpportunityStatus, onSessionUpserted } from '../projections/outcomes';

export const ANALYTICS_CONSUMER = 'analytics';

type Apply = (em: EntityManager, event: EventEnvelope<never>) => Promise<void>;

const str = (v: unknown) => typeof v === 'string' && v.length > 0;
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const strOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';

const PROJECTIONS: Partial<
  Record<EventType, { valid: (p: Record<string, unknown>) => boolean; apply: Apply }>
> = {
  [EventTypes.coachingHintDelivered]: {
    valid: (p) =>
      str(p['hintId']) &&
      str(p['agentId']) &&
      num(p['latencyMs']) &&
      num(p['costMicros']) &&
      strOrNull(p['locationId']),
    apply: onHintDelivered as Apply,
  },
  [EventTypes.coachingHintFeedback]: {
    valid: (p) =>
      str(p['hintId']) && str(p['agentId']) && (p['verdict'] === 'ACCEPTED' || p['verdict'] === 'DISMISSED'),
    apply: onHintFeedback as Apply,
  },
  [EventTypes.coachingQualificationUpdated]: {
    valid: (p) => str(p['sessionId']) && str(p['agentId']) && num(p['score']) && strOrNull(p['locationId']),
    apply: onQualificationUpdated as Apply,
  },
  [EventTypes.agentSessionUpserted]: {
    valid: (p) => str(p['sessionId']) && str(p['agentId']) && str(p['contactId']),
    apply: onSessionUpserted as Apply,
  },
  [EventTypes.ghlOpportunityStatus]: {
    valid: (p) => str(p['opportunityId']) && str(p['contactId']) && str(p['status']),
    apply: onOpportunityStatus as Apply,
  },
  [EventTypes.billingInvoiceIssued]: {
    valid: (p) => str(p['invoiceId']) && str(p['periodEnd']) && num(p['totalCents']),
    apply: onInvoiceIssued as Apply,
  },
};

export const ANALYTICS_EVENT_TYPES = Object.keys(PROJECTIONS) as EventType[];

export function analyticsEventHandler(orm: Orm): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    const projection = PROJECTIONS[event.type];
    if (!projection) return;
    const payload = event.payload as Record<string, unknown> | null;
    if (!payload || typeof payload !== 'object' || !projection.valid(payload)) {
      throw new Error(`malformed ${event.type} payload`);
    }
    await consumeOnce({
      orm,
      consumer: ANALYTICS_CONSUMER,
      event,
      handle: (em, e) => projection.apply(em, e as EventEnvelope<never>),
    });
  };
}
