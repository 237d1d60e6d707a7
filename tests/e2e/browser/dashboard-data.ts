/**
 * Real data for the dashboard test, produced through the gateway's GraphQL API like a partner would: for
 * agents of two tenants at three locations, coached sessions (a session, a lead turn that starts a
 * coaching run, the stored hint) and ratings; then waits — on the API, no sleeps — until analytics has
 * consumed the events. Also a MANAGER member limited to one location with its access token.
 */
import { randomUUID } from 'node:crypto';
import { DEMO, demoAgents } from '../../../bin/demo-plan';
import { eventually } from '../../helpers/eventually';
import type { TestPlatform } from '../../helpers/platform';

export const AUSTIN = DEMO.acme.locations[0].id;
export const LAKEWAY = DEMO.acme.locations[1].id;
export const DENVER = DEMO.summit.locations[0].id;

export type Tenant = 'acme' | 'summit';
type Verdict = 'ACCEPTED' | 'DISMISSED';

const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const HINTS = `query ($id: ID!) { agentSession(id: $id) { hints { id } } }`;
const RATE = `mutation ($id: ID!, $v: HintVerdict!) { rateHint(hintId: $id, verdict: $v) { id status } }`;
const SERIES = `query ($f: AnalyticsFilter!) { analytics(granularity: DAY, filter: $f) {
  start hintsDelivered acceptanceRate feedbackCount latencyP50Ms latencyP95Ms qualifiedSessions } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const ISSUE_TOKEN = `mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 3600) { token } }`;

export interface SeriesPoint {
  start: string;
  hintsDelivered: number;
  acceptanceRate: number | null;
  feedbackCount: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  qualifiedSessions: number;
}

export interface CoachedAgent {
  id: string;
  name: string;
  tenant: Tenant;
  locationId: string;
}

export function key(t: TestPlatform, tenant: Tenant): Record<string, string> {
  return { 'x-api-key': t.apiKeys[tenant] };
}

/** Data of a GraphQL answer, or a thrown error naming the operation and the errors. */
export async function ok<T>(
  t: TestPlatform,
  what: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<T> {
  const r = await t.gql<T>(query, variables, headers);
  if (r.errors || !r.data) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.errors)}`);
  return r.data;
}

export function agentAt(tenant: Tenant, locationId: string): CoachedAgent {
  const a = demoAgents(tenant).find((x) => x.locationId === locationId)!;
  return { id: a.id, name: a.name, tenant, locationId };
}

/** One coached session: a lead turn starts a run; its stored hint is rated with `verdict`. */
export async function coachSession(t: TestPlatform, agent: CoachedAgent, verdict: Verdict): Promise<void> {
  const h = key(t, agent.tenant);
  const tag = randomUUID().slice(0, 8);
  const { startAgentSession: s } = await ok<{ startAgentSession: { id: string } }>(
    t,
    'startAgentSession',
    START,
    { input: { agentId: agent.id, contactId: `dash-${tag}`, channel: 'SMS' } },
    h,
  );
  const text = `Hi, we are pre-approved, budget is $450k, we need 3 bedrooms near ${agent.name} (${tag}).`;
  await ok(t, 'addConversationTurn', ADD_TURN, { input: { sessionId: s.id, speaker: 'LEAD', text } }, h);
  const hints = await eventually(
    async () => {
      const d = await ok<{ agentSession: { hints: { id: string }[] } }>(t, 'hints', HINTS, { id: s.id }, h);
      return d.agentSession.hints.length > 0 ? d.agentSession.hints : false;
    },
    { timeoutMs: 30_000, intervalMs: 50, what: `a stored hint for session ${s.id}` },
  );
  for (const hint of hints) await ok(t, 'rateHint', RATE, { id: hint.id, v: verdict }, h);
}

/** Whole UTC days ending with today, as the dashboard asks for them (`days` back, to the start of tomorrow). */
export function dayRange(days: number): { from: string; to: string } {
  const now = new Date();
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 86_400_000;
  return { from: new Date(to - days * 86_400_000).toISOString(), to: new Date(to).toISOString() };
}

export async function series(
  t: TestPlatform,
  headers: Record<string, string>,
  days: number,
  locationId?: string,
): Promise<SeriesPoint[]> {
  const f = { ...dayRange(days), ...(locationId ? { locationId } : {}) };
  return (await ok<{ analytics: SeriesPoint[] }>(t, 'analytics', SERIES, { f }, headers)).analytics;
}

/** Waits until analytics shows `hints` delivered and rated hints at the location (its consumers caught up). */
export async function analyticsCaughtUp(
  t: TestPlatform,
  tenant: Tenant,
  locationId: string,
  hints: number,
): Promise<void> {
  await eventually(
    async () => {
      const points = await series(t, key(t, tenant), 1, locationId);
      const sum = (k: 'hintsDelivered' | 'feedbackCount') => points.reduce((n, p) => n + p[k], 0);
      return sum('hintsDelivered') === hints && sum('feedbackCount') === hints;
    },
    { timeoutMs: 30_000, intervalMs: 100, what: `analytics of ${hints} rated hints at ${locationId}` },
  );
}

/** A MANAGER of Acme working `locationIds`, and its member access token (a JWT). */
export async function managerToken(t: TestPlatform, locationIds: string[]): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const { addMember } = await ok<{ addMember: { id: string } }>(
    t,
    'addMember',
    ADD_MEMBER,
    {
      input: {
        userId: `dash-manager-${tag}`,
        email: `dash-manager-${tag}@example.com`,
        name: `Manager ${tag}`,
        role: 'MANAGER',
        locationIds,
      },
    },
    key(t, 'acme'),
  );
  const d = await ok<{ issueAccessToken: { token: string } }>(
    t,
    'issueAccessToken',
    ISSUE_TOKEN,
    { id: addMember.id },
    key(t, 'acme'),
  );
  return d.issueAccessToken.token;
}

const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

/** A new API key of the tenant holding only `scopes` (created with the tenant's admin key). */
export async function scopedKey(t: TestPlatform, tenant: Tenant, scopes: string[]): Promise<string> {
  const input = { name: `dashboard ${scopes.join(' ')}`, scopes };
  const d = await ok<{ createApiKey: { secret: string } }>(
    t,
    'createApiKey',
    CREATE_KEY,
    { input },
    key(t, tenant),
  );
  return d.createApiKey.secret;
}

const BILLING = `{ viewer { organizationId organization { billing {
  subscription { currentPeriodEnd } usage { hintsUsed } } } } }`;
const CLOSE = `mutation ($input: ClosePeriodInput!) { closePeriod(input: $input) { id totalCents hints } }`;

/**
 * Closes the tenant's open billing period once billing has counted `hints` (its usage consumer caught up),
 * so an invoice exists; returns it.
 */
export async function closePeriod(
  t: TestPlatform,
  tenant: Tenant,
  hints: number,
): Promise<{ id: string; totalCents: number; hints: number }> {
  type Billing = {
    viewer: {
      organizationId: string;
      organization: {
        billing: { subscription: { currentPeriodEnd: string }; usage: { hintsUsed: number } };
      };
    };
  };
  const b = await eventually(
    async () => {
      const d = await ok<Billing>(t, 'billing', BILLING, {}, key(t, tenant));
      return d.viewer.organization.billing.usage.hintsUsed === hints ? d : false;
    },
    { timeoutMs: 30_000, intervalMs: 100, what: `billing usage of ${hints} hints` },
  );
  const input = {
    organizationId: b.viewer.organizationId,
    periodEnd: b.viewer.organization.billing.subscription.currentPeriodEnd,
  };
  const d = await ok<{ closePeriod: { id: string; totalCents: number; hints: number } }>(
    t,
    'closePeriod',
    CLOSE,
    { input },
    key(t, tenant),
  );
  return d.closePeriod;
}
