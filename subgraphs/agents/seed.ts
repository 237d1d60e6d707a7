/**
 * Idempotent seed of agent profiles: agents whose id already exists are skipped. Each tenant is written
 * inside `withTenantScope`, in one transaction, so it works as the runtime role under PostgreSQL
 * row-level security. `agents.agent.upserted` is staged in the outbox with each created agent; with an
 * event bus, the outbox is published right away (otherwise the module's relay does it).
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EventBus } from '../../core/events/event-bus';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/db/request-scope';
import { ConflictError } from '../../core/errors';
import { startOutboxRelay } from '../../core/outbox/relay';
import { Agent } from './entities/agent';
import { parseCreateAgent, type CreateAgentInput } from './service/agent-input';
import { stageAgentsUpserted } from './service/events';
import * as check from '../../core/validation';

/** An agent to seed; `ghlUserId` (optional) must be unique in the tenant. */
export interface SeedAgent extends CreateAgentInput {
  id: string;
  locationId: string | null;
}

export interface SeedAgentsInput {
  tenants: { tenantId: string; agents: readonly SeedAgent[] }[];
}

export interface SeedAgentsResult {
  created: number;
  skipped: number;
}

async function seedTenant(orm: Orm, tenantId: string, wanted: Map<string, SeedAgent>): Promise<number> {
  try {
    return await withTenantScope(orm, tenantId, (scoped) =>
      scoped.transactional(async (em) => {
        const existing = await em.find(
          Agent,
          { tenantId, id: { $in: [...wanted.keys()] } },
          { fields: ['id'] },
        );
        const skip = new Set(existing.map((a) => a.id));
        const now = new Date();
        const created: Agent[] = [];
        for (const [id, a] of wanted) {
          if (skip.has(id)) continue;
          const data = parseCreateAgent(a);
          created.push(
            em.create(Agent, { ...data, id, tenantId, active: true, createdAt: now, updatedAt: now }),
          );
        }
        stageAgentsUpserted(em, created);
        await em.flush();
        return created.length;
      }),
    );
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      const field = /ghl_user_id/.test(err.message) ? 'ghlUserId' : 'id';
      throw new ConflictError(`${field} is already used by another agent (tenant ${tenantId})`, { field });
    }
    throw err;
  }
}

export async function seedAgents(
  orm: Orm,
  input: SeedAgentsInput,
  events?: EventBus,
): Promise<SeedAgentsResult> {
  const result: SeedAgentsResult = { created: 0, skipped: 0 };
  for (const tenant of input.tenants) {
    const tenantId = check.uuid('tenantId', tenant.tenantId);
    const wanted = new Map<string, SeedAgent>();
    for (const a of tenant.agents) wanted.set(check.uuid('id', a.id), a);
    const created = await seedTenant(orm, tenantId, wanted);
    result.created += created;
    result.skipped += wanted.size - created;
  }
  if (events && result.created > 0) {
    const relay = startOutboxRelay({ orm, bus: events });
    try {
      await relay.runOnce();
    } finally {
      await relay.stop();
    }
  }
  return result;
}
