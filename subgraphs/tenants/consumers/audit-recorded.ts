/**
 * The `tenants-audit` consumer group: other subgraphs' sensitive actions into the tenant's hash-chained audit
 * log, once per event (core consumeOnce, in the event's tenant scope), with the event's own actor:
 *
 * - `<subgraph>.audit.recorded` (coaching, analytics, billing): appended as stated (core/events/audit-event.ts);
 * - `<subgraph>.contact.erased` (agents, coaching): the subgraph's part of the contact erasure is marked done
 *   (what it erased, counted) and `contact.erase_completed` is appended with actor `system:<subgraph>`;
 *   readers waiting in `contactErasure(id, waitSeconds)` are woken after commit.
 */
import type { Orm } from '../../../core/db/orm';
import type { Arrivals } from '../../../core/events/arrivals';
import { EVENT_REGISTRY } from '../../../core/events/registry';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import {
  EventTypes,
  type AuditRecordedPayload,
  type ContactErasedPayload,
  type EventEnvelope,
  type EventType,
} from '../../../core/vocabulary';
import { ContactErasurePart } from '../entities';
import { appendAudit } from '../service/audit-chain';
import { ERASURE_ARRIVAL } from '../service/contact-data';

export const TENANTS_AUDIT_CONSUMER = 'tenants-audit';

/** What the group consumes: every `<subgraph>.audit.recorded` and `<subgraph>.contact.erased`. */
export const TENANTS_AUDIT_EVENTS: EventType[] = [
  EventTypes.coachingAuditRecorded,
  EventTypes.analyticsAuditRecorded,
  EventTypes.billingAuditRecorded,
  EventTypes.agentsContactErased,
  EventTypes.coachingContactErased,
];

const ERASED_EVENT_TYPES: readonly EventType[] = [
  EventTypes.agentsContactErased,
  EventTypes.coachingContactErased,
];

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function auditPayload(event: EventEnvelope): AuditRecordedPayload | null {
  const p = event.payload as Partial<AuditRecordedPayload> | null;
  if (!p || !str(p.actor) || !str(p.action) || !str(p.targetType) || !str(p.targetId)) return null;
  const change = typeof p.change === 'object' && p.change !== null ? p.change : {};
  return {
    actor: p.actor.slice(0, 200),
    action: p.action.slice(0, 80),
    targetType: p.targetType.slice(0, 40),
    targetId: p.targetId.slice(0, 64),
    change,
  };
}

function erasedPayload(event: EventEnvelope): ContactErasedPayload | null {
  const p = event.payload as Partial<ContactErasedPayload> | null;
  if (!p || !str(p.requestId) || !str(p.contactId)) return null;
  return { requestId: p.requestId, contactId: p.contactId, erased: p.erased ?? {} };
}

export interface AuditConsumerDeps {
  orm: Orm;
  logger: Logger;
  erasures: Arrivals;
}

export function auditRecordedHandler(deps: AuditConsumerDeps): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    const subgraph = EVENT_REGISTRY[event.type]?.owner;
    const isErased = ERASED_EVENT_TYPES.includes(event.type);
    const audit = isErased ? null : auditPayload(event);
    const erased = isErased ? erasedPayload(event) : null;
    if (!subgraph || (!audit && !erased) || !event.tenantId) {
      deps.logger.warn({ eventId: event.id, type: event.type }, 'malformed audit event: ignored');
      return;
    }
    await consumeOnce({
      orm: deps.orm,
      consumer: TENANTS_AUDIT_CONSUMER,
      event,
      handle: async (em) => {
        if (audit) {
          await appendAudit(em, { ...audit, tenantId: event.tenantId });
          return;
        }
        const part = await em.findOne(ContactErasurePart, { requestId: erased!.requestId, subgraph });
        if (part && part.erasedAt === null) {
          part.erasedAt = new Date(event.at);
          part.erased = erased!.erased;
        }
        await appendAudit(em, {
          tenantId: event.tenantId,
          actor: `system:${subgraph}`,
          action: 'contact.erase_completed',
          targetType: 'Contact',
          targetId: erased!.contactId,
          change: { requestId: erased!.requestId, subgraph, erased: erased!.erased },
        });
      },
    });
    if (erased)
      deps.erasures.notify({ kind: ERASURE_ARRIVAL, tenantId: event.tenantId, id: erased.requestId });
  };
}
