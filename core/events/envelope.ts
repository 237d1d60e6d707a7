import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventType } from '../vocabulary';
import { payloadVersion } from './registry';

/** A new event; its payload version is the registered one (core/events/registry.ts) unless given. */
export function makeEvent<T>(
  type: EventType,
  tenantId: string,
  payload: T,
  version = payloadVersion(type),
): EventEnvelope<T> {
  return { id: randomUUID(), type, tenantId, at: new Date().toISOString(), version, payload };
}
