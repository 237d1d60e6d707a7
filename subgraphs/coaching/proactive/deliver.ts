/**
 * Pushes one intervention to the session's `coachingHints` subscribers as a run of one hint: the hint is
 * judged by the Fair Housing guardrail, counted against the tenant's hint quota (skipped when it is used
 * up), stored with its detector and reason (and `coaching.hint.delivered`, so analytics and billing count
 * it) — only while the session is still open — and then published as STARTED + COMPLETED. No text is
 * streamed: nothing reaches a subscriber before the guardrail passed it and the row exists.
 */
import { withTenantScope } from '../../../core/db/request-scope';
import { DomainError } from '../../../core/errors';
import { AgentRole, EventTypes, type HintDeliveredPayload, HintEventType } from '../../../core/vocabulary';
import { applyGuardrail } from '../engine/guardrail';
import { OFFLINE_MODEL } from '../engine/providers/offline';
import { AgentProfile, type CoachingHint, Qualification, SessionView } from '../entities';
import type { CoachingRuntime } from '../runtime';
import { hintDto, type SessionMessage } from '../service/channels';
import { newRunId } from '../service/coach-session';
import { createHint, deliveredPayload, type HintOwner } from '../service/hint-store';
import { OrderedSessionPublisher, stageEvent } from '../service/publish';
import { settleHints, takeHints } from '../service/quota';
import type { Intervention } from './interventions';

export interface SessionRef {
  tenantId: string;
  sessionId: string;
  agentId: string;
  locationId: string | null;
}

async function store(
  rt: CoachingRuntime,
  session: SessionRef,
  intervention: Intervention,
): Promise<CoachingHint | null> {
  const hint = applyGuardrail(intervention.hint).hint;
  return withTenantScope(rt.orm, session.tenantId, async (em) => {
    const view = await em.findOne(SessionView, { sessionId: session.sessionId }, { refresh: true });
    if (!view || !view.active) return null;
    const q = await em.findOne(Qualification, { sessionId: session.sessionId });
    const agent = await em.findOne(AgentProfile, { agentId: session.agentId });
    const owner: HintOwner = {
      ...session,
      runId: newRunId(),
      request: {
        stage: q?.stage ?? view.stage,
        known: q?.slots ?? {},
        agent: { role: agent?.role ?? AgentRole.BUYER_AGENT },
      },
    };
    const origin = { provider: 'offline' as const, model: OFFLINE_MODEL, cached: false, fallback: false };
    const row = createHint(em, owner, hint, origin, new Date(), {
      detector: intervention.detector,
      reason: intervention.reason,
    });
    stageEvent<HintDeliveredPayload>(
      em,
      EventTypes.coachingHintDelivered,
      session.tenantId,
      deliveredPayload({ locationId: session.locationId, apiKeyId: null, partnerAppId: null }, row),
    );
    await em.flush();
    return row;
  });
}

function event(type: HintEventType, row: CoachingHint, withHint: boolean): SessionMessage {
  return {
    kind: 'hint',
    event: {
      type,
      runId: row.requestId,
      index: 0,
      hint: withHint ? hintDto(row) : null,
      delta: null,
      error: null,
    },
  };
}

/** Stores and publishes the intervention; returns the hint, or null when nothing was pushed. */
export async function deliverIntervention(
  rt: CoachingRuntime,
  session: SessionRef,
  intervention: Intervention,
): Promise<CoachingHint | null> {
  let grant;
  try {
    grant = await takeHints(rt, session.tenantId);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    rt.logger.info({ sessionId: session.sessionId, code: err.code }, 'proactive hint skipped');
    return null;
  }
  let row: CoachingHint | null = null;
  try {
    row = await store(rt, session, intervention);
  } finally {
    await settleHints(rt, grant, row ? 1 : 0).catch((err: unknown) =>
      rt.logger.warn({ err }, 'could not release unused quota'),
    );
  }
  if (!row) return null;
  const out = new OrderedSessionPublisher(rt, session.tenantId, session.sessionId);
  out.push(event(HintEventType.STARTED, row, false));
  out.push(event(HintEventType.COMPLETED, row, true));
  await out.flush();
  return row;
}
