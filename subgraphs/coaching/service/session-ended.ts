/**
 * An ended session takes no more turns and gets no more hints, on every path: the mutations answer
 * CONFLICT with `extensions.reason` SESSION_ENDED; a coaching run whose session ends while it runs stops
 * publishing (its hints are withdrawn with FAILED `error` SESSION_ENDED, nothing is stored); proactive
 * interventions stop (their timers are cleared). Coaching learns the end from `agents.session.upserted`
 * (`active` false): the consumer records it here (`EndedSessions`, in process, so a run's publisher can drop
 * what is left at once) and tells subscribers with a `sessionUpdated` carrying `ended` true. Another
 * instance's run finds out from the read model when it next stores a hint.
 */
import type { EntityManager } from '@mikro-orm/core';
import { ConflictError } from '../../../core/errors';
import { SessionView } from '../entities';

export const SESSION_ENDED = 'SESSION_ENDED';

export class SessionEndedError extends ConflictError {
  constructor(sessionId: string) {
    super('the session has ended', { field: 'sessionId', reason: SESSION_ENDED, sessionId });
  }
}

export function requireActive(session: Pick<SessionView, 'active' | 'sessionId'>): void {
  if (!session.active) throw new SessionEndedError(session.sessionId);
}

/** Throws SessionEndedError unless the read model still has the session open (read fresh). */
export async function requireStillActive(em: EntityManager, sessionId: string): Promise<void> {
  const view = await em.findOne(SessionView, { sessionId }, { refresh: true });
  if (!view || !view.active) throw new SessionEndedError(sessionId);
}

/** Sessions this instance saw end (bounded: the oldest are forgotten first). */
export class EndedSessions {
  private readonly ended = new Set<string>();
  constructor(private readonly max = 100_000) {}

  static key(tenantId: string, sessionId: string): string {
    return `${tenantId}:${sessionId}`;
  }

  add(tenantId: string, sessionId: string): void {
    this.ended.add(EndedSessions.key(tenantId, sessionId));
    if (this.ended.size > this.max) {
      const oldest = this.ended.values().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
  }

  has(tenantId: string, sessionId: string): boolean {
    return this.ended.has(EndedSessions.key(tenantId, sessionId));
  }
}
