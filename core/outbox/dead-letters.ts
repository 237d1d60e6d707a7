/**
 * Writing and redelivering dead letters (dead-letter.ts) on the producer's database.
 *
 * `recordDeadLetters`: in the event's tenant scope and one transaction, one row per group that gave up
 * (upserted: a repeat failure after a redelivery updates the row and makes it pending again).
 *
 * `redeliverDeadLetters`: puts each pending dead letter's event back in the outbox (its row marked
 * unpublished again, or re-staged if it is gone) and marks the dead letter redelivered, in one transaction.
 * The relay — this process's or, from the CLI, the running platform's on its next tick (or the next start)
 * — publishes it again to every group; the groups that had applied it skip it (processed_event), the one
 * that gave up gets it afresh. On PostgreSQL pass `tenantId`, or connect as a role that row-level security
 * lets through (the listing across tenants sees nothing otherwise).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../db/orm';
import { withTenantScope } from '../db/request-scope';
import type { GivenUpDelivery } from '../events/event-bus';
import type { EventEnvelope } from '../vocabulary';
import { inTransaction } from './consume-once';
import { DeadLetter } from './dead-letter';
import { enqueue } from './enqueue';
import { OutboxEvent } from './outbox-event';

export function deadLetterId(group: string, eventId: string): string {
  return `${group}:${eventId}`;
}

/** Stores the given-up deliveries of `event`; resolves with their dead-letter ids. */
export async function recordDeadLetters(
  orm: Orm,
  event: EventEnvelope,
  givenUp: readonly GivenUpDelivery[],
): Promise<string[]> {
  return withTenantScope(orm, event.tenantId, (scoped) =>
    inTransaction(scoped, async (em) => {
      const ids: string[] = [];
      for (const g of givenUp) {
        const id = deadLetterId(g.group, event.id);
        await em.upsert(
          DeadLetter,
          {
            id,
            consumer: g.group,
            eventId: event.id,
            type: event.type,
            tenantId: event.tenantId,
            event,
            attempts: g.attempts,
            lastError: g.lastError,
            deadAt: new Date(),
            redeliveredAt: null,
          },
          { onConflictFields: ['id'], onConflictAction: 'merge' },
        );
        ids.push(id);
      }
      return ids;
    }),
  );
}

export interface RedeliverOptions {
  orm: Orm;
  /** Only this tenant's dead letters (required on PostgreSQL unless the role bypasses row-level security). */
  tenantId?: string;
  /** Only these dead letters (ids as logged); default every pending one. */
  ids?: readonly string[];
}

/** The dead letters not yet redelivered, oldest first. */
export async function pendingDeadLetters(opts: Omit<RedeliverOptions, 'ids'>): Promise<DeadLetter[]> {
  const where = { redeliveredAt: null };
  const order = { orderBy: { deadAt: 'asc' as const } };
  if (opts.tenantId)
    return withTenantScope(opts.orm, opts.tenantId, (em) => em.find(DeadLetter, where, order));
  return opts.orm.em.fork({ clear: true }).find(DeadLetter, where, { ...order, filters: false });
}

async function requeue(em: EntityManager, letter: DeadLetter): Promise<void> {
  const event = letter.event as EventEnvelope;
  const again = await em.nativeUpdate(OutboxEvent, { eventId: letter.eventId }, { publishedAt: null });
  if (again === 0) enqueue(em, event); // the outbox row was cleaned up since: stage the event anew
  await em.nativeUpdate(DeadLetter, { id: letter.id }, { redeliveredAt: new Date() });
  await em.flush();
}

/** Puts pending dead letters back in the outbox; resolves with the ids redelivered. */
export async function redeliverDeadLetters(opts: RedeliverOptions): Promise<string[]> {
  const wanted = opts.ids ? new Set(opts.ids) : null;
  const letters = (await pendingDeadLetters(opts)).filter((l) => !wanted || wanted.has(l.id));
  for (const letter of letters) {
    await withTenantScope(opts.orm, letter.tenantId, (scoped) =>
      inTransaction(scoped, (em) => requeue(em, letter)),
    );
  }
  return letters.map((l) => l.id);
}
