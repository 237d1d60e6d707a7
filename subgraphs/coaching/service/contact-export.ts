/**
 * Coaching's share of a contact's data export (GDPR access): the contact's conversation turns, hints and
 * qualifications typed, and every other contact store (service/contact-stores.ts: memory, facts, summaries,
 * GoHighLevel deliveries, …) as plain rows — a store added to that list is exported without a change here.
 */
import { wrap } from '@mikro-orm/core';
import { requireContactDataAdmin } from '../../../core/contact-data';
import { CoachingHint, ConversationTurn, Qualification, SessionView } from '../entities';
import type { ServiceCtx } from './context';
import { COACHING_CONTACT_STORES, type ContactScope } from './contact-stores';

/** Stores the export answers with typed fields; the others come as records. */
const TYPED = new Set(['ConversationTurn', 'CoachingHint', 'Qualification']);

export interface StoreRecords {
  table: string;
  rows: Record<string, unknown>[];
}

async function scopeOf(svc: ServiceCtx, contactId: string): Promise<ContactScope> {
  requireContactDataAdmin(svc.principal);
  const tenantId = svc.principal.tenantId;
  const sessions = await svc.em.find(SessionView, { contactId }, { fields: ['sessionId'] });
  return { tenantId, contactId, sessionIds: sessions.map((s) => s.sessionId) };
}

export async function contactTurns(svc: ServiceCtx, contactId: string): Promise<ConversationTurn[]> {
  const s = await scopeOf(svc, contactId);
  return svc.em.find(
    ConversationTurn,
    { sessionId: { $in: s.sessionIds } },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
}

export async function contactHints(svc: ServiceCtx, contactId: string): Promise<CoachingHint[]> {
  const s = await scopeOf(svc, contactId);
  return svc.em.find(
    CoachingHint,
    { sessionId: { $in: s.sessionIds } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}

export async function contactQualifications(svc: ServiceCtx, contactId: string): Promise<Qualification[]> {
  const s = await scopeOf(svc, contactId);
  return svc.em.find(Qualification, { sessionId: { $in: s.sessionIds } }, { orderBy: { updatedAt: 'asc' } });
}

export async function contactRecords(svc: ServiceCtx, contactId: string): Promise<StoreRecords[]> {
  const s = await scopeOf(svc, contactId);
  const out: StoreRecords[] = [];
  for (const store of COACHING_CONTACT_STORES) {
    if (TYPED.has(store.entity)) continue;
    const rows = await svc.em.find(store.entity, (await store.where(svc.em, s)) as never);
    out.push({
      table: store.table,
      rows: rows.map((r) => wrap(r as object).toPOJO() as Record<string, unknown>),
    });
  }
  return out;
}
