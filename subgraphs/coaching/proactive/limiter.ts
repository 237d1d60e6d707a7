/**
 * The per-session rate limit of proactive hints: a detector pushes again in a session only once
 * `cooldownSeconds` have passed AND `cooldownTurns` more turns were recorded since its last hint. Check and
 * take are one synchronous step, so turns in flight together can never both pass (per instance: a session's
 * turns and timers are handled by the instance that recorded them). State is dropped when the session ends,
 * and the oldest sessions are forgotten beyond `maxSessions`.
 */
import type { ProactiveDetector } from '../../../core/vocabulary';

interface SessionState {
  turns: number;
  last: Map<ProactiveDetector, { atMs: number; turn: number }>;
}

export class ProactiveLimiter {
  private readonly sessions = new Map<string, SessionState>();

  constructor(
    private readonly cooldownMs: number,
    private readonly cooldownTurns: number,
    private readonly maxSessions = 50_000,
  ) {}

  private state(key: string): SessionState {
    let s = this.sessions.get(key);
    if (s) {
      // most recently used last (Map keeps insertion order)
      this.sessions.delete(key);
      this.sessions.set(key, s);
      return s;
    }
    s = { turns: 0, last: new Map() };
    this.sessions.set(key, s);
    if (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return s;
  }

  /** Counts a turn of the session. */
  turn(key: string): void {
    this.state(key).turns++;
  }

  /** True (and the slot is taken) when `detector` may push a hint in the session now. */
  take(key: string, detector: ProactiveDetector, nowMs: number): boolean {
    const s = this.state(key);
    const prev = s.last.get(detector);
    if (prev && (nowMs - prev.atMs < this.cooldownMs || s.turns - prev.turn < this.cooldownTurns))
      return false;
    s.last.set(detector, { atMs: nowMs, turn: s.turns });
    return true;
  }

  forget(key: string): void {
    this.sessions.delete(key);
  }
}
