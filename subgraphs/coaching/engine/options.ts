/**
 * The engine's one options object (and the logger shape it accepts).
 */
import type { Cache } from '../../../core/cache';
import type { ModelPrice } from './pricing';
import type { DefaultModels } from './routing';

/** Structurally compatible with pino's Logger. */
export interface EngineLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface CoachingEngineOptions {
  /** Without an API key the engine answers with the offline coach only. */
  anthropic?: {
    apiKey?: string;
    baseURL?: string;
    /** The SDK's retries (429/5xx/…). Default 2. */
    maxRetries?: number;
    /** Deadline for a whole model call, retries and stream included. Default 15,000. */
    timeoutMs?: number;
    eagerInputStreaming?: boolean;
  };
  /** Response cache (MemoryCache or RedisCache). The engine does not close it. */
  cache: Cache;
  /** Default 600 (10 minutes). */
  cacheTtlSeconds?: number;
  /** Cache reads/writes slower than this count as a miss / are abandoned. Default 250 ms. */
  cacheTimeoutMs?: number;
  defaultModels?: Partial<DefaultModels>;
  /** Price table override (USD per million tokens), merged over the defaults. */
  prices?: Record<string, ModelPrice>;
  /**
   * With a model configured, a QUICK turn goes to it only when the offline coach's confidence is below this
   * (0–1; routing.ts `needsModel`); the offline coach answers the others. Absent or ≥ 1: every turn goes to the
   * model. The platform sets it from COACH_MODEL_WHEN_CONFIDENCE_BELOW (default 0.6).
   */
  modelWhenConfidenceBelow?: number;
  /** After a spend-limit error, skip model calls for this long. Default 60,000 ms. */
  spendLimitCooldownMs?: number;
  logger?: EngineLogger;
}

export const SILENT_LOGGER: EngineLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
