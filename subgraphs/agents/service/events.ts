/**
 * Events this subgraph produces. They are staged in the transactional outbox (`enqueue`) on the
 * EntityManager of the write, so they are committed with it — never for a rolled-back write — and the
 * outbox relay started by the module publishes them afterwards.
 */
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox/enqueue';
import {
  EventTypes,
  type AgentSessionUpsertedPayload,
  type AgentUpsertedPayload,
} from '../../../core/vocabulary';
import type { Agent } from '../entities/agent';
import type { AgentSession } from '../entities/agent-session';

export function agentUpsertedPayload(agent: Agent): AgentUpsertedPayload {
  return {
    agentId: agent.id,
    locationId: agent.locationId,
    name: agent.name,
    role: agent.role,
    experience: agent.experience,
    specializations: [...agent.specializations],
    tags: [...agent.tags],
    active: agent.active,
    ghlUserId: agent.ghlUserId,
  };
}

export function sessionUpsertedPayload(session: AgentSession): AgentSessionUpsertedPayload {
  return {
    sessionId: session.id,
    agentId: session.agentId,
    locationId: session.locationId,
    contactId: session.contactId,
    stage: session.stage,
    active: session.active,
    // only for a session opened for a GoHighLevel conversation
    ...(session.ghlConversationId ? { ghlConversationId: session.ghlConversationId } : {}),
  };
}

/** Stages `agents.agent.upserted` for each agent, with its state as of now (call after the change). */
export function stageAgentsUpserted(em: EntityManager, agents: readonly Agent[]): void {
  for (const a of agents)
    enqueue(em, makeEvent(EventTypes.agentUpserted, a.tenantId, agentUpsertedPayload(a)));
}

/** Stages `agents.session.upserted` for each session, with its state as of now. */
export function stageSessionsUpserted(em: EntityManager, sessions: readonly AgentSession[]): void {
  for (const s of sessions) {
    enqueue(em, makeEvent(EventTypes.agentSessionUpserted, s.tenantId, sessionUpsertedPayload(s)));
  }
}
