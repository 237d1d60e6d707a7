/**
 * The portal's error reference: every code of `ERROR_CODES` (core/errors.ts), with its HTTP status, when it
 * happens and an example response body built by the same classes and helpers the API uses (the domain error
 * classes mapped by `toGraphQLError`, `graphqlErrorBody` for the body limit), so a code added there fails to
 * compile here until it is documented.
 */
import type { LimitOptions } from '../../../core/config';
import {
  BadUserInputError,
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  ModelUnavailableError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  UnauthenticatedError,
  UpstreamUnavailableError,
  toGraphQLError,
  type DomainError,
  type ErrorCode,
} from '../../../core/errors';
import { graphqlErrorBody } from '../../../core/server/http-util';
import { AuthFailure } from '../../credential-service-client';

export interface ErrorDoc {
  code: ErrorCode;
  /** HTTP status over GraphQL-over-HTTP (200 when the error comes from a resolver next to partial data). */
  status: string;
  when: string;
  /** The example response body, pretty-printed JSON. */
  example: string;
}

interface Spec {
  status: string;
  when: string;
  body: () => unknown;
}

const domainBody = (err: DomainError | Error, path?: string) => {
  const { message, extensions } = toGraphQLError(err).toJSON();
  return { errors: [{ message, ...(path ? { path: [path] } : {}), extensions }], data: null };
};

/** A feature with no offline equivalent (listing photos) and no model to do it. */
const MODEL_UNAVAILABLE_SPEC: Spec = {
  status: '200 (a resolver error)',
  when: 'A feature only a model can do (analyzeListingPhotos) while no model key is configured, or the model provider stays unreachable or out of credit; coaching hints fall back to the offline coach instead.',
  body: () =>
    domainBody(
      new ModelUnavailableError('listing photo analysis needs a model: no ANTHROPIC_API_KEY is configured'),
    ),
};

function specs(limits: LimitOptions): Record<ErrorCode, Spec> {
  return {
    BAD_USER_INPUT: {
      status: '400 for an invalid document or variables; 200 when a resolver refuses an argument',
      when: 'An argument or input field is invalid; `extensions.field` names it.',
      body: () =>
        domainBody(new BadUserInputError('input.text', 'at most 4000 characters'), 'addConversationTurn'),
    },
    NOT_FOUND: {
      status: '200',
      when: 'The id does not exist or belongs to another tenant or location (the two are not told apart).',
      body: () =>
        domainBody(
          new NotFoundError('AgentSession', 'e3b0c442-98fc-4c14-9afb-f4c8996fb924'),
          'endAgentSession',
        ),
    },
    FORBIDDEN: {
      status: '403 when the credential may not call the API at all; 200 for one refused field',
      when: 'The caller is known but its role, scopes or locations do not allow this.',
      body: () =>
        domainBody(new ForbiddenError('missing scope agents:write or coaching:write'), 'createAgent'),
    },
    UNAUTHENTICATED: {
      status: '401',
      when: `No credential, or one that is unknown, malformed, expired or revoked. \`extensions.reason\` says which: ${Object.values(AuthFailure).join(', ')}. On graphql-ws the socket closes with 4401 (and 4403 when a key is revoked or a member removed while it is open).`,
      body: () =>
        domainBody(new UnauthenticatedError('unknown API key', { reason: AuthFailure.apiKeyUnknown })),
    },
    CONFLICT: {
      status: '200',
      when: 'The change conflicts with the current state (a duplicate, or a session that has ended).',
      body: () => domainBody(new ConflictError('session has ended', { field: 'id' }), 'addConversationTurn'),
    },
    QUOTA_EXCEEDED: {
      status: '200',
      when: "The tenant's coaching quota for its billing period is used up; `resetsAt` says when it renews.",
      body: () => domainBody(new QuotaExceededError(0, '2026-01-01T00:00:00.000Z'), 'requestCoaching'),
    },
    RATE_LIMITED: {
      status: '429, with a Retry-After header (seconds)',
      when: `The tenant made more than ${limits.ratePerMinute} requests in a minute; retry after \`retryAfterSeconds\`.`,
      body: () => domainBody(new RateLimitedError(12)),
    },
    PAYLOAD_TOO_LARGE: {
      status: '413',
      when: `The request body is larger than ${limits.maxBodyBytes} bytes.`,
      body: () =>
        graphqlErrorBody(`request body exceeds ${limits.maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE', {
          max: limits.maxBodyBytes,
        }),
    },
    QUERY_TOO_COMPLEX: {
      status: '400',
      when: 'The operation is over a limit (tokens, depth, aliases, directives or cost); `limit` names it, `max` is its value. Nothing is executed.',
      body: () =>
        graphqlErrorBody(
          `Query depth limit of ${limits.maxDepth} exceeded, found ${limits.maxDepth + 1}.`,
          'QUERY_TOO_COMPLEX',
          {
            limit: 'depth',
            max: limits.maxDepth,
          },
        ),
    },
    UPSTREAM_UNAVAILABLE: {
      status: '503 when the credential service cannot be reached; 200 for one field of a failing subgraph',
      when: 'A service behind the gateway did not answer; retrying later is safe for queries.',
      body: () => domainBody(new UpstreamUnavailableError('credential service unavailable')),
    },
    MODEL_UNAVAILABLE: MODEL_UNAVAILABLE_SPEC,
    INTERNAL_SERVER_ERROR: {
      status: '500, or 200 next to partial data',
      when: 'An unexpected failure; the message is masked and the details are logged on the server.',
      body: () => domainBody(new Error('masked')),
    },
  };
}

/** One entry per error code, in ERROR_CODES order. */
export function errorDocs(limits: LimitOptions): ErrorDoc[] {
  const all = specs(limits);
  return ERROR_CODES.map((code) => {
    const { status, when, body } = all[code];
    return { code, status, when, example: JSON.stringify(body(), null, 2) };
  });
}
