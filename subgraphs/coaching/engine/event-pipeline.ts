/**
 * How events travel from a provider to the caller's `onEvent`:
 *
 *   provider ──► guardStage (shared, redacted space) ──► EventHub ──► restoreStage (per caller) ──► onEvent
 *
 * `guardStage` stops streaming a hint's text the moment it trips the Fair Housing guardrail and swaps the
 * completed hint for the compliance warning. The hub lets identical concurrent requests (single flight) watch
 * one model stream: it records events and replays them to late subscribers. `restoreStage` puts each caller's
 * own PII back (a placeholder split across deltas is held until complete).
 *
 * A consumer may see `started` for an index it has already seen (even one already `completed`): that happens
 * when the model fails midway and the offline fallback streams instead — treat `started` as "reset hint
 * `index`". Both stages reset their per-index state on `started`. `completed` is authoritative.
 */
import { applyGuardrail, checkSteering } from './guardrail';
import type { Redactor, StreamRestorer } from './redaction';
import type { EngineEvent, HintOrigin } from './types';

export type Listener = (e: EngineEvent) => void;

/** Overrides fields of `completed` events' origin (a follower's answer is `cached`, a fallback is `fallback`). */
export function withOrigin(next: Listener, patch: Partial<HintOrigin>): Listener {
  return (e) => next(e.type === 'completed' && e.origin ? { ...e, origin: { ...e.origin, ...patch } } : e);
}

export function guardStage(next: Listener): Listener {
  const text = new Map<number, string>();
  const blocked = new Set<number>();
  return (e) => {
    switch (e.type) {
      case 'started':
        text.set(e.index, '');
        blocked.delete(e.index);
        next(e);
        return;
      case 'delta': {
        if (blocked.has(e.index)) return;
        const sofar = (text.get(e.index) ?? '') + e.text;
        text.set(e.index, sofar);
        if (checkSteering(sofar).blocked) {
          blocked.add(e.index);
          return;
        }
        next(e);
        return;
      }
      case 'completed':
        next({ ...e, hint: applyGuardrail(e.hint).hint });
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
