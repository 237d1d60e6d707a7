/**
 * The contact's memory as one lead turn uses it (issue 13): the qualification reads it, the turn's facts
 * and notes are merged into it, and the coaching request reads it again. That was three reads of the facts
 * and of the notes, and two of the retention and the summaries, per turn. Here they are read once — the
 * facts and notes rows whatever their age, since the turn may update an expired one — and every view
 * applies the retention cutoff itself, as `loadContactMemory` does in SQL; the turn's own changes are made
 * on these very rows, so the second view sees them without a read.
 */
import type { EntityManager } from '@mikro-orm/core';
import { ContactFact, ContactMemory, ContactSessionSummary, type SessionView } from '../entities';
import { MAX_SUMMARIES, rememberedContext, type RememberedContext } from './contact-memory';
import { FACT_KEYS, type FactKey } from './memory-facts';
import { retentionDays } from './memory-retention';

const DAY_MS = 86_400_000;

export interface TurnMemory {
  retentionDays: number;
  /** Every fact row of the contact, any age; rows the turn creates are added. */
  facts: ContactFact[];
  /** The notes row, any age (null until the contact has one). */
  notes: ContactMemory | null;
  /** Summaries of ended sessions within the retention, newest first (a turn never writes one). */
  summaries: ContactSessionSummary[];
}

/** `em` scoped to the session's tenant. One statement after another, as on a request's EntityManager. */
export async function loadTurnMemory(
  em: EntityManager,
  session: SessionView,
  now = new Date(),
): Promise<TurnMemory> {
  const days = await retentionDays(em, session.tenantId);
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const facts = await em.find(ContactFact, { contactId: session.contactId });
  const summaries = await em.find(
    ContactSessionSummary,
    { contactId: session.contactId, endedAt: { $gte: cutoff } },
    { orderBy: { endedAt: 'desc', id: 'desc' }, limit: MAX_SUMMARIES },
  );
  const notes = await em.findOne(ContactMemory, { contactId: session.contactId });
  return { retentionDays: days, facts, notes, summaries };
}

/**
 * What `sessionMemory` (qualification.ts) answers, from the snapshot: facts and notes updated since the
 * retention cutoff, facts in FACT_KEYS order, the facts' lines then the other notes.
 */
export function turnSessionMemory(
  memory: TurnMemory,
  session: SessionView,
  now = new Date(),
): RememberedContext {
  const cutoff = new Date(now.getTime() - memory.retentionDays * DAY_MS);
  const order = (k: string) => FACT_KEYS.indexOf(k as FactKey);
  const facts = memory.facts
    .filter((f) => f.updatedAt >= cutoff && order(f.key) >= 0)
    .sort((a, b) => order(a.key) - order(b.key));
  const notes = memory.notes && memory.notes.updatedAt >= cutoff ? [...memory.notes.notes] : [];
  const tiers = {
    contactId: session.contactId,
    facts,
    summaries: memory.summaries,
    notes,
    retentionDays: memory.retentionDays,
  };
  const context = rememberedContext(tiers, session.sessionId);
  const said = new Set(context.lines.map((l) => l.replace(/^Known fact: /, '')));
  return { ...context, lines: [...context.lines, ...notes.filter((n) => !said.has(n))] };
}
