/**
 * The offline provider: the deterministic rule coach behind the same interface as the model, streaming its
 * hints word by word so the widget renders both the same way. Free, instant, needs no key; the engine's
 * fallback whenever the model fails.
 */
import { offlineCoach } from '../../coach/offline-coach';
import { ZERO_USAGE } from '../pricing';
import type { GeneratedHint } from '../types';
import { replayHints, type HintProvider } from './provider';

export const OFFLINE_MODEL = 'offline-coach-v1';

export function createOfflineProvider(): HintProvider {
  return {
    kind: 'offline',
    async generate(req, onEvent) {
      const started = performance.now();
      const analysis = req.analysis ?? offlineCoach(req.coachInput);
      const hints: GeneratedHint[] = analysis.hints.map((h) => {
        const hint: GeneratedHint = {
          category: h.category,
          text: h.text,
          rationale: h.rationale,
          confidence: h.confidence,
        };
        if (h.objection) hint.objection = h.objection;
        return hint;
      });
      replayHints(hints, onEvent, {
        provider: 'offline',
        model: OFFLINE_MODEL,
        cached: false,
        fallback: false,
      });
      return {
        hints,
        model: OFFLINE_MODEL,
        usage: { ...ZERO_USAGE },
        latencyMs: Math.round(performance.now() - started),
      };
    },
  };
}
