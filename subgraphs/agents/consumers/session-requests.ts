/**
 * The `agents` consumer group (session requests): `coaching.ghl_conversation.started`, coaching's fact that a GoHighLevel
 * message arrived for an agent and a contact with no open session. Agents owns sessions, so it opens one
 * with an id of its own — or keeps the agent's open session with the contact at the agent's location, the
 * one coaching looks for — and stages `agents.session.upserted` carrying the GHL conversation id; coaching
 * processes the message once its read model has the session.
 *
 * Exactly one session per conversation: the agent's row is locked (PostgreSQL `FOR UPDATE`; SQLite runs one
 * write transaction at a time) before looking for an open session, so two events about one conversation in
 * flight together (two instances) open one session. A redelivered event is skipped (`consumeOnce`).
 */
import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { isPostgres } from '../../../core/db/request-scope';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import {
  ConversationStage,
  type EventEnvelope,
  EventTypes,
  type GhlConversationStartedPayload,
  SessionChannel,
} from '../../../core/vocabulary';
import { Agent } from '../entities/agent';
import { AgentSession } from '../entities/agent-session';
import { stageSessionsUpserted } from '../service/events';
import { isUuid, parseContactId, parseEnum } from '../service/validation';

export const AGENTS_CONSUMER = 'agents';

export interface GhlConversationConsumerDeps {
  orm: Orm;
  logger: Logger;
}

/** A validated conversation start. */
export interface ConversationStart {
  agentId: string;
  contactId: string;
  channel: SessionChannel;
  ghlConversationId: string | null;
}

/** The conversation start in `payload`, or a reason it is unusable. */
export function parseConversationStart(payload: unknown): ConversationStart | string {
  if (typeof payload !== 'object' || payload === null) return 'payload is not an object';
  const p = payload as Partial<Record<keyof GhlConversationStartedPayload, unknown>>;
  if (typeof p.agentId !== 'string' || !isUuid(p.agentId)) return 'agentId must be a UUID';
  if (typeof p.contactId !== 'string') return 'contactId must be a string';
  if (p.channel !== undefined && p.channel !== null && typeof p.channel !== 'string') {
    return 'channel must be a string';
  }
  const conv = p.ghlConversationId;
  if (conv !== undefined && conv !== null && (typeof conv !== 'string' || conv.length > 100)) {
    return 'ghlConversationId must be a string of at most 100 characters';
  }
  try {
    return {
      agentId: p.agentId.toLowerCase(),
      contactId: parseContactId(p.contactId),
      channel: p.channel ? parseEnum(SessionChannel, p.channel, 'channel') : SessionChannel.SMS,
      ghlConversationId: conv || null,
    };
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid payload';
  }
}

function startedAtOf(event: EventEnvelope): Date {
  const at = new Date(event.at);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

export type OpenOutcome = 'created' | 'exists' | 'unknown-agent' | 'inactive-agent';
export interface OpenResult {
  outcome: OpenOutcome;
  sessionId?: string;
}

/**
 * Opens the conversation's session on `em` (the consumer's tenant-scoped transaction) and stages its
 * `agents.session.upserted`, unless the agent has an open session with the contact; the caller flushes.
 */
export async function openConversationSession(
  em: EntityManager,
  orm: Orm,
  event: EventEnvelope,
  start: ConversationStart,
): Promise<OpenResult> {
  const lockMode = isPostgres(orm) ? LockMode.PESSIMISTIC_WRITE : undefined;
  const agent = await em.findOne(Agent, { id: start.agentId }, { lockMode });
  if (!agent) return { outcome: 'unknown-agent' };
  // deactivating an agent ends its sessions; an inactive agent never has an open one
  if (!agent.active) return { outcome: 'inactive-agent' };
  const open = await em.findOne(
    AgentSession,
    { agentId: agent.id, contactId: start.contactId, locationId: agent.locationId, endedAt: null },
    { orderBy: { startedAt: 'desc', id: 'desc' } },
  );
  if (open) return { outcome: 'exists', sessionId: open.id };
  const session = em.create(AgentSession, {
    id: randomUUID(),
    tenantId: event.tenantId,
    agentId: agent.id,
    locationId: agent.locationId,
    contactId: start.contactId,
    channel: start.channel,
    stage: ConversationStage.INITIAL_CONTACT,
    ghlConversationId: start.ghlConversationId,
    context: {},
    startedAt: startedAtOf(event),
    endedAt: null,
    updatedAt: new Date(),
  });
  stageSessionsUpserted(em, [session]);
  return { outcome: 'created', sessionId: session.id };
}

export function ghlConversationHandler(
  deps: GhlConversationConsumerDeps,
): (event: EventEnvelope) => Promise<void> {
  const { orm, logger } = deps;
  return async (event) => {
    if (event.type !== EventTypes.coachingGhlConversationStarted) return;
    const log = logger.child({ eventId: event.id, type: event.type, tenantId: event.tenantId });
    const start = parseConversationStart(event.payload);
    if (typeof start === 'string') {
      log.warn({ reason: start }, 'malformed GHL conversation start: ignored');
      return;
    }
    let result: OpenResult = { outcome: 'exists' };
    const fresh = await consumeOnce({
      orm,
      consumer: AGENTS_CONSUMER,
      event,
      handle: async (em) => {
        result = await openConversationSession(em, orm, event, start);
      },
    });
    if (!fresh) return;
    const ctx = { agentId: start.agentId, sessionId: result.sessionId };
    if (result.outcome === 'unknown-agent') log.warn(ctx, 'GHL conversation of an unknown agent: no session');
    else if (result.outcome === 'inactive-agent')
      log.warn(ctx, 'GHL conversation of an inactive agent: no session');
    else if (result.outcome === 'created') log.info(ctx, 'session opened for a GoHighLevel conversation');
  };
}
