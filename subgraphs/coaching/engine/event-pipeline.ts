/**
 * How events travel from a provider to the caller's `onEvent`:
 *
 *   provider ──► guardStage (shared, redacted space) ──► EventHub ──► restoreStage (per caller) ──► onEvent
 *
 * `guardStage` lets a hint's text out only once the Fair Housing guardrail has passed it, clause by clause
 * (guarded-text.ts: the unchecked tail is held back). When the guard trips, nothing more of that hint goes out,
 * a `started` clears what had gone out, and its `completed` carries the compliance warning. So everything
 * downstream — the hub, every caller, the session channel, logs and the cache — only ever sees guarded text.
 * The hub lets identical concurrent requests (single flight) watch one model stream: it records events and
 * replays them to late subscribers. `restoreStage` puts each caller's own PII back (a placeholder split across
 * deltas is held until complete).
 *
 * A consumer may see `started` for an index it has already seen (even one already `completed`): that happens
 * when the model fails midway and the offline fallback streams instead, or when the guardrail withholds a
 * hint whose first clauses had gone out — treat `started` as "reset hint `index`". Both stages reset their
 * per-index state on `started`. `completed` is authoritative.
 */
import { HintCategory } from '../../../core/vocabulary';
import { GuardedText } from './guarded-text';
import { applyGuardrail, complianceWarning } from './guardrail';
import type { Redactor, StreamRestorer } from './redaction';
import type { EngineEvent, HintOrigin } from './types';

export type Listener = (e: EngineEvent) => void;

/** Overrides fields of `completed` events' origin (a follower's answer is `cached`, a fallback is `fallback`). */
export function withOrigin(next: Listener, patch: Partial<HintOrigin>): Listener {
  return (e) => next(e.type === 'completed' && e.origin ? { ...e, origin: { ...e.origin, ...patch } } : e);
}

export function guardStage(next: Listener): Listener {
  const texts = new Map<number, GuardedText>();
  /** Indexes whose released text was cleared (a `started` went out) because the guard tripped. */
  const cleared = new Set<number>();
  const textOf = (index: number): GuardedText => {
    let t = texts.get(index);
    if (!t) texts.set(index, (t = new GuardedText()));
    return t;
  };
  const clear = (index: number, t: GuardedText): void => {
    if (t.releasedAny && !cleared.has(index)) next({ type: 'started', index });
    cleared.add(index);
  };
  const complete = (e: Extract<EngineEvent, { type: 'completed' }>): void => {
    const t = textOf(e.index);
    texts.delete(e.index);
    if (e.hint.category === HintCategory.COMPLIANCE_WARNING) {
      // Exempt (explaining the rule has to name it): what the guard held goes out, whole if it was cleared.
      const rest = cleared.has(e.index) ? t.received : t.releaseAll();
      if (rest) next({ type: 'delta', index: e.index, text: rest });
      next(e);
      return;
    }
    const guarded = applyGuardrail(e.hint);
    const rest = t.blocked || guarded.verdict.blocked ? '' : t.end();
    if (!t.blocked && !guarded.verdict.blocked) {
      if (rest) next({ type: 'delta', index: e.index, text: rest });
      next(e);
      return;
    }
    clear(e.index, t);
    const hint = guarded.verdict.blocked
      ? guarded.hint
      : complianceWarning(t.verdict?.protectedClass ?? 'a protected characteristic');
    next({ ...e, hint });
  };
  return (e) => {
    switch (e.type) {
      case 'started':
        texts.set(e.index, new GuardedText());
        cleared.delete(e.index);
        next(e);
        return;
      case 'delta': {
        const t = textOf(e.index);
        const text = t.push(e.text);
        if (text) next({ ...e, text });
        else if (t.blocked) clear(e.index, t);
        return;
      }
      case 'completed':
        complete(e);
        return;
    }
  };
}

export function restoreStage(redactor: Redactor, next: Listener): Listener {
  const restorers = new Map<number, StreamRestorer>();
  return (e) => {
    switch (e.type) {
      case 'started':
        restorers.set(e.index, redactor.streamRestorer());
        next(e);
        return;
      case 'delta': {
        let r = restorers.get(e.index);
        if (!r) {
          r = redactor.streamRestorer();
          restorers.set(e.index, r);
        }
        const text = r.push(e.text);
        if (text) next({ ...e, text });
        return;
      }
      case 'completed': {
        const rest = restorers.get(e.index)?.flush();
        if (rest) next({ type: 'delta', index: e.index, text: rest });
        restorers.delete(e.index);
        next({
          ...e,
          hint: {
            ...e.hint,
            text: redactor.restore(e.hint.text),
            rationale: redactor.restore(e.hint.rationale),
          },
        });
        return;
      }
    }
  };
}

/** Records events and fans them out; a late subscriber first gets everything so far. */
export class EventHub {
  private readonly events: EngineEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly onListenerError: (err: unknown) => void) {}

  publish(e: EngineEvent): void {
    this.events.push(e);
    for (const l of this.listeners) this.deliver(l, e);
  }

  subscribe(listener: Listener): () => void {
    for (const e of this.events) this.deliver(listener, e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(listener: Listener, e: EngineEvent): void {
    try {
      listener(e);
    } catch (err) {
      this.onListenerError(err);
    }
  }
}

/** Wraps a caller's callback so its exceptions are logged instead of breaking the model stream. */
export function safeListener(onEvent: Listener | undefined, onError: (err: unknown) => void): Listener {
  if (!onEvent) return () => undefined;
  return (e) => {
    try {
      onEvent(e);
    } catch (err) {
      onError(err);
    }
  };
}
