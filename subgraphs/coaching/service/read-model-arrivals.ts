/**
 * Read-your-writes for the read models fed by the agents and tenants subgraphs (core/events/arrivals.ts):
 * which (kind, tenant, id) each consumed event is about, the consumer wrapper that wakes the requests
 * waiting for it once the event's effects committed, and the keys requests wait on.
 */
import type { ArrivalKey, Arrivals } from '../../../core/events/arrivals';
import type { EventHandler } from '../../../core/events/event-bus';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';

export const ArrivalKind = {
  session: 'coaching.session',
  agent: 'coaching.agent',
  location: 'coaching.location',
  organization: 'coaching.organization',
  /** A location by its GoHighLevel id (connectGhlLocation learns only that id from the install proof). */
  ghlLocation: 'coaching.ghl-location',
  /** An agent's open session with a contact (a GHL message waits for the session agents opens). */
  conversation: 'coaching.conversation',
} as const;

export function sessionArrival(tenantId: string, sessionId: string): ArrivalKey {
  return { kind: ArrivalKind.session, tenantId, id: sessionId };
}

export function agentArrival(tenantId: string, agentId: string): ArrivalKey {
  return { kind: ArrivalKind.agent, tenantId, id: agentId };
}

export function locationArrival(tenantId: string, locationId: string): ArrivalKey {
  return { kind: ArrivalKind.location, tenantId, id: locationId };
}

export function ghlLocationArrival(tenantId: string, ghlLocationId: string): ArrivalKey {
  return { kind: ArrivalKind.ghlLocation, tenantId, id: ghlLocationId };
}

export function conversationArrival(
  tenantId: string,
  agentId: string,
  locationId: string | null,
  contactId: string,
): ArrivalKey {
  return {
    kind: ArrivalKind.conversation,
    tenantId,
    id: `${agentId}\u0000${locationId ?? ''}\u0000${contactId}`,
  };
}

const ID_FIELD: Partial<Record<string, [kind: string, field: string]>> = {
  [EventTypes.agentSessionUpserted]: [ArrivalKind.session, 'sessionId'],
  [EventTypes.agentUpserted]: [ArrivalKind.agent, 'agentId'],
  [EventTypes.tenantLocationUpserted]: [ArrivalKind.location, 'locationId'],
  [EventTypes.tenantOrganizationUpserted]: [ArrivalKind.organization, 'organizationId'],
};

/** What a read-model event is about; null for other events and payloads without the id. */
export function arrivalOf(event: EventEnvelope): ArrivalKey | null {
  const spec = ID_FIELD[event.type];
  const payload = event.payload as Record<string, unknown> | null;
  const id = spec && typeof payload === 'object' && payload !== null ? payload[spec[1]] : undefined;
  if (!spec || typeof id !== 'string' || !event.tenantId) return null;
  return { kind: spec[0], tenantId: event.tenantId, id };
}

/**
 * Every key the event is about: its id; for a location its GoHighLevel id as well; for a session the
 * agent's conversation with the contact.
 */
export function arrivalsOf(event: EventEnvelope): ArrivalKey[] {
  const key = arrivalOf(event);
  if (!key) return [];
  const p = event.payload as Record<string, unknown>;
  const ghl = p['ghlLocationId'];
  if (event.type === EventTypes.tenantLocationUpserted && typeof ghl === 'string' && ghl !== '')
    return [key, ghlLocationArrival(key.tenantId, ghl)];
  const [agentId, locationId, contactId] = [p['agentId'], p['locationId'], p['contactId']];
  if (
    event.type === EventTypes.agentSessionUpserted &&
    typeof agentId === 'string' &&
    typeof contactId === 'string' &&
    (typeof locationId === 'string' || locationId === null)
  )
    return [key, conversationArrival(key.tenantId, agentId, locationId, contactId)];
  return [key];
}

/**
 * The consumer's handler, then a wake-up for whoever waits on what the event is about. `handler`
 * resolves after its transaction committed, so a woken request finds the row. A redelivered event wakes
 * them too (harmless: they look again).
 */
export function notifyingArrivals(arrivals: Arrivals, handler: EventHandler): EventHandler {
  return async (event) => {
    await handler(event);
    for (const key of arrivalsOf(event)) arrivals.notify(key);
  };
}
