/**
 * Medium-term contact memory: when coaching learns that a session ended (consumers/read-models.ts), it
 * writes one summary of it for the contact — offline at once, in the event's transaction (idempotent: one
 * row per session), built from the session's turns, qualification and hints; then, when a model key is
 * set, the model's summary replaces it (`upgradeSummary`, after commit, in the background). Neither ever
 * keeps a sentence that mentions a protected class (coach/fair-housing.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { HintStatus, Speaker } from '../../../core/vocabulary';
import { mentionsProtectedClass } from '../coach/fair-housing';
import {
  CoachingHint,
  ContactSessionSummary,
  ConversationTurn,
  MAX_SUMMARY_TEXT,
  Qualification,
  SummarySource,
  type SessionView,
} from '../entities';
import type { SessionSummarizer } from '../engine/session-summarizer';
import { describeFact, rememberableFacts } from './memory-facts';

/** Keeps the sentences that mention no protected class; bounded. */
export function withoutProtectedContent(text: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() && mentionsProtectedClass(s) === null);
  const out = sentences.join(' ').trim();
  return out.length > MAX_SUMMARY_TEXT ? `${out.slice(0, MAX_SUMMARY_TEXT - 1)}…` : out;
}

const label = (s: string) => s.toLowerCase().replace(/_/g, ' ');

export interface SessionRecord {
  turns: ConversationTurn[];
  qualification: Qualification | null;
  hints: CoachingHint[];
}

export async function loadSessionRecord(em: EntityManager, sessionId: string): Promise<SessionRecord> {
  const turns = await em.find(
    ConversationTurn,
    { sessionId },
    { orderBy: { at: 'asc', id: 'asc' }, limit: 500 },
  );
  const qualification = await em.findOne(Qualification, { sessionId });
  const hints = await em.find(CoachingHint, { sessionId }, { orderBy: { createdAt: 'asc' }, limit: 500 });
  return { turns, qualification, hints };
}

/** The offline summary: what the lead established, where the conversation stood, what the coach did. */
export function offlineSummary(view: SessionView, rec: SessionRecord): string {
  const lead = rec.turns.filter((t) => t.speaker === Speaker.LEAD).length;
  const q = rec.qualification;
  const stage = q?.stage ?? view.stage;
  const out = [
    `Session of ${rec.turns.length} turn(s) (${lead} from the lead) ended at stage ${label(stage)}.`,
  ];
  const facts = q ? rememberableFacts(q.slots).map((f) => describeFact(f.key, f.value)) : [];
  if (facts.length) out.push(`The lead stated: ${facts.join('; ')}.`);
  if (q) {
    out.push(`Qualification ${Math.round(q.score)}/100.`);
    if (q.missing.length) out.push(`Still unknown: ${q.missing.join(', ')}.`);
  }
  const objections = [...new Set(rec.hints.flatMap((h) => (h.objection ? [label(h.objection)] : [])))];
  if (objections.length) out.push(`Objections raised: ${objections.join(', ')}.`);
  if (rec.hints.length) {
    const accepted = rec.hints.filter((h) => h.status === HintStatus.ACCEPTED).length;
    const categories = [...new Set(rec.hints.map((h) => label(h.category)))];
    out.push(`Coach gave ${rec.hints.length} hint(s) (${categories.join(', ')}); ${accepted} accepted.`);
  }
  return withoutProtectedContent(out.join(' '));
}

/**
 * Writes the offline summary of an ended session once (a second call — a redelivered or later event —
 * finds the row and does nothing). Returns the new row, or null when the session already had one or
 * never had a turn here.
 */
export async function summarizeEndedSession(
  em: EntityManager,
  view: SessionView,
  endedAt: Date,
): Promise<ContactSessionSummary | null> {
  if (await em.findOne(ContactSessionSummary, { sessionId: view.sessionId })) return null;
  const rec = await loadSessionRecord(em, view.sessionId);
  if (rec.turns.length === 0) return null;
  return em.create(ContactSessionSummary, {
    id: randomUUID(),
    tenantId: view.tenantId,
    contactId: view.contactId,
    sessionId: view.sessionId,
    agentId: view.agentId,
    text: offlineSummary(view, rec),
    source: SummarySource.OFFLINE,
    model: null,
    endedAt,
  });
}

/** Replaces an OFFLINE summary by the model's (`em` scoped to the summary's tenant). False when nothing changed. */
export async function upgradeSummary(
  em: EntityManager,
  sessionId: string,
  summarizer: SessionSummarizer,
): Promise<boolean> {
  const row = await em.findOne(ContactSessionSummary, { sessionId });
  if (!row || row.source !== SummarySource.OFFLINE) return false;
  const rec = await loadSessionRecord(em, sessionId);
  const transcript = rec.turns.map((t) => `${t.speaker}: ${t.text}`).join('\n');
  const facts = rec.qualification
    ? rememberableFacts(rec.qualification.slots).map((f) => describeFact(f.key, f.value))
    : [];
  const answer = await summarizer.summarize({ transcript, facts });
  const text = withoutProtectedContent(answer.text);
  if (!text) return false;
  em.assign(row, { text, source: SummarySource.MODEL, model: answer.model.slice(0, 64) });
  await em.flush();
  return true;
}
