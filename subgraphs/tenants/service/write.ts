/**
 * The write unit of every tenants mutation: the change and its audit entry are flushed together in one
 * (nested) transaction on the request's EntityManager — a savepoint inside the request transaction on
 * PostgreSQL — so a failure leaves neither. Events staged in the outbox ride along. Only the `em`
 * handed to `work` may be used inside it (on SQLite the single connection is held by this transaction).
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { ConflictError, type DomainError } from '../../../core/errors';
import { enqueue } from '../../../core/outbox/enqueue';
import type { EventEnvelope } from '../../../core/vocabulary';
import type { RequestContext } from '../../../core/request-context';
import { appendAudit, type AuditRecord } from './audit-chain';

export interface WorkResult<T> {
  result: T;
  /** null when nothing changed (nothing to audit). */
  audit: AuditRecord | null;
  /** Events to stage in the outbox with the change. */
  events?: EventEnvelope[];
}

export interface WriteOptions {
  /** The error to answer with when a unique constraint rejects the write. */
  onConflict?: () => DomainError;
}

export async function writeAudited<T>(
  ctx: RequestContext,
  work: (em: EntityManager) => Promise<WorkResult<T>>,
  opts: WriteOptions = {},
): Promise<T> {
  try {
    return await ctx.em.transactional(async (em) => {
      const { result, audit, events = [] } = await work(em);
      for (const event of events) enqueue(em, event);
      if (audit)
        await appendAudit(em, { ...audit, tenantId: ctx.principal.tenantId, actor: ctx.principal.subject });
      await em.flush();
      return result;
    });
  } catch (err) {
    // nothing half-done may be flushed later by the request transaction
    ctx.em.clear();
    ctx.loaders.clear();
    if (err instanceof UniqueConstraintViolationException) {
      throw opts.onConflict?.() ?? new ConflictError('conflicts with an existing record');
    }
    throw err;
  }
}
