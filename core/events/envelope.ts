import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventType } from '../vocabulary';

export function makeEvent<T>(type: EventType, tenantId: string, payload: T, version = 1): EventEnvelope<T> {
  return { id: randomUUID(), type, tenantId, at: new Date().toISOString(), version, payload };
}
