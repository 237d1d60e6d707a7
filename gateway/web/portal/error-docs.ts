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
import { subgraphTimeoutError } from '../../plugins/use-subgraph-timeout';
import { upstreamClosedError } from '../../plugins/use-subscription-upstream-end';

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

/** A subgraph past its deadline (gateway/plugins/use-subgraph-timeout.ts). */
const SUBGRAPH_TIMEOUT_SPEC: Spec = {
  status: "200, next to the other services' data",
  when: "A service behind the gateway did not answer within the deadline (SUBGRAPH_TIMEOUT_MS, default 30 s); `serviceName` names it and `path` the field. The other services' data stays as far as GraphQL's null rules allow: a non-null field (every root field except coachingHint) nulls its parent, at the root the whole `data`, so fields that must survive another service's outage go in separate requests. A query may be retried; a mutation may have been applied.",
  body: () => ({
    data: { coachingHint: null },
    errors: [{ ...subgraphTimeoutError('coaching', 10_000).toJSON(), path: ['coachingHint'] }],
  }),
};

/** A subscription whose subgraph went away (gateway/plugins/use-subscription-upstream-end.ts). */
const SUBSCRIPTION_UPSTREAM_CLOSED_SPEC: Spec = {
  status: 'the last event of a subscription, then complete',
  when: 'The service feeding a subscription restarted or went away. Subscribe again after `retryAfterSeconds`, passing `since` (coachingHints) to replay what was missed.',
  body: () => ({ errors: [{ ...upstreamClosedError('coaching', 1).toJSON(), path: ['coachingHints'] }] }),
};

/** What the production switches answer with (core/production-switches.ts, gateway/plugins/use-trusted-documents.ts, use-automatic-persisted-queries.ts, use-csrf-prevention.ts). */
const PRODUCTION_SWITCH_SPECS: Record<
  'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_NOT_SUPPORTED' | 'PERSISTED_QUERY_ONLY' | 'CSRF_PREVENTED',
  Spec
> = {
  PERSISTED_QUERY_NOT_FOUND: {
    status: '400',
    when: "A document sent by id only that the gateway does not know: a trusted-documents key's unregistered id, or an automatic persisted query's hash not seen yet. Apollo's persisted-query link then sends the document with its hash (not for a trusted-documents key: its manifest is fixed).",
    body: () => graphqlErrorBody('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND'),
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    status: '400',
    when: '`extensions.persistedQuery` without `version: 1` and a `sha256Hash`; an Apollo link stops sending hashes.',
    body: () =>
      graphqlErrorBody('persistedQuery needs version 1 and a sha256Hash', 'PERSISTED_QUERY_NOT_SUPPORTED'),
  },
  PERSISTED_QUERY_ONLY: {
    status: '400',
    when: 'The API key runs only its registered (trusted) documents and the request sent a document as text: send its id.',
    body: () =>
      graphqlErrorBody(
        'this API key runs registered documents only: send the document id in extensions.persistedQuery.sha256Hash or documentId, not the document',
        'PERSISTED_QUERY_ONLY',
      ),
  },
  CSRF_PREVENTED: {
    status: '400',
    when: 'With CSRF prevention on (production), a GET or a form / text/plain POST without `x-graphql-csrf`, `apollo-require-preflight` or `x-graphql-yoga-csrf`.',
    body: () =>
      graphqlErrorBody(
        'This request could have been sent by another site (CSRF): send it with content-type application/json, or add one of the headers x-graphql-csrf, apollo-require-preflight, x-graphql-yoga-csrf',
        'CSRF_PREVENTED',
      ),
  },
};

/** The entries that do not depend on the configured limits. */
const FIXED_SPECS = {
  ...PRODUCTION_SWITCH_SPECS,
  SUBGRAPH_TIMEOUT: SUBGRAPH_TIMEOUT_SPEC,
  SUBSCRIPTION_UPSTREAM_CLOSED: SUBSCRIPTION_UPSTREAM_CLOSED_SPEC,
  MODEL_UNAVAILABLE: MODEL_UNAVAILABLE_SPEC,
} satisfies Partial<Record<ErrorCode, Spec>>;

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
      when: `The tenant made more than ${limits.ratePerMinute} requests in a minute (refused ones count too); retry after \`retryAfterSeconds\`.`,
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
      status: '400 when the client accepts application/graphql-response+json; 200 with application/json',
      when: 'The operation is over a limit (tokens, depth, aliases, directives or its estimated cost, `estimatedCost`, which also carries `cost: { estimated, limit }`); `limit` names it, `max` is its value. Nothing is executed.',
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
    ...FIXED_SPECS,
    UPSTREAM_UNAVAILABLE: {
      status: '503 when the credential service cannot be reached; 200 for one field of a failing subgraph',
      when: "A service behind the gateway could not be reached (for a subgraph, `serviceName` names it and the other services' data stays); retrying later is safe for queries. With `reason: READ_MODEL_BEHIND` (and `retryAfterSeconds`): the service named in `serviceName` does not know the id yet (coaching: a session; agents: a location given to `createAgent`/`updateAgent`) and cannot tell whether it exists, because the events it learns them from are delayed (Redis down, or back less than 30 s ago); retry after `retryAfterSeconds`.",
      body: () => domainBody(new UpstreamUnavailableError('credential service unavailable')),
    },
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
