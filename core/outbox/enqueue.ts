/**
 * `enqueue(em, event)`: stages the event in the outbox on the producer's EntityManager. It is written
 * by the caller's flush, inside the caller's transaction, so it exists if and only if the state change
 * committed.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '../vocabulary';
import { OutboxEvent } from './outbox-event';

export function enqueue<T>(em: EntityManager, event: EventEnvelope<T>): EventEnvelope<T> {
  const row = new OutboxEvent();
  row.eventId = event.id;
  row.type = event.type;
  row.tenant = event.tenantId;
  row.at = new Date(event.at);
  row.version = event.version;
  row.payload = event.payload;
  em.persist(row);
  return event;
}
