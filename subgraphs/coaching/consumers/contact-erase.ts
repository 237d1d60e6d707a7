/**
 * The `coaching-erase` consumer group: on `tenants.contact.erase_requested`, erases the contact from every
 * coaching store (service/contact-stores.ts) and answers `coaching.contact.erased` with the counts — both in
 * one transaction, once per event (consumeOnce). Then it drops the response-cache entries the contact's
 * coaching runs wrote (their keys are remembered per session, service/contact-cache.ts) — after commit, and
 * again on a redelivery, so nothing cached outlives the erasure. In the event's tenant scope: another
 * tenant's contact with the same id is untouched.
 */
import type { Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import type { EventHandler } from '../../../core/events/event-bus';
import { makeEvent } from '../../../core/events/envelope';
import type { Logger } from '../../../core/logger';
import { consumeOnce, enqueue } from '../../../core/outbox';
import {
  EventTypes,
  type ContactErasedPayload,
  type ContactEraseRequestedPayload,
  type EventType,
} from '../../../core/vocabulary';
import { SessionView } from '../entities';
import type { Cache } from '../../../core/cache';
import { forgetSessions } from '../engine/cache-index';
import { eraseContactStores } from '../service/contact-stores';

/** The group name is also the idempotency key in processed_event: never rename it. */
export const COACHING_ERASE_CONSUMER = 'coaching-erase';

export const CONTACT_ERASE_EVENTS: EventType[] = [EventTypes.tenantContactEraseRequested];

export function contactEraseConsumer(orm: Orm, cache: Cache | null, logger: Logger): EventHandler {
  return async (event) => {
    const p = event.payload as Partial<ContactEraseRequestedPayload> | null;
    if (!p || typeof p.requestId !== 'string' || typeof p.contactId !== 'string' || !event.tenantId) {
      logger.warn({ eventId: event.id }, 'malformed erase request: ignored');
      return;
    }
    const { requestId, contactId } = p as ContactEraseRequestedPayload;
    let sessionIds: string[] = [];
    await consumeOnce({
      orm,
      consumer: COACHING_ERASE_CONSUMER,
      event,
      handle: async (em) => {
        const sessions = await em.find(
          SessionView,
          { tenantId: event.tenantId, contactId },
          { fields: ['sessionId'] },
        );
        sessionIds = sessions.map((s) => s.sessionId);
        const erased = await eraseContactStores(em, { tenantId: event.tenantId, contactId, sessionIds });
        const payload: ContactErasedPayload = { requestId, contactId, erased };
        enqueue(em, makeEvent(EventTypes.coachingContactErased, event.tenantId, payload));
        logger.info({ tenantId: event.tenantId, requestId, erased }, 'contact erased');
      },
    });
    // a redelivered event erased nothing (consumeOnce skipped it): look the sessions up again for the cache
    if (sessionIds.length === 0) sessionIds = await sessionsOf(orm, event.tenantId, contactId);
    if (cache) await forgetSessions(cache, event.tenantId, sessionIds);
  };
}

async function sessionsOf(orm: Orm, tenantId: string, contactId: string): Promise<string[]> {
  const rows = await withTenantScope(orm, tenantId, (em) =>
    em.find(SessionView, { tenantId, contactId }, { fields: ['sessionId'] }),
  );
  return rows.map((s) => s.sessionId);
}
