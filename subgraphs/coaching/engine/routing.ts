/**
 * Model routing. Whether a turn needs the model at all: DEEP work (session summary, qualification review)
 * always does; a QUICK turn only when the offline coach is unsure of it (its confidence below the
 * `modelWhenConfidenceBelow` option) — a confident rule answer is free and instant. Which model: QUICK hints (a
 * lead is waiting) on a small, fast model, DEEP work on a larger one. A tenant's own choice (`req.models`) wins
 * when it is a plausible model id; otherwise the engine's defaults apply.
 */
import type { CoachingKind, TenantModelConfig } from './types';

export interface DefaultModels {
  quick: string;
  deep: string;
}

export const DEFAULT_MODELS: DefaultModels = Object.freeze({
  quick: 'claude-haiku-4-5',
  deep: 'claude-sonnet-4-6',
});

export interface Route {
  model: string;
  maxTokens: number;
  /** How many of the most recent turns go into the prompt. */
  turnWindow: number;
  /** Whether the model came from the tenant's configuration. */
  tenantOverride: boolean;
}

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,99}$/;

export function isPlausibleModelId(model: string | undefined): model is string {
  return typeof model === 'string' && MODEL_ID.test(model);
}

export function routeModel(
  kind: CoachingKind,
  tenant: TenantModelConfig | undefined,
  defaults: DefaultModels = DEFAULT_MODELS,
): Route {
  const wanted = kind === 'DEEP' ? tenant?.deepModel : tenant?.quickModel;
  const tenantOverride = isPlausibleModelId(wanted);
  const model = tenantOverride ? wanted : kind === 'DEEP' ? defaults.deep : defaults.quick;
  return kind === 'DEEP'
    ? { model, maxTokens: 2_048, turnWindow: 20, tenantOverride }
    : { model, maxTokens: 1_024, turnWindow: 8, tenantOverride };
}

/**
 * Whether the turn goes to the model (when there is one): DEEP always; QUICK when the offline coach's confidence
 * in its primary hint is below `threshold`. No threshold, or one of 1 or more: every turn; 0: no QUICK turn.
 */
export function needsModel(
  kind: CoachingKind,
  offlineConfidence: number | undefined,
  threshold: number | undefined,
): boolean {
  if (kind === 'DEEP' || threshold === undefined || threshold >= 1) return true;
  return (offlineConfidence ?? 0) < threshold;
}
