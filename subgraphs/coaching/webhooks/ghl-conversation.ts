/**
 * A GoHighLevel message for an agent and a contact with no open session: the session is the agents
 * subgraph's to create (it owns sessions and their ids). Coaching states its own fact instead —
 * `coaching.ghl_conversation.started` — and processes the message once its read model has the session
 * agents opened (`agents.session.upserted`). The delivery stays PENDING meanwhile (ghl-inbox.ts), its
 * effects so far (the event) committed; it is woken the moment the session arrives (ghl-inbox-runner.ts)
 * and re-checked with a growing delay otherwise, up to `sessionWaitSeconds`.
 *
 * Exactly once: the event's id derives from the tenant and the delivery, and it is staged only when the
 * outbox does not hold it already, so a delivery re-checked many times states its fact once (and a
 * re-staged copy after the outbox was pruned carries the same id, which consumers skip).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import type { ArrivalKey } from '../../../core/events/arrivals';
import { enqueue, OutboxEvent } from '../../../core/outbox';
import { EventTypes, type GhlConversationStartedPayload } from '../../../core/vocabulary';
import { SessionView, type AgentProfile } from '../entities';
import { conversationArrival } from '../service/read-model-arrivals';

/** Who a conversation is between, as sessions record it: the agent (at its location) and the contact. */
export interface ConversationRef {
  tenantId: string;
  agentId: string;
  locationId: string | null;
  contactId: string;
}

export function conversationOf(agent: AgentProfile, contactId: string): ConversationRef {
  return { tenantId: agent.tenantId, agentId: agent.agentId, locationId: agent.locationId, contactId };
}

export function conversationKey(ref: ConversationRef): ArrivalKey {
  return conversationArrival(ref.tenantId, ref.agentId, ref.locationId, ref.contactId);
}

/** The agent's newest open session with the contact at the agent's location (what agents keeps open). */
export function findConversationSession(
  em: EntityManager,
  ref: ConversationRef,
): Promise<SessionView | null> {
  return em.findOne(
    SessionView,
    { agentId: ref.agentId, locationId: ref.locationId, contactId: ref.contactId, active: true },
    { orderBy: { eventAt: 'desc', sessionId: 'desc' } },
  );
}

/** A UUID-shaped id derived from `seed` (same seed, same id). */
export function derivedEventId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ConversationStart {
  ref: ConversationRef;
  ghlLocationId: string;
  ghlConversationId: string | null;
  webhookId: string;
  messageId: string | null;
}

/** Stages `coaching.ghl_conversation.started` for the delivery unless it was staged before; em's tx flushes. */
export async function stateConversationStarted(
  em: EntityManager,
  start: ConversationStart,
): Promise<boolean> {
  const { ref } = start;
  const id = derivedEventId(
    `${EventTypes.coachingGhlConversationStarted}\u0000${ref.tenantId}\u0000${start.webhookId}`,
  );
  if ((await em.count(OutboxEvent, { eventId: id }, { filters: false })) > 0) return false;
  const payload: GhlConversationStartedPayload = {
    ghlConversationId: start.ghlConversationId,
    ghlLocationId: start.ghlLocationId,
    locationId: ref.locationId,
    agentId: ref.agentId,
    contactId: ref.contactId,
    webhookId: start.webhookId,
    messageId: start.messageId,
  };
  enqueue(em, { ...makeEvent(EventTypes.coachingGhlConversationStarted, ref.tenantId, payload), id });
  await em.flush();
  return true;
}
