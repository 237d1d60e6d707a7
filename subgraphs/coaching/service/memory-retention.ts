/**
 * Retention of contact memory per tenant: facts, session summaries and notes older than the tenant's
 * setting (days; DEFAULT_MEMORY_RETENTION_DAYS without one) are no longer used (every read applies the
 * cutoff) and are deleted by the periodic sweep (`startMemorySweep`, also run at start). The sweep runs
 * outside any tenant scope only to learn which tenants hold memory; it deletes inside each tenant's scope
 * (RLS on PostgreSQL), so one tenant's setting never touches another tenant's rows.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { isPostgres, unscopedFork, withTenantScope } from '../../../core/db/request-scope';
import { quoteIdent } from '../../../core/db/rls';
import { BadUserInputError } from '../../../core/errors';
import { auditRecord } from '../../../core/events/audit-event';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox/enqueue';
import { EventTypes } from '../../../core/vocabulary';
import type { Logger } from '../../../core/logger';
import {
  ContactFact,
  ContactMemory,
  ContactSessionSummary,
  DEFAULT_MEMORY_RETENTION_DAYS,
  MAX_MEMORY_RETENTION_DAYS,
  MemoryRetention,
} from '../entities';

const DAY_MS = 86_400_000;

/** The tenant's retention in days (`em` scoped to the tenant). */
export async function retentionDays(em: EntityManager, tenantId: string): Promise<number> {
  const row = await em.findOne(MemoryRetention, { tenantId });
  return row?.days ?? DEFAULT_MEMORY_RETENTION_DAYS;
}

/** Memory last updated before this instant is expired. */
export async function memoryCutoff(em: EntityManager, tenantId: string, now = new Date()): Promise<Date> {
  return new Date(now.getTime() - (await retentionDays(em, tenantId)) * DAY_MS);
}

/** Sets the tenant's retention; the change reaches the tenant's audit log (`memory.retention_update`). */
export async function setRetentionDays(
  em: EntityManager,
  tenantId: string,
  days: number,
  actor: string,
  now = new Date(),
): Promise<MemoryRetention> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_MEMORY_RETENTION_DAYS) {
    throw new BadUserInputError('days', `must be an integer from 1 to ${MAX_MEMORY_RETENTION_DAYS}`);
  }
  const row = await em.findOne(MemoryRetention, { tenantId });
  if (row) em.assign(row, { days, updatedAt: now });
  const before = row?.days ?? DEFAULT_MEMORY_RETENTION_DAYS;
  const out = row ?? em.create(MemoryRetention, { tenantId, days, updatedAt: now });
  const change = { before, after: days };
  const audit = {
    actor,
    action: 'memory.retention_update',
    targetType: 'MemoryRetention',
    targetId: tenantId,
  };
  enqueue(em, makeEvent(EventTypes.coachingAuditRecorded, tenantId, auditRecord({ ...audit, change })));
  await em.flush();
  return out;
}

export interface PurgeCounts {
  facts: number;
  summaries: number;
  notes: number;
}

/** Deletes the tenant's expired memory (`em` scoped to the tenant). */
export async function purgeExpiredMemory(
  em: EntityManager,
  tenantId: string,
  now = new Date(),
): Promise<PurgeCounts> {
  const cutoff = await memoryCutoff(em, tenantId, now);
  return {
    facts: await em.nativeDelete(ContactFact, { tenantId, updatedAt: { $lt: cutoff } }),
    summaries: await em.nativeDelete(ContactSessionSummary, { tenantId, endedAt: { $lt: cutoff } }),
    notes: await em.nativeDelete(ContactMemory, { tenantId, updatedAt: { $lt: cutoff } }),
  };
}

/** Tenant ids holding any memory (PostgreSQL: the SECURITY DEFINER `memory_tenants()`, ids only). */
async function memoryTenants(orm: Orm): Promise<string[]> {
  const em = unscopedFork(orm);
  const conn = em.getConnection();
  const sql = isPostgres(orm)
    ? `select tenant_id from ${quoteIdent(String(orm.config.get('schema') ?? 'public'))}."memory_tenants"()`
    : 'select tenant_id from contact_facts union select tenant_id from contact_session_summaries ' +
      'union select tenant_id from contact_memories';
  const rows: { tenant_id: string }[] = await conn.execute(sql, [], 'all');
  return rows.map((r) => r.tenant_id);
}

/** One sweep over every tenant holding memory; returns what it deleted. */
export async function sweepExpiredMemory(
  orm: Orm,
  now = new Date(),
): Promise<PurgeCounts & { tenants: number }> {
  const total = { facts: 0, summaries: 0, notes: 0, tenants: 0 };
  for (const tenantId of await memoryTenants(orm)) {
    const n = await withTenantScope(orm, tenantId, (em) => purgeExpiredMemory(em, tenantId, now));
    total.facts += n.facts;
    total.summaries += n.summaries;
    total.notes += n.notes;
    total.tenants++;
  }
  return total;
}

/** Runs the sweep now and every `intervalMs`; the returned function stops it and waits for a sweep in flight. */
export function startMemorySweep(orm: Orm, logger: Logger, intervalMs: number): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    if (stopped) return;
    running = running
      .then(() => sweepExpiredMemory(orm))
      .then((n) => {
        if (n.facts + n.summaries + n.notes > 0) logger.info(n, 'purged expired contact memory');
      })
      .catch((err: unknown) => logger.warn({ err }, 'contact memory sweep failed'));
  };
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  sweep();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
