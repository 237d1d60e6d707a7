/**
 * Wraps the read-model consumer: once an `agents.session.upserted` saying the session ended is applied,
 * this instance stops the session's proactive timers, records the end so its runs publish nothing more
 * (service/session-ended.ts), and tells the session's subscribers with a `sessionUpdated` whose `ended`
 * is true (so a widget can close, and a client knows further turns answer SESSION_ENDED).
 */
import type { EventEnvelope } from '../../../core/vocabulary';
import { EventTypes } from '../../../core/vocabulary';
import { SessionView } from '../entities';
import type { CoachingRuntime } from '../runtime';
import { withTenantScope } from '../../../core/db/request-scope';
import { qualificationDto } from '../service/channels';
import { publishToSession } from '../service/publish';
import { Qualification } from '../entities';

function endedSessionOf(event: EventEnvelope): string | null {
  if (event.type !== EventTypes.agentSessionUpserted) return null;
  const p = event.payload as { sessionId?: unknown; active?: unknown } | null;
  return p && p.active === false && typeof p.sessionId === 'string' ? p.sessionId : null;
}

export function announcingEnds(
  rt: CoachingRuntime,
  handler: (event: EventEnvelope) => Promise<void>,
): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    await handler(event);
    const sessionId = endedSessionOf(event);
    if (!sessionId) return;
    rt.endedSessions.add(event.tenantId, sessionId);
    rt.proactive.sessionEnded(event.tenantId, sessionId);
    const state = await withTenantScope(rt.orm, event.tenantId, async (em) => ({
      view: await em.findOne(SessionView, { sessionId }),
      q: await em.findOne(Qualification, { sessionId }),
    })).catch((err: unknown) => {
      rt.logger.warn({ err, sessionId }, 'ended session not announced');
      return null;
    });
    // an older event applied late (the read model kept a newer, open state) announces nothing
    if (!state?.view || state.view.active) return;
    await publishToSession(rt, event.tenantId, sessionId, {
      kind: 'session',
      update: {
        sessionId,
        stage: state.q?.stage ?? state.view.stage,
        qualification: state.q ? qualificationDto(state.q) : null,
        ended: true,
      },
    });
  };
}
