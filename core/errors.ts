/**
 * Typed domain errors with codes, mapped once at the GraphQL boundary (`toGraphQLError`).
 * Anything that is not a DomainError is masked as INTERNAL_SERVER_ERROR and logged.
 */
import { GraphQLError } from 'graphql';

/** Every `extensions.code` the API answers with (the developer portal lists them from here). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'QUOTA_EXCEEDED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_ONLY',
  'CSRF_PREVENTED',
  'UPSTREAM_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  'SUBSCRIPTION_UPSTREAM_CLOSED',
  'MODEL_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`, { entity, id });
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'not allowed', extensions: Record<string, unknown> = {}) {
    super(message, extensions);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  /** `extensions.reason` says which credential failed how (e.g. `API_KEY_UNKNOWN`). */
  constructor(message = 'authentication required', extensions: { reason?: string } = {}) {
    super(message, extensions);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

export class QuotaExceededError extends DomainError {
  readonly code = 'QUOTA_EXCEEDED' as const;
  constructor(remaining: number, resetsAt: string) {
    super('quota exceeded', { remaining, resetsAt });
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(retryAfterSeconds: number) {
    super('rate limit exceeded', { retryAfterSeconds });
  }
}

export class UpstreamUnavailableError extends DomainError {
  readonly code = 'UPSTREAM_UNAVAILABLE' as const;
}

/**
 * A read model fed by another service's events cannot tell yet whether an id exists: the consumer feeding it
 * cannot read, or could not a moment ago and may still be catching up (core/events/consumer-health.ts).
 * Answered instead of NOT_FOUND for any id it does not hold — an unknown or another tenant's id alike.
 */
export class ReadModelBehindError extends UpstreamUnavailableError {
  constructor(serviceName: string, retryAfterSeconds: number) {
    super(
      `The ${serviceName} service cannot tell yet: the events it learns this from are delayed. Retry in ${retryAfterSeconds} s.`,
      { reason: 'READ_MODEL_BEHIND', serviceName, retryAfterSeconds },
    );
  }
}

/** A feature that needs a model (no offline equivalent) while no model is configured or reachable. */
export class ModelUnavailableError extends DomainError {
  readonly code = 'MODEL_UNAVAILABLE' as const;
}

/** The boundary mapping: domain errors keep their message and code; everything else is masked. */
export function toGraphQLError(err: unknown, onUnexpected?: (err: unknown) => void): GraphQLError {
  const original = err instanceof GraphQLError && err.originalError ? err.originalError : err;
  if (original instanceof DomainError) {
    return new GraphQLError(original.message, {
      extensions: { code: original.code, ...original.extensions },
    });
  }
  if (err instanceof GraphQLError && (!err.originalError || err.originalError instanceof GraphQLError)) {
    // Parse, validation and variable-coercion errors produced by graphql-js itself: safe to show.
    const inner = err.originalError instanceof GraphQLError ? err.originalError : err;
    const code = err.extensions['code'] ?? inner.extensions['code'] ?? 'BAD_USER_INPUT';
    return new GraphQLError(inner.message, {
      nodes: inner.nodes,
      path: err.path,
      extensions: { ...inner.extensions, code },
    });
  }
  onUnexpected?.(err);
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
