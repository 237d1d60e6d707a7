/**
 * Model routing: QUICK hints (a lead is waiting) on a small, fast model; DEEP work (session summary,
 * qualification review) on a larger one. A tenant's own choice (`req.models`) wins when it is a
 * plausible model id; otherwise the engine's defaults apply.
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
