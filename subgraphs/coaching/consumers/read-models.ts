/**
 * The `coaching` consumer group: keeps the read models (AgentProfile, SessionView, LocationView, OrganizationView; and the GHL location
 * routes a location change invalidates) in step with the agents and tenants subgraphs. Each event is applied once (its id is recorded
 * with the effects, inside the event's tenant scope so RLS holds), and a row keeps the time of the
 * newest event applied so a late, older event does not overwrite newer data. A session that ends gets its
 * contact-memory summary here, once (service/memory-summary.ts).
 */
import type { EntityManager } from '@mikro-orm/core';
import { consumeOnce } from '../../../core/outbox';
import type { Orm } from '../../../core/db/orm';
import {
  AgentRole,
  ConversationStage,
  EventTypes,
  Experience,
  Specialization,
  type AgentSessionUpsertedPayload,
  type AgentUpsertedPayload,
  type EventEnvelope,
  type EventType,
  type LocationUpsertedPayload,
} from '../../../core/vocabulary';
import {
  AgentProfile,
  GhlLocationRoute,
  LocationView,
  OrganizationView,
  SessionOrigin,
  SessionView,
} from '../entities';
import { summarizeEndedSession } from '../service/memory-summary';

export const READ_MODEL_EVENTS: EventType[] = [
  EventTypes.agentUpserted,
  EventTypes.agentSessionUpserted,
  EventTypes.tenantLocationUpserted,
  EventTypes.tenantOrganizationUpserted,
];

export class InvalidEventError extends Error {}

function str(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') throw new InvalidEventError(`${field} must be a non-empty string`);
  return v;
}
function strOrNull(v: unknown, field: string): string | null {
  return v === null || v === undefined ? null : str(v, field);
}
function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new InvalidEventError(`${field} must be a boolean`);
  return v;
}
function oneOf<T extends string>(v: unknown, values: readonly T[], field: string): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
    throw new InvalidEventError(`${field} is not valid`);
  return v as T;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
function record(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null) throw new InvalidEventError('payload must be an object');
  return v as Record<string, unknown>;
}

type AgentPayload = AgentUpsertedPayload & { ghlUserId: string | null };

export function parseAgentPayload(raw: unknown): AgentPayload {
  const r = record(raw);
  const specs = Object.values(Specialization) as Specialization[];
  return {
    agentId: str(r['agentId'], 'agentId'),
    locationId: strOrNull(r['locationId'], 'locationId'),
    name: str(r['name'], 'name'),
    role: oneOf(r['role'], Object.values(AgentRole), 'role'),
    experience: oneOf(r['experience'], Object.values(Experience), 'experience'),
    specializations: strings(r['specializations']).filter((s): s is Specialization =>
      (specs as string[]).includes(s),
    ),
    tags: strings(r['tags']),
    active: bool(r['active'], 'active'),
    ghlUserId: typeof r['ghlUserId'] === 'string' && r['ghlUserId'] !== '' ? r['ghlUserId'] : null,
  };
}

/** The session fields the read model keeps (not the GHL conversation id: coaching finds sessions by agent and contact). */
export function parseSessionPayload(raw: unknown): Omit<AgentSessionUpsertedPayload, 'ghlConversationId'> {
  const r = record(raw);
  return {
    sessionId: str(r['sessionId'], 'sessionId'),
    agentId: str(r['agentId'], 'agentId'),
    locationId: strOrNull(r['locationId'], 'locationId'),
    contactId: str(r['contactId'], 'contactId'),
    stage: oneOf(r['stage'], Object.values(ConversationStage), 'stage'),
    active: bool(r['active'], 'active'),
  };
}

export function parseLocationPayload(raw: unknown): LocationUpsertedPayload {
  const r = record(raw);
  return {
    locationId: str(r['locationId'], 'locationId'),
    organizationId: str(r['organizationId'], 'organizationId'),
    ghlLocationId: strOrNull(r['ghlLocationId'], 'ghlLocationId'),
    name: typeof r['name'] === 'string' ? r['name'].slice(0, 200) : '',
  };
}

/** The organization fields the read model keeps: its place in the hierarchy and its vertical code. */
export function parseOrganizationPayload(raw: unknown): {
  organizationId: string;
  parentId: string | null;
  vertical: string;
} {
  const r = record(raw);
  const vertical = typeof r['vertical'] === 'string' ? r['vertical'].trim().toUpperCase().slice(0, 40) : '';
  return {
    organizationId: str(r['organizationId'], 'organizationId'),
    parentId: strOrNull(r['parentId'], 'parentId'),
    vertical: str(vertical, 'vertical'),
  };
}

/** True when the event is at least as new as what the row already holds. */
function newer<T extends { eventAt: Date }>(row: T | null, at: Date): boolean {
  return !row || row.eventAt.getTime() <= at.getTime();
}

async function applyAgent(em: EntityManager, event: EventEnvelope, at: Date): Promise<void> {
  const p = parseAgentPayload(event.payload);
  const row = await em.findOne(AgentProfile, { agentId: p.agentId });
  if (!newer(row, at)) return;
  const data = { ...p, tenantId: event.tenantId, eventAt: at };
  if (row) em.assign(row, data);
  else em.create(AgentProfile, data);
}

/** Applies the session; true when this event ended it (and its summary was written: contact memory). */
async function applySession(em: EntityManager, event: EventEnvelope, at: Date): Promise<boolean> {
  const p = parseSessionPayload(event.payload);
  const row = await em.findOne(SessionView, { sessionId: p.sessionId });
  if (!newer(row, at)) return false;
  const ended = row !== null && row.active && !p.active;
  const data = { ...p, tenantId: event.tenantId, eventAt: at, origin: SessionOrigin.AGENTS };
  const view = row ? em.assign(row, data) : em.create(SessionView, data);
  return ended && (await summarizeEndedSession(em, view, at)) !== null;
}

async function applyLocation(em: EntityManager, event: EventEnvelope, at: Date): Promise<void> {
  const p = parseLocationPayload(event.payload);
  const row = await em.findOne(LocationView, { locationId: p.locationId });
  if (!newer(row, at)) return;
  const data = { ...p, tenantId: event.tenantId, eventAt: at };
  if (row) em.assign(row, data);
  else em.create(LocationView, data);
  // A route is this tenant's proof of installing the app on a GHL location (webhooks/ghl-routes.ts): a
  // location whose GHL id changed (or went) keeps no route proved for the old id. A new id routes nothing
  // until the tenant connects it (connectGhlLocation).
  await em.nativeDelete(GhlLocationRoute, {
    tenantId: event.tenantId,
    locationId: p.locationId,
    ...(p.ghlLocationId ? { ghlLocationId: { $ne: p.ghlLocationId } } : {}),
  });
}

async function applyOrganization(em: EntityManager, event: EventEnvelope, at: Date): Promise<void> {
  const p = parseOrganizationPayload(event.payload);
  const row = await em.findOne(OrganizationView, { organizationId: p.organizationId });
  if (!newer(row, at)) return;
  const data = { ...p, tenantId: event.tenantId, eventAt: at };
  if (row) em.assign(row, data);
  else em.create(OrganizationView, data);
}

export const COACHING_CONSUMER = 'coaching';

/**
 * The handler for the event bus: idempotent (core's consumeOnce: processed_event + effects in one
 * transaction, inside the event's tenant scope). A malformed event is recorded as processed — retrying
 * cannot fix it — and reported.
 */
export function readModelConsumer(
  orm: Orm,
  onInvalid: (event: EventEnvelope, err: unknown) => void,
  /** After commit, for a session this event ended (its offline summary is stored). */
  onSessionEnded?: (tenantId: string, sessionId: string) => void,
) {
  return async (event: EventEnvelope): Promise<void> => {
    const at = new Date(event.at);
    if (Number.isNaN(at.getTime()) || !event.tenantId) {
      onInvalid(event, new InvalidEventError('event without a valid time or tenant'));
      return;
    }
    let ended: string | null = null;
    await consumeOnce({
      orm,
      consumer: COACHING_CONSUMER,
      event,
      handle: async (em) => {
        try {
          if (event.type === EventTypes.agentUpserted) await applyAgent(em, event, at);
          else if (event.type === EventTypes.agentSessionUpserted) {
            if (await applySession(em, event, at)) ended = parseSessionPayload(event.payload).sessionId;
          } else if (event.type === EventTypes.tenantLocationUpserted) await applyLocation(em, event, at);
          else if (event.type === EventTypes.tenantOrganizationUpserted)
            await applyOrganization(em, event, at);
        } catch (err) {
          if (!(err instanceof InvalidEventError)) throw err;
          onInvalid(event, err);
        }
      },
    });
    if (ended !== null) onSessionEnded?.(event.tenantId, ended);
  };
}
