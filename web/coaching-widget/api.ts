/**
 * What the widget asks the gateway: its session's state and newest hints, its organization's branding and
 * a hint rating over HTTP (the same credential as the socket), and the two subscriptions over graphql-ws.
 */
import { credentialHeaders, type QualificationValue } from './logic';
import type { StoredHint } from './hints';

const HINT = 'id requestId category text status createdAt';
const QUALIFICATION = `qualification { score missing nextQuestion
  slots { budget priceExpectation timelineMonths preApproved bedrooms propertyType areas motivation } }`;

export const STATE_QUERY = `query CoachingWidgetState($id: ID!) {
  agentSession(id: $id) { id stage ${QUALIFICATION} hints(first: 20) { ${HINT} } }
}`;

export const BRANDING_QUERY = `query CoachingWidgetBranding {
  viewer { organization { id name branding { brandName primaryColor logoUrl } } }
}`;

export const RATE_MUTATION = `mutation CoachingWidgetRate($hintId: ID!, $verdict: HintVerdict!) {
  rateHint(hintId: $hintId, verdict: $verdict) { id status }
}`;

export const HINTS_SUBSCRIPTION = `subscription CoachingWidgetHints($id: ID!, $since: DateTime) {
  coachingHints(sessionId: $id, since: $since) { type runId index delta error hint { ${HINT} } }
}`;

export const SESSION_SUBSCRIPTION = `subscription CoachingWidgetSession($id: ID!) {
  sessionUpdated(sessionId: $id) { sessionId stage ${QUALIFICATION} }
}`;

export interface SessionState {
  stage: string;
  qualification: QualificationValue | null;
}

export interface StateResult extends SessionState {
  hints: StoredHint[];
}

export interface Branding {
  brandName: string | null;
  primaryColor: string | null;
  logoUrl: string | null;
}

export interface BrandingResult {
  organizationName: string | null;
  branding: Branding | null;
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; retryAfterSeconds?: number };
}

/** A GraphQL or HTTP failure with the API's error code (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, …). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** RATE_LIMITED: how long the API asked to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export function apiErrorOf(errors: readonly GraphQLErrorLike[], retryAfterHeader?: string | null): ApiError {
  const first = errors[0];
  const fromBody = first?.extensions?.retryAfterSeconds;
  const fromHeader = Number(retryAfterHeader);
  const retryAfter =
    typeof fromBody === 'number' ? fromBody : retryAfterHeader && fromHeader > 0 ? fromHeader : null;
  return new ApiError(first?.message ?? 'request failed', first?.extensions?.code ?? 'ERROR', retryAfter);
}

export async function gql<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...credentialHeaders(token) },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T | null; errors?: GraphQLErrorLike[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    const code = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 429 ? 'RATE_LIMITED' : 'HTTP';
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApiError(`the API answered HTTP ${res.status}`, code, retryAfter > 0 ? retryAfter : null);
  }
  if (body.errors?.length) throw apiErrorOf(body.errors, res.headers.get('retry-after'));
  if (!body.data) throw new ApiError(`the API answered HTTP ${res.status} without data`, 'HTTP');
  return body.data;
}

export async function fetchState(url: string, token: string, id: string, signal?: AbortSignal) {
  const data = await gql<{ agentSession: SessionState & { hints: StoredHint[] } }>(
    url,
    token,
    STATE_QUERY,
    { id },
    signal,
  );
  return data.agentSession;
}

export async function fetchBranding(
  url: string,
  token: string,
  signal?: AbortSignal,
): Promise<BrandingResult> {
  const data = await gql<{ viewer: { organization: { name: string; branding: Branding } | null } }>(
    url,
    token,
    BRANDING_QUERY,
    {},
    signal,
  );
  const org = data.viewer.organization;
  return { organizationName: org?.name ?? null, branding: org?.branding ?? null };
}

export async function rateHint(
  url: string,
  token: string,
  hintId: string,
  verdict: 'ACCEPTED' | 'DISMISSED',
) {
  const data = await gql<{ rateHint: { id: string; status: StoredHint['status'] } }>(
    url,
    token,
    RATE_MUTATION,
    {
      hintId,
      verdict,
    },
  );
  return data.rateHint;
}
