/**
 * The coaching engine: prompts, model routing and pricing, PII redaction, the Fair Housing guardrail, the
 * response cache and the providers (Anthropic, offline) behind `createCoachingEngine(opts)`.
 */
export { createCoachingEngine } from './engine';
export type { CoachingEngineOptions, EngineLogger } from './options';
export { PROMPT_VERSION, buildPrompt, buildSystemPrompt, type BuiltPrompt } from './prompts/build-prompt';
export { routeModel, DEFAULT_MODELS, type DefaultModels, type Route } from './routing';
export { costMicros, priceFor, DEFAULT_PRICES, type ModelPrice, type TokenUsage } from './pricing';
export { Redactor } from './redaction';
export { applyGuardrail, checkSteering, type ProtectedClass } from './guardrail';
export { ModelCallError, type ModelFailureKind } from './errors';
export { OFFLINE_MODEL } from './providers/offline';
export type * from './types';
