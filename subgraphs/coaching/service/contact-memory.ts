/**
 * A contact's memory across sessions, in three tiers: long term (typed facts: memory-facts.ts), medium term
 * (one summary per ended session: memory-summary.ts) and recent notes (ContactMemory, fed per lead turn).
 * Everything older than the tenant's retention is left out (memory-retention.ts). Read by the API
 * (`Contact.memory`) and by each coaching request (the prompt, the offline coach and the qualification).
 */
import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../../../core/errors';
import { isOrgWide } from '../../../core/principal';
import * as check from '../../../core/validation';
import type { Slots } from '../coach/types';
import { ContactMemory, ContactSessionSummary, SessionView, type ContactFact } from '../entities';
import { canSeeSession, requireRead } from './access';
import type { ServiceCtx } from './context';
import { contactFacts, describeFact, slotsFromFacts, type FactKey } from './memory-facts';
import { retentionDays } from './memory-retention';

export const MAX_SUMMARIES = 5;

export interface ContactMemoryTiers {
  contactId: string;
  facts: ContactFact[];
  /** Newest first. */
  summaries: ContactSessionSummary[];
  /** Newest first. */
  notes: string[];
  retentionDays: number;
}

/** `em` scoped to the tenant. */
export async function loadContactMemory(
  em: EntityManager,
  tenantId: string,
  contactId: string,
  now = new Date(),
): Promise<ContactMemoryTiers> {
  const days = await retentionDays(em, tenantId);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  // one after another: a request's EntityManager runs one statement at a time (one transaction on PostgreSQL)
  const facts = await contactFacts(em, contactId, cutoff);
  const summaries = await em.find(
    ContactSessionSummary,
    { contactId, endedAt: { $gte: cutoff } },
    { orderBy: { endedAt: 'desc', id: 'desc' }, limit: MAX_SUMMARIES },
  );
  const notes = await em.findOne(ContactMemory, { contactId, updatedAt: { $gte: cutoff } });
  return { contactId, facts, summaries, notes: notes ? [...notes.notes] : [], retentionDays: days };
}

/** What coaching starts a session with: the facts as slots, and memory lines for the prompt. */
export interface RememberedContext {
  /** Facts from sessions other than the current one. */
  remembered: Slots;
  /** Facts, then earlier sessions' summaries (newest first), as lines for the model. */
  lines: string[];
}

export function rememberedContext(m: ContactMemoryTiers, currentSessionId: string): RememberedContext {
  const earlier = m.facts.filter((f) => f.sourceSessionId !== currentSessionId);
  const lines = [
    ...m.facts.map((f) => `Known fact: ${describeFact(f.key as FactKey, f.value)}`),
    ...m.summaries
      .filter((s) => s.sessionId !== currentSessionId)
      .map((s) => `Earlier session (${s.endedAt.toISOString().slice(0, 10)}): ${s.text}`),
  ];
  return { remembered: slotsFromFacts(earlier), lines };
}

/**
 * The contact's memory as the caller may see it: OWNER/ADMIN any contact of their tenant; others only a
 * contact of a session they may see (an AGENT their own sessions, a MANAGER their locations'). A contact
 * the caller may not see — or another tenant's — answers NOT_FOUND, like an unknown one.
 */
export async function visibleContactMemory(ctx: ServiceCtx, id: string): Promise<ContactMemoryTiers> {
  requireRead(ctx.principal);
  const contactId = check.externalId('id', id);
  const sessions = await ctx.em.find(SessionView, { contactId }, { limit: 200 });
  const visible = isOrgWide(ctx.principal) || sessions.some((s) => canSeeSession(ctx.principal, s));
  const memory = visible ? await loadContactMemory(ctx.em, ctx.principal.tenantId, contactId) : null;
  const known = sessions.length > 0 || (memory !== null && hasMemory(memory));
  if (!memory || !known) throw new NotFoundError('Contact', contactId);
  return memory;
}

function hasMemory(m: ContactMemoryTiers): boolean {
  return m.facts.length > 0 || m.summaries.length > 0 || m.notes.length > 0;
}
