/**
 * The `agents-erase` consumer group: on `tenants.contact.erase_requested`, clears what agents holds about
 * the contact (service/contact-data.ts) and answers `agents.contact.erased` in the same transaction, once
 * per event (consumeOnce), in the event's tenant scope.
 */
import type { Orm } from '../../../core/db/orm';
import type { EventHandler } from '../../../core/events/event-bus';
import { makeEvent } from '../../../core/events/envelope';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import { enqueue } from '../../../core/outbox/enqueue';
import {
  EventTypes,
  type ContactErasedPayload,
  type ContactEraseRequestedPayload,
} from '../../../core/vocabulary';
import { eraseContactSessions } from '../service/contact-data';

/** The group name is also the idempotency key in processed_event: never rename it. */
export const AGENTS_ERASE_CONSUMER = 'agents-erase';

export function contactEraseHandler(deps: { orm: Orm; logger: Logger }): EventHandler {
  return async (event) => {
    const p = event.payload as Partial<ContactEraseRequestedPayload> | null;
    if (!p || typeof p.requestId !== 'string' || typeof p.contactId !== 'string' || !event.tenantId) {
      deps.logger.warn({ eventId: event.id }, 'malformed erase request: ignored');
      return;
    }
    const { requestId, contactId } = p as ContactEraseRequestedPayload;
    await consumeOnce({
      orm: deps.orm,
      consumer: AGENTS_ERASE_CONSUMER,
      event,
      handle: async (em) => {
        const erased = await eraseContactSessions(em, event.tenantId, contactId);
        const payload: ContactErasedPayload = { requestId, contactId, erased };
        enqueue(em, makeEvent(EventTypes.agentsContactErased, event.tenantId, payload));
      },
    });
  };
}
