/**
 * Typed failures of a model call. Every one of them ends in the offline fallback; `kind` says why (for logs
 * and metrics), `usage` carries whatever tokens the failed call had already consumed (they are billed).
 */
import { UpstreamUnavailableError } from '../../../core/errors';
import type { TokenUsage } from './pricing';

export type ModelFailureKind =
  /** Out of credit / spend limit reached: never retried, and the engine pauses model calls for a while. */
  | 'spend_limit'
  | 'rate_limited'
  | 'overloaded'
  | 'timeout'
  | 'connection'
  | 'auth'
  | 'bad_request'
  | 'api_error'
  /** The SSE stream ended with an `error` event or without `message_stop`. */
  | 'stream_error'
  /** The tool input was missing, not JSON, or failed the schema. */
  | 'invalid_output'
  | 'refusal';

export class ModelCallError extends UpstreamUnavailableError {
  constructor(
    readonly kind: ModelFailureKind,
    message: string,
    readonly details: { status?: number; usage?: TokenUsage; cause?: unknown } = {},
  ) {
    super(`model call failed (${kind}): ${message}`, { kind, status: details.status });
  }
}
