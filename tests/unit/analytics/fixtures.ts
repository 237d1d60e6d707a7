/** Analytics test fixtures: event builders with explicit times. */
import { randomUUID } from 'node:crypto';
import { makeEvent } from '../../../core/events/envelope';
import {
  ConversationStage,
  EventTypes,
  HintCategory,
  type EventEnvelope,
  type EventType,
  type HintDeliveredPayload,
} from '../../../core/vocabulary';

export function at<T>(event: EventEnvelope<T>, when: Date): EventEnvelope<T> {
  event.at = when.toISOString();
  return event;
}

function ev<T>(type: EventType, tenantId: string, payload: T, when: Date): EventEnvelope<T> {
  return at(makeEvent(type, tenantId, payload), when);
}

export function delivered(
  tenantId: string,
  when: Date,
  p: Partial<HintDeliveredPayload> & Pick<HintDeliveredPayload, 'agentId' | 'sessionId' | 'locationId'>,
): EventEnvelope<HintDeliveredPayload> {
  return ev(
    EventTypes.coachingHintDelivered,
    tenantId,
    {
      hintId: randomUUID(),
      category: HintCategory.NEXT_STEP,
      model: 'offline',
      cached: false,
      fallback: false,
      latencyMs: 100,
      tokensIn: 100,
      tokensOut: 50,
      costMicros: 1_000,
      apiKeyId: null,
      ...p,
    },
    when,
  );
}

export function feedback(
  tenantId: string,
  when: Date,
  hint: HintDeliveredPayload,
  verdict: 'ACCEPTED' | 'DISMISSED',
) {
  return ev(
    EventTypes.coachingHintFeedback,
    tenantId,
    { hintId: hint.hintId, sessionId: hint.sessionId, agentId: hint.agentId, verdict },
    when,
  );
}

export function session(
  tenantId: string,
  when: Date,
  sessionId: string,
  agentId: string,
  locationId: string | null,
  contactId: string,
) {
  return ev(
    EventTypes.agentSessionUpserted,
    tenantId,
    { sessionId, agentId, locationId, contactId, stage: ConversationStage.QUALIFICATION, active: true },
    when,
  );
}

export function qualification(
  tenantId: string,
  when: Date,
  sessionId: string,
  agentId: string,
  locationId: string | null,
  score: number,
) {
  return ev(
    EventTypes.coachingQualificationUpdated,
    tenantId,
    { sessionId, agentId, locationId, score },
    when,
  );
}

export function opportunity(
  tenantId: string,
  when: Date,
  opportunityId: string,
  contactId: string,
  locationId: string,
  status: string,
) {
  return ev(
    EventTypes.ghlOpportunityStatus,
    tenantId,
    { opportunityId, contactId, locationId, status, monetaryValue: null },
    when,
  );
}
