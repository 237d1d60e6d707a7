/**
 * The agents subgraph's event consumers (group `agents`): `agents.session.open.requested`, published by
 * coaching when a GoHighLevel message arrives for a contact without an open session. The session is
 * created with exactly the requested id (coaching already uses it), in the event's tenant scope (RLS on
 * PostgreSQL) and one transaction with the processed-event record and the staged
 * `agents.session.upserted`. Idempotent twice over: a redelivered event is skipped (`consumeOnce`), and a
 * session id that already exists is left alone.
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../core/db/orm';
import type { EventBus } from '../../core/events/event-bus';
import type { Logger } from '../../core/logger';
import { consumeOnce } from '../../core/outbox/consume-once';
import {
  ConversationStage,
  EventTypes,
  type EventEnvelope,
  type SessionOpenRequestedPayload,
} from '../../core/vocabulary';
import { Agent } from './entities/agent';
import { AgentSession } from './entities/agent-session';
import { SessionChannel } from './enums';
import { stageSessionsUpserted } from './service/events';
import { isUuid, parseContactId, parseEnum } from './service/validation';

export const AGENTS_CONSUMER = 'agents';

export interface AgentsConsumerDeps {
  orm: Orm;
  events: EventBus;
  logger: Logger;
}

/** A validated open request. */
export interface OpenRequest {
  sessionId: string;
  agentId: string;
  contactId: string;
  channel: SessionChannel;
  stage: ConversationStage;
}

/** The request in `payload`, or a reason it is unusable. */
export function parseOpenRequest(payload: unknown): OpenRequest | string {
  if (typeof payload !== 'object' || payload === null) return 'payload is not an object';
  const p = payload as Partial<Record<keyof SessionOpenRequestedPayload, unknown>>;
  if (typeof p.sessionId !== 'string' || !isUuid(p.sessionId)) return 'sessionId must be a UUID';
  if (typeof p.agentId !== 'string' || !isUuid(p.agentId)) return 'agentId must be a UUID';
  if (typeof p.contactId !== 'string') return 'contactId must be a string';
  if (typeof p.stage !== 'string') return 'stage must be a string';
  if (p.channel !== undefined && p.channel !== null && typeof p.channel !== 'string') {
    return 'channel must be a string';
  }
  try {
    return {
      sessionId: p.sessionId.toLowerCase(),
      agentId: p.agentId.toLowerCase(),
      contactId: parseContactId(p.contactId),
      channel: p.channel ? parseEnum(SessionChannel, p.channel, 'channel') : SessionChannel.SMS,
      stage: parseEnum(ConversationStage, p.stage, 'stage'),
    };
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid payload';
  }
}

function startedAtOf(event: EventEnvelope): Date {
  const at = new Date(event.at);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

export type OpenOutcome = 'created' | 'exists' | 'unknown-agent' | 'inactive-agent' | 'id-taken';

/**
 * Creates the requested session on `em` (the consumer's tenant-scoped transaction) and stages its
 * `agents.session.upserted`; the caller flushes.
 */
export async function openRequestedSession(
  em: EntityManager,
  event: EventEnvelope,
  req: OpenRequest,
): Promise<OpenOutcome> {
  if (await em.findOne(AgentSession, { id: req.sessionId })) return 'exists';
  const agent = await em.findOne(Agent, { id: req.agentId });
  if (!agent) return 'unknown-agent';
  // deactivating an agent ends its sessions; an inactive agent never has an open one
  if (!agent.active) return 'inactive-agent';
  const startedAt = startedAtOf(event);
  try {
    // a savepoint: an id held by another tenant (invisible here) must not abort the consumer's transaction
    await em.transactional(async (tx) => {
      const session = tx.create(AgentSession, {
        id: req.sessionId,
        tenantId: event.tenantId,
        agentId: agent.id,
        locationId: agent.locationId,
        contactId: req.contactId,
        channel: req.channel,
        stage: req.stage,
        context: {},
        startedAt,
        endedAt: null,
        updatedAt: new Date(),
      });
      stageSessionsUpserted(tx, [session]);
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) return 'id-taken';
    throw err;
  }
  return 'created';
}

export function agentsEventHandler(deps: AgentsConsumerDeps): (event: EventEnvelope) => Promise<void> {
  const { orm, logger } = deps;
  return async (event) => {
    if (event.type !== EventTypes.agentSessionOpenRequested) return;
    const log = logger.child({ eventId: event.id, type: event.type, tenantId: event.tenantId });
    const req = parseOpenRequest(event.payload);
    if (typeof req === 'string') {
      log.warn({ reason: req }, 'malformed session open request: ignored');
      return;
    }
    let outcome = 'exists' as OpenOutcome;
    const fresh = await consumeOnce({
      orm,
      consumer: AGENTS_CONSUMER,
      event,
      handle: async (em) => {
        outcome = await openRequestedSession(em, event, req);
      },
    });
    if (!fresh) return;
    const ctx = { sessionId: req.sessionId, agentId: req.agentId };
    if (outcome === 'unknown-agent') log.warn(ctx, 'session open request for an unknown agent: skipped');
    else if (outcome === 'inactive-agent')
      log.warn(ctx, 'session open request for an inactive agent: skipped');
    else if (outcome === 'id-taken')
      log.warn(ctx, 'session open request: id used in another tenant: skipped');
    else if (outcome === 'created') log.info(ctx, 'session opened from a GoHighLevel message');
  };
}

export async function subscribeAgentsConsumers(deps: AgentsConsumerDeps): Promise<void> {
  await deps.events.subscribe(
    AGENTS_CONSUMER,
    [EventTypes.agentSessionOpenRequested],
    agentsEventHandler(deps),
  );
}
