/**
 * The `coaching-learning` consumer group: feeds the coaching bandit (learning/) from the agent's verdicts
 * (`coaching.hint.feedback`) and the deals' outcomes (`coaching.ghl_opportunity.status_changed`). Applied once
 * per event (processed_event, in the event's tenant scope and one transaction with the arm's increment), so a
 * redelivered event never counts twice. The lead's replies and stage advances are learned where the turn is
 * recorded (service/turns.ts), in the turn's own transaction.
 */
import type { Orm } from '../../../core/db/orm';
import type { EventHandler } from '../../../core/events/event-bus';
import { consumeOnce } from '../../../core/outbox';
import {
  EventTypes,
  type EventEnvelope,
  type EventType,
  type HintFeedbackPayload,
  type OpportunityStatusPayload,
} from '../../../core/vocabulary';
import { learnFromFeedback, learnFromOpportunity } from '../learning/outcomes';

/** The group name is also the idempotency key in processed_event: never rename it. */
export const COACHING_LEARNING_CONSUMER = 'coaching-learning';

export const LEARNING_EVENTS: EventType[] = [
  EventTypes.coachingHintFeedback,
  EventTypes.ghlOpportunityStatus,
];

function valid(event: EventEnvelope): boolean {
  const p = event.payload as Record<string, unknown> | null;
  if (!event.tenantId || typeof p !== 'object' || p === null) return false;
  if (Number.isNaN(new Date(event.at).getTime())) return false;
  if (event.type === EventTypes.coachingHintFeedback)
    return typeof p['hintId'] === 'string' && (p['verdict'] === 'ACCEPTED' || p['verdict'] === 'DISMISSED');
  return typeof p['contactId'] === 'string' && typeof p['status'] === 'string';
}

export function learningConsumer(
  orm: Orm,
  onInvalid: (event: EventEnvelope, err: unknown) => void,
): EventHandler {
  return async (event) => {
    if (!valid(event)) {
      onInvalid(event, new Error('malformed learning event'));
      return;
    }
    await consumeOnce({
      orm,
      consumer: COACHING_LEARNING_CONSUMER,
      event,
      handle: (em) =>
        event.type === EventTypes.coachingHintFeedback
          ? learnFromFeedback(em, event as EventEnvelope<HintFeedbackPayload>)
          : learnFromOpportunity(em, event as EventEnvelope<OpportunityStatusPayload>),
    });
  };
}
