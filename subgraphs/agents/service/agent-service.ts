/**
 * Agent profiles: get (batched), create, update, deactivate. Each write and its
 * `agents.agent.upserted` event (outbox) commit together.
 */
import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { LocationReadModel } from '../runtime';
import { ConflictError, NotFoundError } from '../../../core/errors';
import { loaderFor } from '../../../core/request-context';
import { Agent } from '../entities/agent';
import { AgentSession } from '../entities/agent-session';
import { assertCanWriteLocation, requireProfileWrite, requireRead } from './access';
import {
  parseCreateAgent,
  parseUpdateAgent,
  type CreateAgentInput,
  type UpdateAgentInput,
} from './agent-input';
import { loadAgentsByIds } from './agent-query';
import { assertTenantLocation, NO_LOCATION_WAIT } from './known-locations';
import { writeUnit, type AgentsContext } from './context';
import { stageAgentsUpserted, stageSessionsUpserted } from './events';
import * as check from '../../../core/validation';

/** The request's one Agent loader: visible agents by id, one `in (...)` query per batch. */
export function agentLoader(ctx: AgentsContext): DataLoader<string, Agent | null> {
  return loaderFor<string, Agent | null>(ctx, 'agents.Agent', (ids) => loadAgentsByIds(ctx, ids));
}

/** Federation reference: null when missing or not visible. */
export async function resolveAgentReference(ctx: AgentsContext, id: unknown): Promise<Agent | null> {
  requireRead(ctx.principal);
  if (typeof id !== 'string') return null;
  return agentLoader(ctx).load(id);
}

export async function getAgent(ctx: AgentsContext, id: string): Promise<Agent> {
  requireRead(ctx.principal);
  const agentId = check.uuid('id', id);
  const agent = await agentLoader(ctx).load(agentId);
  if (!agent) throw new NotFoundError('Agent', agentId);
  return agent;
}

const ghlUserIdTaken = () =>
  new ConflictError('ghlUserId is already used by another agent', { field: 'ghlUserId' });

/**
 * CONFLICT when another agent of the tenant — visible to the caller or not — has this GoHighLevel user
 * id. The unique index catches a concurrent write that slips past this check (same answer).
 */
async function assertGhlUserIdFree(
  em: EntityManager,
  tenantId: string,
  ghlUserId: string | null,
  agentId: string,
): Promise<void> {
  if (ghlUserId === null) return;
  const taken = await em.count(Agent, { tenantId, ghlUserId, id: { $ne: agentId } });
  if (taken > 0) throw ghlUserIdTaken();
}

/**
 * `locations` waits (bounded) for a location the read model has not seen yet (READ_MODEL_BEHIND while its
 * events are delayed); without it the location is looked up once. Either way only the caller's own tenant's locations are accepted.
 */
export async function createAgent(
  ctx: AgentsContext,
  input: CreateAgentInput,
  locations: LocationReadModel = NO_LOCATION_WAIT,
): Promise<Agent> {
  requireProfileWrite(ctx.principal);
  const data = parseCreateAgent(input);
  assertCanWriteLocation(ctx.principal, data.locationId);
  if (data.locationId !== null) await assertTenantLocation(ctx, locations, data.locationId);
  const id = randomUUID();
  const tenantId = ctx.principal.tenantId;
  const agent = await writeUnit(
    ctx,
    async (em) => {
      await assertGhlUserIdFree(em, tenantId, data.ghlUserId, id);
      const now = new Date();
      const created = em.create(Agent, {
        ...data,
        id,
        tenantId,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      stageAgentsUpserted(em, [created]);
      return created;
    },
    ghlUserIdTaken,
  );
  agentLoader(ctx).clear(agent.id).prime(agent.id, agent);
  return agent;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export async function updateAgent(
  ctx: AgentsContext,
  id: string,
  input: UpdateAgentInput,
  locations: LocationReadModel = NO_LOCATION_WAIT,
): Promise<Agent> {
  requireProfileWrite(ctx.principal);
  const agentId = check.uuid('id', id);
  const patch = parseUpdateAgent(input);
  const agent = await agentLoader(ctx).load(agentId);
  if (!agent) throw new NotFoundError('Agent', agentId);
  assertCanWriteLocation(ctx.principal, agent.locationId, 'id');
  if (patch.locationId !== undefined && patch.locationId !== agent.locationId) {
    assertCanWriteLocation(ctx.principal, patch.locationId);
    if (patch.locationId !== null) await assertTenantLocation(ctx, locations, patch.locationId);
  }
  const changes: Partial<Agent> = {};
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
    const next = patch[key];
    const prev = agent[key];
    const same = Array.isArray(next) && Array.isArray(prev) ? sameList(next, prev) : next === prev;
    if (!same) Object.assign(changes, { [key]: next });
  }
  if (Object.keys(changes).length === 0) return agent;
  await writeUnit(
    ctx,
    async (em) => {
      if (changes.ghlUserId !== undefined) {
        await assertGhlUserIdFree(em, agent.tenantId, changes.ghlUserId, agent.id);
      }
      Object.assign(agent, changes, { updatedAt: new Date() });
      stageAgentsUpserted(em, [agent]);
    },
    ghlUserIdTaken,
  );
  return agent;
}

/** Idempotent. Also ends the agent's open sessions. */
export async function deactivateAgent(ctx: AgentsContext, id: string): Promise<Agent> {
  requireProfileWrite(ctx.principal);
  const agentId = check.uuid('id', id);
  const agent = await agentLoader(ctx).load(agentId);
  if (!agent) throw new NotFoundError('Agent', agentId);
  assertCanWriteLocation(ctx.principal, agent.locationId, 'id');
  if (!agent.active) return agent;
  await writeUnit(ctx, async (em) => {
    const now = new Date();
    agent.active = false;
    agent.updatedAt = now;
    const open = await em.find(AgentSession, { tenantId: agent.tenantId, agentId: agent.id, endedAt: null });
    for (const session of open) {
      session.endedAt = now;
      session.updatedAt = now;
    }
    stageAgentsUpserted(em, [agent]);
    stageSessionsUpserted(em, open);
  });
  return agent;
}
