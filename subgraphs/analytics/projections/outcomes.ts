/**
 * Outcome attribution: an opportunity won for a contact counts as a deal won after coaching when a hint
 * of one of that contact's sessions was ACCEPTED at or before the win. It is counted once per
 * opportunity, in the bucket of the win's hour, for the agent (and location) of the latest such hint.
 * Re-evaluated whenever one of the three facts (session contact, acceptance, win) arrives.
 */
import type { EntityManager } from '@mikro-orm/core';
import type {
  AgentSessionUpsertedPayload,
  EventEnvelope,
  InvoiceIssuedPayload,
  OpportunityStatusPayload,
} from '../../../core/vocabulary';
import { sqlEm } from '../../../core/outbox';
import { HintFact, InvoiceFact, OpportunityFact, SessionFact } from '../entities/facts';
import { hourOf, lockBucket, lockOptions } from './buckets';

export async function attributeContact(
  em: EntityManager,
  tenantId: string,
  contactId: string,
): Promise<void> {
  const wins = await em.find(
    OpportunityFact,
    { tenantId, contactId, attributed: false, wonAt: { $ne: null } },
    lockOptions(em),
  );
  if (!wins.length) return;
  const sessions = await em.find(SessionFact, { tenantId, contactId });
  if (!sessions.length) return;
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const accepted = await em.find(
    HintFact,
    { tenantId, sessionId: { $in: [...sessionById.keys()] }, verdict: 'ACCEPTED' },
    { orderBy: { feedbackAt: 'desc' } },
  );
  for (const win of wins) {
    const hint = accepted.find((h) => h.feedbackAt && h.feedbackAt <= win.wonAt!);
    if (!hint) continue;
    const session = sessionById.get(hint.sessionId);
    const locationId = hint.locationId ?? session?.locationId ?? win.locationId;
    win.attributed = true;
    win.attributedAgentId = hint.agentId;
    const b = await lockBucket(em, {
      tenantId,
      hourStart: hourOf(win.wonAt!),
      locationId,
      agentId: hint.agentId,
    });
    b.dealsWon += 1;
  }
}

export async function onSessionUpserted(
  em: EntityManager,
  event: EventEnvelope<AgentSessionUpsertedPayload>,
): Promise<void> {
  const p = event.payload;
  let s = await em.findOne(SessionFact, { id: p.sessionId, tenantId: event.tenantId }, lockOptions(em));
  if (!s) {
    s = Object.assign(new SessionFact(), { id: p.sessionId, tenantId: event.tenantId });
    em.persist(s);
  }
  s.agentId = p.agentId;
  s.locationId = p.locationId;
  s.contactId = p.contactId;
  await em.flush();
  await attributeContact(em, event.tenantId, p.contactId);
}

export async function onOpportunityStatus(
  em: EntityManager,
  event: EventEnvelope<OpportunityStatusPayload>,
): Promise<void> {
  const p = event.payload;
  const at = new Date(event.at);
  let o = await em.findOne(
    OpportunityFact,
    { id: p.opportunityId, tenantId: event.tenantId },
    lockOptions(em),
  );
  if (!o) {
    o = Object.assign(new OpportunityFact(), {
      id: p.opportunityId,
      tenantId: event.tenantId,
      contactId: p.contactId,
      status: p.status,
    });
    em.persist(o);
  }
  o.status = p.status.toLowerCase();
  o.locationId = p.locationId;
  if (o.status === 'won' && !o.wonAt) o.wonAt = at;
  await em.flush();
  if (o.wonAt) await attributeContact(em, event.tenantId, o.contactId);
}

export async function onInvoiceIssued(
  em: EntityManager,
  event: EventEnvelope<InvoiceIssuedPayload>,
): Promise<void> {
  const p = event.payload;
  await sqlEm(em)
    .createQueryBuilder(InvoiceFact)
    .insert({
      id: p.invoiceId,
      tenantId: event.tenantId,
      organizationId: p.organizationId,
      periodEnd: new Date(p.periodEnd),
      totalCents: p.totalCents,
    })
    .onConflict('id')
    .ignore()
    .execute('run');
}
