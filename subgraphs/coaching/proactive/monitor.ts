/**
 * Proactive interventions of one coaching instance: on every recorded turn it runs the detectors
 * (detectors.ts) in the background, and keeps per open session at most two timers — AGENT_SLOW, armed by
 * the lead's first unanswered turn and cleared by the agent's reply; LEAD_QUIET, armed by the agent's
 * latest message and cleared by the lead's reply. What fires passes the per-session limiter (limiter.ts)
 * and is delivered (deliver.ts). Timers are cleared when the session ends (`sessionEnded`) and on
 * shutdown (`close`); they never keep the process alive.
 */
import { withTenantScope } from '../../../core/db/request-scope';
import { ProactiveDetector, Speaker } from '../../../core/vocabulary';
import { ConversationTurn } from '../entities';
import type { ResolvedProactiveOptions } from '../options';
import type { CoachingRuntime } from '../runtime';
import { deliverIntervention, type SessionRef } from './deliver';
import { detect, type Detection, type StreamTurn } from './detectors';
import { interventionFor } from './interventions';
import { ProactiveLimiter } from './limiter';

/** Previous turns the detectors look at. */
const HISTORY = 12;

interface SessionTimers {
  session: SessionRef;
  agentSlow?: NodeJS.Timeout;
  leadQuiet?: NodeJS.Timeout;
}

export interface ProactiveStats {
  /** Interventions pushed, by detector. */
  delivered: Partial<Record<ProactiveDetector, number>>;
  /** Detections the limiter held back. */
  limited: number;
}

export class ProactiveMonitor {
  private readonly limiter: ProactiveLimiter;
  private readonly timers = new Map<string, SessionTimers>();
  private closed = false;
  readonly stats: ProactiveStats = { delivered: {}, limited: 0 };

  constructor(
    private readonly rt: () => CoachingRuntime,
    readonly options: ResolvedProactiveOptions,
  ) {
    this.limiter = new ProactiveLimiter(options.cooldownSeconds * 1000, options.cooldownTurns);
  }

  private static key(s: { tenantId: string; sessionId: string }): string {
    return `${s.tenantId}:${s.sessionId}`;
  }

  /** A turn was recorded for the open session (`coached`: a requested run answers it). Never throws. */
  onTurn(session: SessionRef, turn: StreamTurn, coached: boolean): void {
    if (!this.options.enabled || this.closed) return;
    const key = ProactiveMonitor.key(session);
    this.limiter.turn(key);
    this.arm(session, turn.speaker);
    this.rt().runs.launch(async () => {
      const previous = await this.previousTurns(session, turn.at);
      const detections = detect({ turn, previous, coached, agentSlowSeconds: this.options.agentSlowSeconds });
      for (const d of detections) await this.push(session, d);
    });
  }

  /** The session ended: its timers and limits go; nothing more is pushed for it. */
  sessionEnded(tenantId: string, sessionId: string): void {
    const key = ProactiveMonitor.key({ tenantId, sessionId });
    this.clear(key);
    this.limiter.forget(key);
  }

  close(): void {
    this.closed = true;
    for (const key of [...this.timers.keys()]) this.clear(key);
  }

  /** Open sessions with a timer armed (for tests and metrics). */
  get armed(): number {
    return this.timers.size;
  }

  /** Which timers are armed for the session. */
  timersOf(tenantId: string, sessionId: string): { agentSlow: boolean; leadQuiet: boolean } {
    const t = this.timers.get(ProactiveMonitor.key({ tenantId, sessionId }));
    return { agentSlow: !!t?.agentSlow, leadQuiet: !!t?.leadQuiet };
  }

  private arm(session: SessionRef, speaker: Speaker): void {
    const key = ProactiveMonitor.key(session);
    const t = this.timers.get(key) ?? { session };
    this.timers.set(key, t);
    const start = (detector: ProactiveDetector, seconds: number): NodeJS.Timeout => {
      const timer = setTimeout(() => this.fire(key, detector, seconds), seconds * 1000);
      timer.unref();
      return timer;
    };
    if (speaker === Speaker.LEAD) {
      clearTimeout(t.leadQuiet);
      t.leadQuiet = undefined;
      // the wait counts from the lead's first unanswered message
      t.agentSlow ??= start(ProactiveDetector.AGENT_SLOW, this.options.agentSlowSeconds);
    } else {
      clearTimeout(t.agentSlow);
      t.agentSlow = undefined;
      clearTimeout(t.leadQuiet);
      t.leadQuiet = start(ProactiveDetector.LEAD_QUIET, this.options.leadQuietSeconds);
    }
  }

  private fire(key: string, detector: ProactiveDetector, seconds: number): void {
    const t = this.timers.get(key);
    if (!t || this.closed) return;
    if (detector === ProactiveDetector.AGENT_SLOW) t.agentSlow = undefined;
    else t.leadQuiet = undefined;
    if (!t.agentSlow && !t.leadQuiet) this.timers.delete(key);
    const d: Detection =
      detector === ProactiveDetector.AGENT_SLOW
        ? { detector, waitedSeconds: seconds }
        : { detector: ProactiveDetector.LEAD_QUIET, waitedSeconds: seconds };
    this.rt().runs.launch(() => this.push(t.session, d));
  }

  private clear(key: string): void {
    const t = this.timers.get(key);
    if (!t) return;
    clearTimeout(t.agentSlow);
    clearTimeout(t.leadQuiet);
    this.timers.delete(key);
  }

  private async push(session: SessionRef, d: Detection): Promise<void> {
    if (this.closed || this.rt().endedSessions.has(session.tenantId, session.sessionId)) return;
    if (!this.limiter.take(ProactiveMonitor.key(session), d.detector, Date.now())) {
      this.stats.limited++;
      return;
    }
    const row = await deliverIntervention(this.rt(), session, interventionFor(d)).catch((err: unknown) => {
      this.rt().logger.error({ err, sessionId: session.sessionId }, 'proactive hint failed');
      return null;
    });
    if (row) this.stats.delivered[d.detector] = (this.stats.delivered[d.detector] ?? 0) + 1;
  }

  private async previousTurns(session: SessionRef, before: Date): Promise<StreamTurn[]> {
    const rows = await withTenantScope(this.rt().orm, session.tenantId, (em) =>
      em.find(
        ConversationTurn,
        { sessionId: session.sessionId, at: { $lt: before } },
        { orderBy: { at: 'desc' }, limit: HISTORY },
      ),
    );
    return rows.reverse().map((r) => ({ speaker: r.speaker, text: r.text, at: r.at }));
  }
}
