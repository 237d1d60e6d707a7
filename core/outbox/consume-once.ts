/**
 * Idempotent event consumption: inside the event's tenant scope (RLS on PostgreSQL) and one
 * transaction, record (consumer, event id) and apply the effects — or skip the event if it was
 * recorded before. Effects and the record commit or roll back together.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '../vocabulary';
import type { Orm } from '../db/orm';
import { withTenantScope } from '../db/request-scope';
import { ProcessedEvent } from './processed-event';
import { sqlEm } from './sql-em';

export interface ConsumeOnceOptions {
  orm: Orm;
  /** The consumer's name (its group): the same event may be consumed once by each consumer. */
  consumer: string;
  event: EventEnvelope;
  handle: (em: EntityManager, event: EventEnvelope) => Promise<void>;
}

/** Runs `fn` in a transaction, joining the current one when `em` is already in a transaction. */
export async function inTransaction<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (em.isInTransaction()) return fn(em);
  return em.transactional(fn);
}

/** Marks (consumer, event) processed; false when it already was. Must run inside a transaction. */
export async function markProcessed(
  em: EntityManager,
  consumer: string,
  event: EventEnvelope,
): Promise<boolean> {
  const res = await sqlEm(em)
    .createQueryBuilder(ProcessedEvent)
    .insert({
      id: `${consumer}:${event.id}`,
      consumer,
      eventId: event.id,
      tenantId: event.tenantId,
      processedAt: new Date(),
    })
    .onConflict('id')
    .ignore()
    .execute('run');
  return res.affectedRows > 0;
}

/** Returns true when the effects were applied, false when the event had been processed already. */
export async function consumeOnce(opts: ConsumeOnceOptions): Promise<boolean> {
  const { orm, consumer, event } = opts;
  return withTenantScope(orm, event.tenantId, (scoped) =>
    inTransaction(scoped, async (em) => {
      if (!(await markProcessed(em, consumer, event))) return false;
      await opts.handle(em, event);
      await em.flush();
      return true;
    }),
  );
}
