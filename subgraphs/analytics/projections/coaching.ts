/**
 * Projections of coaching events into hour buckets. Order-independent: a verdict is counted in the
 * bucket of its hint's delivery once both the delivery and the verdict are known, whichever came first.
 */
import type { EntityManager } from '@mikro-orm/core';
import type {
  EventEnvelope,
  HintDeliveredPayload,
  HintFeedbackPayload,
  QualificationUpdatedPayload,
} from '../../../core/vocabulary';
import { HintFact, SessionFact } from '../entities/facts';
import { hourOf, lockBucket, lockOptions } from './buckets';
import { recordLatency } from './histogram';
import { checkAcceptanceDrop, checkDailyCost, checkLatency, settingsOf } from './alerts';
import { attributeContact } from './outcomes';

async function hintFact(
  em: EntityManager,
  tenantId: string,
  hintId: string,
  init: () => HintFact,
): Promise<HintFact> {
  const existing = await em.findOne(HintFact, { id: hintId, tenantId }, lockOptions(em));
  if (existing) return existing;
  const fact = init();
  em.persist(fact);
  return fact;
}

/** Counts the fact's verdict in its delivery bucket (moving it if the verdict changed). */
async function countVerdict(em: EntityManager, fact: HintFact): Promise<boolean> {
  if (!fact.deliveredAt || !fact.verdict || fact.countedVerdict === fact.verdict) return false;
  const b = await lockBucket(em, {
    tenantId: fact.tenantId,
    hourStart: hourOf(fact.deliveredAt),
    locationId: fact.locationId,
    agentId: fact.agentId,
  });
  if (fact.countedVerdict === 'ACCEPTED') b.accepted -= 1;
  if (fact.countedVerdict === 'DISMISSED') b.dismissed -= 1;
  if (fact.verdict === 'ACCEPTED') b.accepted += 1;
  else b.dismissed += 1;
  fact.countedVerdict = fact.verdict;
  return true;
}

export async function onHintDelivered(
  em: EntityManager,
  event: EventEnvelope<HintDeliveredPayload>,
): Promise<void> {
  const p = event.payload;
  const at = new Date(event.at);
  const hour = hourOf(at);
  const fact = await hintFact(em, event.tenantId, p.hintId, () =>
    Object.assign(new HintFact(), {
      id: p.hintId,
      tenantId: event.tenantId,
      sessionId: p.sessionId,
      agentId: p.agentId,
    }),
  );
  const b = await lockBucket(em, {
    tenantId: event.tenantId,
    hourStart: hour,
    locationId: p.locationId,
    agentId: p.agentId,
  });
  b.hintsDelivered += 1;
  b.latencyHistogram = recordLatency(b.latencyHistogram, p.latencyMs);
  b.tokensIn += Math.max(0, Math.trunc(p.tokensIn));
  b.tokensOut += Math.max(0, Math.trunc(p.tokensOut));
  b.costMicros += Math.max(0, Math.trunc(p.costMicros));
  if (p.cached) b.cacheHits += 1;
  fact.locationId = p.locationId;
  fact.agentId = p.agentId;
  fact.deliveredAt = at;
  await countVerdict(em, fact);
  await em.flush();
  const settings = await settingsOf(em, event.tenantId);
  await checkLatency(em, event.tenantId, hour, p.locationId, settings);
  await checkDailyCost(em, event.tenantId, at, settings);
}

export async function onHintFeedback(
  em: EntityManager,
  event: EventEnvelope<HintFeedbackPayload>,
): Promise<void> {
  const p = event.payload;
  const at = new Date(event.at);
  const fact = await hintFact(em, event.tenantId, p.hintId, () =>
    Object.assign(new HintFact(), {
      id: p.hintId,
      tenantId: event.tenantId,
      sessionId: p.sessionId,
      agentId: p.agentId,
    }),
  );
  if (fact.feedbackAt && fact.feedbackAt > at) return; // an older verdict than the one recorded
  fact.verdict = p.verdict;
  fact.feedbackAt = at;
  const counted = await countVerdict(em, fact);
  await em.flush();
  if (counted && fact.deliveredAt)
    await checkAcceptanceDrop(em, event.tenantId, fact.deliveredAt, await settingsOf(em, event.tenantId));
  if (p.verdict === 'ACCEPTED') {
    const session = await em.findOne(SessionFact, { id: p.sessionId, tenantId: event.tenantId });
    if (session?.contactId) await attributeContact(em, event.tenantId, session.contactId);
  }
}

/**
 * Qualification completion: a session counts once, in the bucket of its first update; the bucket holds
 * the sum of its sessions' latest scores (0–100), so completion = scoreSum / (sessions × 100).
 */
export async function onQualificationUpdated(
  em: EntityManager,
  event: EventEnvelope<QualificationUpdatedPayload>,
): Promise<void> {
  const p = event.payload;
  const at = new Date(event.at);
  const score = Math.min(100, Math.max(0, Math.round(p.score)));
  let s = await em.findOne(SessionFact, { id: p.sessionId, tenantId: event.tenantId }, lockOptions(em));
  if (!s) {
    s = Object.assign(new SessionFact(), {
      id: p.sessionId,
      tenantId: event.tenantId,
      agentId: p.agentId,
      locationId: p.locationId,
    });
    em.persist(s);
  }
  if (s.lastScoreAt && s.lastScoreAt > at) return;
  if (!s.qualHour) {
    s.qualHour = hourOf(at);
    s.qualLocationId = p.locationId;
    s.qualAgentId = p.agentId;
    const b = await lockBucket(em, {
      tenantId: event.tenantId,
      hourStart: s.qualHour,
      locationId: p.locationId,
      agentId: p.agentId,
    });
    b.qualSessions += 1;
    b.qualScoreSum += score;
  } else {
    const b = await lockBucket(em, {
      tenantId: event.tenantId,
      hourStart: s.qualHour,
      locationId: s.qualLocationId,
      agentId: s.qualAgentId ?? p.agentId,
    });
    b.qualScoreSum += score - (s.lastScore ?? 0);
  }
  s.lastScore = score;
  s.lastScoreAt = at;
}
