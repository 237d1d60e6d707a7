/**
 * Agent sessions: get (batched), start, update, end. Each write and its `agents.session.upserted`
 * event (outbox) commit together.
 */
import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../core/errors';
import { loaderFor } from '../../../core/request-context';
import { AgentSession } from '../entities/agent-session';
import { requireRead, requireSessionWrite } from './access';
import { agentLoader } from './agent-service';
import { writeUnit, type AgentsContext } from './context';
import { stageSessionsUpserted } from './events';
import { loadSessionsByIds } from './session-query';
import { parseContactId, parseContext, parseEnum } from './validation';
import * as check from '../../../core/validation';
import { ConversationStage, SessionChannel } from '../../../core/vocabulary';

export interface StartSessionInput {
  agentId: string;
  contactId: string;
  channel: SessionChannel | string;
  stage?: ConversationStage | string | null;
  context?: unknown;
}

export interface UpdateSessionInput {
  stage?: ConversationStage | string | null;
  /** Replaces the whole context. */
  context?: unknown;
}

/** The request's one AgentSession loader: visible sessions by id, one `in (...)` query per batch. */
export function sessionLoader(ctx: AgentsContext): DataLoader<string, AgentSession | null> {
  return loaderFor<string, AgentSession | null>(ctx, 'agents.AgentSession', (ids) =>
    loadSessionsByIds(ctx, ids),
  );
}

/** Federation reference: null when missing or not visible. */
export async function resolveSessionReference(ctx: AgentsContext, id: unknown): Promise<AgentSession | null> {
  requireRead(ctx.principal);
  if (typeof id !== 'string') return null;
  return sessionLoader(ctx).load(id);
}

export async function getSession(ctx: AgentsContext, id: string): Promise<AgentSession> {
  requireRead(ctx.principal);
  const sessionId = check.uuid('id', id);
  const session = await sessionLoader(ctx).load(sessionId);
  if (!session) throw new NotFoundError('AgentSession', sessionId);
  return session;
}

export async function startSession(ctx: AgentsContext, input: StartSessionInput): Promise<AgentSession> {
  requireSessionWrite(ctx.principal);
  const agentId = check.uuid('agentId', input.agentId);
  const contactId = parseContactId(input.contactId);
  const channel = parseEnum(SessionChannel, input.channel, 'channel');
  const stage =
    input.stage == null
      ? ConversationStage.INITIAL_CONTACT
      : parseEnum(ConversationStage, input.stage, 'stage');
  const context = input.context == null ? {} : parseContext(input.context);
  const agent = await agentLoader(ctx).load(agentId);
  if (!agent) throw new NotFoundError('Agent', agentId);
  if (!agent.active) throw new BadUserInputError('agentId', 'agent is inactive');
  const session = await writeUnit(ctx, (em) => {
    const now = new Date();
    const created = em.create(AgentSession, {
      id: randomUUID(),
      tenantId: ctx.principal.tenantId,
      agentId: agent.id,
      locationId: agent.locationId,
      contactId,
      channel,
      stage,
      context,
      startedAt: now,
      endedAt: null,
      updatedAt: now,
    });
    stageSessionsUpserted(em, [created]);
    return created;
  });
  sessionLoader(ctx).clear(session.id).prime(session.id, session);
  return session;
}

async function loadVisibleSession(ctx: AgentsContext, sessionId: string): Promise<AgentSession> {
  const session = await sessionLoader(ctx).load(sessionId);
  if (!session) throw new NotFoundError('AgentSession', sessionId);
  return session;
}

export async function updateSession(
  ctx: AgentsContext,
  id: string,
  input: UpdateSessionInput,
): Promise<AgentSession> {
  requireSessionWrite(ctx.principal);
  const sessionId = check.uuid('id', id);
  const stage = input.stage == null ? undefined : parseEnum(ConversationStage, input.stage, 'stage');
  const context = input.context == null ? undefined : parseContext(input.context);
  const session = await loadVisibleSession(ctx, sessionId);
  if (!session.active) throw new ConflictError('session has ended', { field: 'id' });
  const stageChanged = stage !== undefined && stage !== session.stage;
  const contextChanged = context !== undefined && JSON.stringify(context) !== JSON.stringify(session.context);
  if (!stageChanged && !contextChanged) return session;
  await writeUnit(ctx, (em) => {
    if (stage !== undefined) session.stage = stage;
    if (context !== undefined) session.context = context;
    session.updatedAt = new Date();
    stageSessionsUpserted(em, [session]);
  });
  return session;
}

/** Idempotent: ending an ended session returns it unchanged. */
export async function endSession(ctx: AgentsContext, id: string): Promise<AgentSession> {
  requireSessionWrite(ctx.principal);
  const session = await loadVisibleSession(ctx, check.uuid('id', id));
  if (!session.active) return session;
  await writeUnit(ctx, (em) => {
    const now = new Date();
    session.endedAt = now;
    session.updatedAt = now;
    stageSessionsUpserted(em, [session]);
  });
  return session;
}
