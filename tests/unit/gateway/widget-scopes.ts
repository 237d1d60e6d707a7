/**
 * Runs what the coaching widget sends (web/coaching-widget/api.ts: its state and branding queries, its
 * rating mutation and its two subscriptions over graphql-ws) against a started platform with an API key
 * holding given scopes, and reports which scopes the API said were missing, whether the branding was
 * visible and whether a session update arrived — used to check the scopes the portal lists.
 */
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { DEMO } from '../../../bin/demo-plan';
import {
  BRANDING_QUERY,
  HINTS_SUBSCRIPTION,
  RATE_MUTATION,
  SESSION_SUBSCRIPTION,
  STATE_QUERY,
} from '../../../web/coaching-widget/api';
import { eventually } from '../../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../../helpers/platform';

const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const AGENT = `query ($f: AgentFilter) { agents(first: 1, filter: $f) { edges { node { id } } } }`;

export interface WidgetPlatform {
  t: TestPlatform;
  sessionId: string;
  close(): Promise<void>;
}

export interface WidgetOutcome {
  /** Scopes named by FORBIDDEN errors (extensions.requiredScope), sorted, once each. */
  forbidden: string[];
  /** viewer.organization (the branding) was visible. */
  branding: boolean;
  /** A sessionUpdated event arrived on the widget's subscription. */
  updates: boolean;
}

type GqlError = { message: string; extensions?: Record<string, unknown> };

const admin = (t: TestPlatform) => ({ 'x-api-key': t.apiKeys.acme });

async function data<T>(t: TestPlatform, query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await t.gql<T>(query, variables, admin(t));
  if (r.errors || !r.data) throw new Error(`${r.status} ${JSON.stringify(r.errors)}`);
  return r.data;
}

export async function startWidgetPlatform(): Promise<WidgetPlatform> {
  const t = await startTestPlatform('sqlite', { RATE_LIMIT_PER_MINUTE: '1000000' });
  const f = { locationId: DEMO.acme.locations[0].id };
  const a = await data<{ agents: { edges: { node: { id: string } }[] } }>(t, AGENT, { f });
  const input = { agentId: a.agents.edges[0]!.node.id, contactId: 'portal-widget', channel: 'SMS' };
  const s = await data<{ startAgentSession: { id: string } }>(t, START, { input });
  return { t, sessionId: s.startAgentSession.id, close: () => t.close() };
}

function scopesOf(errors: readonly GqlError[] | undefined, unexpected: string[]): string[] {
  const out: string[] = [];
  for (const e of errors ?? []) {
    const scope = e.extensions?.['requiredScope'];
    if (e.extensions?.['code'] === 'FORBIDDEN' && typeof scope === 'string') out.push(scope);
    else if (e.extensions?.['code'] !== 'NOT_FOUND') unexpected.push(e.message);
  }
  return out;
}

/** The widget's two subscriptions on one socket; a LEAD turn is added until an update or the errors arrive. */
async function subscriptions(w: WidgetPlatform, secret: string, unexpected: string[]) {
  const client = createClient({
    url: w.t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { 'x-api-key': secret },
    retryAttempts: 0,
  });
  let closed = false;
  const gone = new Promise<void>((resolve) =>
    client.on('closed', () => {
      closed = true;
      resolve();
    }),
  );
  const errors: GqlError[][] = [[], []];
  let updates = 0;
  [HINTS_SUBSCRIPTION, SESSION_SUBSCRIPTION].forEach((query, i) =>
    client.subscribe<unknown>(
      { query, variables: { id: w.sessionId } },
      {
        next: (msg) => {
          if (msg.errors) errors[i]!.push(...(msg.errors as GqlError[]));
          else if (i === 1) updates++;
        },
        error: (err) =>
          errors[i]!.push(...(Array.isArray(err) ? (err as GqlError[]) : [{ message: String(err) }])),
        complete: () => undefined,
      },
    ),
  );
  try {
    await eventually(
      async () => {
        if (updates > 0 || (errors[0]!.length > 0 && errors[1]!.length > 0)) return true;
        const input = { sessionId: w.sessionId, speaker: 'LEAD', text: 'We are pre-approved.', coach: false };
        await data(w.t, ADD_TURN, { input });
        return false;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: 'a session update or the subscriptions refused' },
    );
  } finally {
    // the socket is closed once graphql-ws says so (no handle left behind)
    const wasOpen = !closed;
    await client.dispose();
    if (wasOpen) await gone;
  }
  return { forbidden: errors.flatMap((e) => scopesOf(e, unexpected)), updates: updates > 0 };
}

/** What the widget gets with an API key of Acme holding exactly `scopes`. */
export async function widgetOutcome(w: WidgetPlatform, scopes: string[]): Promise<WidgetOutcome> {
  const input = { name: `widget ${scopes.join(' ')}`, scopes };
  const secret = (await data<{ createApiKey: { secret: string } }>(w.t, CREATE_KEY, { input })).createApiKey
    .secret;
  const h = { 'x-api-key': secret };
  const unexpected: string[] = [];
  const state = await w.t.gql(STATE_QUERY, { id: w.sessionId }, h);
  const brand = await w.t.gql<{ viewer: { organization: { id: string } | null } }>(BRANDING_QUERY, {}, h);
  // a hint id that does not exist: NOT_FOUND once the scope check passed, FORBIDDEN before it
  const rate = await w.t.gql(RATE_MUTATION, { hintId: 'no-such-hint', verdict: 'ACCEPTED' }, h);
  const subs = await subscriptions(w, secret, unexpected);
  const forbidden = [
    ...scopesOf(state.errors, unexpected),
    ...scopesOf(brand.errors, unexpected),
    ...scopesOf(rate.errors, unexpected),
    ...subs.forbidden,
  ];
  if (unexpected.length) throw new Error(`unexpected errors: ${unexpected.join('; ')}`);
  return {
    forbidden: [...new Set(forbidden)].sort(),
    branding: Boolean(brand.data?.viewer.organization),
    updates: subs.updates,
  };
}
