/**
 * Stands in for the agents subgraph in coaching-only tests: it answers `coaching.ghl_conversation.started`
 * the way agents does (subgraphs/agents/consumers/ghl-conversations.ts) — it opens a session with an id of
 * its own, or keeps the agent's open one with the contact — and publishes `agents.session.upserted`.
 */
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../../../core/events/event-bus';
import { makeEvent } from '../../../../core/events/envelope';
import {
  ConversationStage,
  EventTypes,
  type AgentSessionUpsertedPayload,
  type GhlConversationStartedPayload,
} from '../../../../core/vocabulary';

export interface AgentsStandIn {
  /** Sessions it opened, by conversation (`tenant agent location contact`). */
  opened: Map<string, string>;
  /** Conversation starts it received (redeliveries included). */
  received: GhlConversationStartedPayload[];
}

export async function standInForAgents(events: EventBus): Promise<AgentsStandIn> {
  const standIn: AgentsStandIn = { opened: new Map(), received: [] };
  await events.subscribe('test-agents-stand-in', [EventTypes.coachingGhlConversationStarted], async (e) => {
    const p = e.payload as GhlConversationStartedPayload;
    standIn.received.push(p);
    const key = [e.tenantId, p.agentId, p.locationId ?? '', p.contactId].join(' ');
    if (standIn.opened.has(key)) return;
    const sessionId = randomUUID();
    standIn.opened.set(key, sessionId);
    await events.publish(
      makeEvent<AgentSessionUpsertedPayload>(EventTypes.agentSessionUpserted, e.tenantId, {
        sessionId,
        agentId: p.agentId,
        locationId: p.locationId,
        contactId: p.contactId,
        stage: ConversationStage.INITIAL_CONTACT,
        active: true,
        ghlConversationId: p.ghlConversationId,
      }),
    );
  });
  return standIn;
}
