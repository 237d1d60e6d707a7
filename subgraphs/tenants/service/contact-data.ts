/**
 * GDPR for one contact of the tenant, as tenants sees it (the gateway-visible entry points; the data lives
 * in the other subgraphs):
 *
 * - `exportContactData(contactId)` audits the export and answers a `ContactDataExport` reference keyed by
 *   the contact id. The bundle's fields are contributed by each subgraph that holds contact data — each one
 *   declares `ContactDataExport @key(fields: "contactId")` and resolves its own fields (coaching: turns,
 *   hints, qualifications, memory, GHL deliveries; agents: sessions; analytics: outcomes) — so federation
 *   composes the bundle in one operation and no subgraph reads another's tables.
 * - `eraseContact(contactId)` records the request with one part per erasing subgraph and stages
 *   `tenants.contact.erase_requested` in the same transaction: when the mutation answers the erasure is
 *   durable (the relay delivers the event after commit, and again after a crash). Each subgraph erases once
 *   per event and answers `<subgraph>.contact.erased`; consumers/contact-erased.ts marks its part done.
 *   `contactErasure(id, waitSeconds)` shows each part, waiting (bounded) for completion when asked.
 */
import { randomUUID } from 'node:crypto';
import { requireContactDataAdmin } from '../../../core/contact-data';
import { makeEvent } from '../../../core/events/envelope';
import { NotFoundError } from '../../../core/errors';
import type { RequestContext } from '../../../core/request-context';
import * as check from '../../../core/validation';
import { EventTypes, type ContactEraseRequestedPayload } from '../../../core/vocabulary';
import { ContactErasure, ContactErasurePart } from '../entities';
import type { TenantsContext } from '../runtime';
import { writeAudited } from './write';
import { eraseContactFromDeliveries } from '../workflows/erase';

/**
 * The subgraphs that hold a contact's data and erase it on `tenants.contact.erase_requested` (the owner of
 * `<subgraph>.contact.erased`). Analytics keeps only the pseudonymous contact id beside aggregates, and
 * billing nothing about contacts: neither takes part.
 */
export const ERASING_SUBGRAPHS = ['agents', 'coaching'] as const;
export type ErasingSubgraph = (typeof ERASING_SUBGRAPHS)[number];

/** The `arrivals` kind a completed erasure is announced under (consumers/contact-erased.ts notifies). */
export const ERASURE_ARRIVAL = 'contact-erasure';

export const MAX_ERASURE_WAIT_SECONDS = 30;

export interface ContactDataExportRef {
  contactId: string;
  exportedAt: Date;
}

function contactIdOf(value: string): string {
  return check.externalId('contactId', value);
}

export async function exportContactData(
  ctx: RequestContext,
  contactId: string,
): Promise<ContactDataExportRef> {
  requireContactDataAdmin(ctx.principal);
  const id = contactIdOf(contactId);
  const exportedAt = new Date();
  return writeAudited(ctx, async () => ({
    result: { contactId: id, exportedAt },
    audit: { action: 'contact.export', targetType: 'Contact', targetId: id, change: {} },
  }));
}

export async function eraseContact(ctx: RequestContext, contactId: string): Promise<ContactErasure> {
  requireContactDataAdmin(ctx.principal);
  const id = contactIdOf(contactId);
  const tenantId = ctx.principal.tenantId;
  return writeAudited(ctx, async (em) => {
    const erasure = em.create(ContactErasure, {
      id: randomUUID(),
      tenantId,
      contactId: id,
      requestedBy: ctx.principal.subject,
      requestedAt: new Date(),
    });
    for (const subgraph of ERASING_SUBGRAPHS)
      em.create(ContactErasurePart, {
        id: randomUUID(),
        tenantId,
        requestId: erasure.id,
        subgraph,
        erasedAt: null,
        erased: null,
      });
    // tenants' own store naming the contact: the webhook delivery log (workflows/erase.ts)
    const workflowDeliveries = await eraseContactFromDeliveries(em, id);
    const payload: ContactEraseRequestedPayload = { requestId: erasure.id, contactId: id };
    return {
      result: erasure,
      audit: {
        action: 'contact.erase_request',
        targetType: 'Contact',
        targetId: id,
        change: { requestId: erasure.id, subgraphs: [...ERASING_SUBGRAPHS], workflowDeliveries },
      },
      events: [makeEvent(EventTypes.tenantContactEraseRequested, tenantId, payload)],
    };
  });
}

export function erasureParts(ctx: RequestContext, requestId: string): Promise<ContactErasurePart[]> {
  return ctx.em.find(ContactErasurePart, { requestId }, { orderBy: { subgraph: 'asc' }, refresh: true });
}

/** When the last part finished; null while any is pending. */
export function completedAt(parts: readonly ContactErasurePart[]): Date | null {
  if (parts.length === 0 || parts.some((p) => p.erasedAt === null)) return null;
  return new Date(Math.max(...parts.map((p) => p.erasedAt!.getTime())));
}

/** The erasure; with `waitSeconds` > 0 waits, at most that long, until every subgraph has finished. */
export async function contactErasure(
  ctx: TenantsContext,
  id: string,
  waitSeconds: number,
): Promise<ContactErasure> {
  requireContactDataAdmin(ctx.principal);
  const requestId = check.uuid('id', id);
  const wait = check.intInRange('waitSeconds', waitSeconds, 0, MAX_ERASURE_WAIT_SECONDS);
  const erasure = await ctx.em.findOne(ContactErasure, { id: requestId });
  if (!erasure) throw new NotFoundError('ContactErasure', requestId);
  if (wait > 0) {
    const key = { kind: ERASURE_ARRIVAL, tenantId: ctx.principal.tenantId, id: requestId };
    await ctx.runtime.erasures.await(
      key,
      async () => (completedAt(await erasureParts(ctx, requestId)) ? erasure : null),
      wait * 1000,
    );
  }
  return erasure;
}

/** The tenant's erasures of one contact, newest first. */
export function contactErasures(ctx: RequestContext, contactId: string): Promise<ContactErasure[]> {
  requireContactDataAdmin(ctx.principal);
  return ctx.em.find(
    ContactErasure,
    { contactId: contactIdOf(contactId) },
    { orderBy: { requestedAt: 'desc' } },
  );
}
