/**
 * The lead's qualification after a LEAD turn: the offline coach analyses the recent turns, its slots are
 * merged over what earlier turns (and earlier sessions with the contact: its memory) established, the merged
 * slots are scored for the agent's role, and the contact's memory keeps the facts (typed: memory-facts.ts)
 * and notes for the next session with this contact.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { ConversationStage } from '../../../core/vocabulary';
import { coachFromAnalysis } from '../coach/offline-coach';
import { shareAnalysis, type SharedAnalysis } from '../coach/conversation-analysis';
import { formatAreas, formatMoney, qualify } from '../coach/qualification';
import { verticalTemplate } from '../verticals/registry';
import type { AgentProfileView, Slots, Turn } from '../coach/types';
import { ContactMemory, MAX_MEMORY_NOTES, Qualification, type SessionView } from '../entities';
import { loadContactMemory, rememberedContext, type RememberedContext } from './contact-memory';
import { rememberFacts } from './memory-facts';
import { turnSessionMemory, type TurnMemory } from './turn-memory';

/** Later statements win; a list replaces the earlier one only when it is not empty. */
export function mergeSlots(known: Slots, fresh: Slots): Slots {
  const out: Slots = { ...known };
  for (const [key, value] of Object.entries(fresh) as [keyof Slots, Slots[keyof Slots]][]) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    (out as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

export interface QualificationUpdate {
  qualification: Qualification;
  scoreChanged: boolean;
  /** The stage before this turn (the qualification's, else the session's). */
  previousStage: ConversationStage;
  /** The offline coach's analysis of these turns, for the turn's coaching run (coach/conversation-analysis.ts). */
  analysis: SharedAnalysis;
}

export async function updateQualification(
  em: EntityManager,
  session: SessionView,
  agent: AgentProfileView,
  turns: Turn[],
  now: Date,
  /** The session's vertical code (service/vertical.ts): its slots and questions. Default: residential. */
  vertical: string | undefined,
  /** The contact's memory as this turn read it (turn-memory.ts). */
  memory: TurnMemory,
): Promise<QualificationUpdate> {
  const existing = await em.findOne(Qualification, { sessionId: session.sessionId });
  const stage = existing?.stage ?? session.stage;
  // what earlier sessions with this contact established is known from the first turn on (not asked again)
  const { remembered } = turnSessionMemory(memory, session);
  const input = { agent, stage, turns, remembered, vertical, now: now.toISOString() };
  const shared = shareAnalysis(session, input);
  const analysis = coachFromAnalysis(input, shared.analysis);
  const slots = mergeSlots(existing?.slots ?? {}, analysis.slots);
  const scored = qualify(agent.role, slots, verticalTemplate(vertical));
  const previousScore = existing?.score ?? null;
  const q =
    existing ??
    em.create(Qualification, {
      id: randomUUID(),
      tenantId: session.tenantId,
      sessionId: session.sessionId,
      slots,
      score: 0,
      missing: [],
      nextQuestion: null,
      stage,
      updatedAt: now,
    });
  q.slots = slots;
  q.score = scored.score;
  q.missing = [...scored.missing];
  q.nextQuestion = scored.nextQuestion;
  q.stage = analysis.stage;
  q.updatedAt = now;
  return {
    qualification: q,
    scoreChanged: previousScore !== q.score,
    previousStage: stage,
    analysis: shared,
  };
}

const PROPERTY_LABEL: Record<string, string> = {
  SINGLE_FAMILY: 'single-family home',
  CONDO: 'condo',
  TOWNHOUSE: 'townhome',
  MULTI_FAMILY: 'multi-family',
  LAND: 'land',
};

/** "Label: value" notes from known slots (one per label, so a newer value replaces an older note). */
export function memoryNotes(slots: Slots): string[] {
  const notes: string[] = [];
  if (slots.budget !== undefined) notes.push(`Budget: up to ${formatMoney(slots.budget)}`);
  if (slots.priceExpectation !== undefined)
    notes.push(`Price expectation: about ${formatMoney(slots.priceExpectation)}`);
  if (slots.timelineMonths !== undefined) notes.push(`Timeline: about ${slots.timelineMonths} month(s)`);
  if (slots.preApproved !== undefined)
    notes.push(`Pre-approval: ${slots.preApproved ? 'pre-approved' : 'not yet'}`);
  if (slots.bedrooms !== undefined) notes.push(`Bedrooms: ${slots.bedrooms}+`);
  if (slots.propertyType !== undefined)
    notes.push(`Property type: ${PROPERTY_LABEL[slots.propertyType] ?? slots.propertyType}`);
  if (slots.areas && slots.areas.length > 0) notes.push(`Areas: ${formatAreas(slots.areas)}`);
  if (slots.motivation !== undefined) notes.push(`Motivation: ${slots.motivation.toLowerCase()}`);
  return notes;
}

function label(note: string): string {
  const i = note.indexOf(':');
  return i < 0 ? note : note.slice(0, i);
}

/**
 * Merges the session's facts into the contact's memory; newest notes first, at most MAX_MEMORY_NOTES. The
 * rows are the turn's snapshot (`turnMemory`), which sees the changes.
 */
export async function rememberContact(
  em: EntityManager,
  session: SessionView,
  slots: Slots,
  now: Date,
  turnMemory: TurnMemory,
): Promise<void> {
  const fresh = memoryNotes(slots);
  if (fresh.length === 0) return;
  const memory =
    turnMemory.notes ??
    em.create(ContactMemory, {
      id: randomUUID(),
      tenantId: session.tenantId,
      contactId: session.contactId,
      notes: [],
      updatedAt: now,
    });
  turnMemory.notes = memory;
  await rememberFacts(em, session, slots, now, turnMemory.facts);
  const labels = new Set(fresh.map(label));
  const notes = [...fresh, ...memory.notes.filter((n) => !labels.has(label(n)))].slice(0, MAX_MEMORY_NOTES);
  if (JSON.stringify(notes) === JSON.stringify(memory.notes)) return;
  memory.notes = notes;
  memory.updatedAt = now;
}

/** The contact's memory for a coaching moment of `session`: remembered slots and lines for the prompt. */
export async function sessionMemory(em: EntityManager, session: SessionView): Promise<RememberedContext> {
  const tiers = await loadContactMemory(em, session.tenantId, session.contactId);
  const context = rememberedContext(tiers, session.sessionId);
  // notes not already said by a fact ("Budget: up to …" is both)
  const said = new Set(context.lines.map((l) => l.replace(/^Known fact: /, '')));
  return { ...context, lines: [...context.lines, ...tiers.notes.filter((n) => !said.has(n))] };
}
