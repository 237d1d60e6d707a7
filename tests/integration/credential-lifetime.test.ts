/**
 * Credentials end what they started. 72 graphql-ws and 12 SSE coaching subscriptions are open at once
 * through two gateways, from three API keys and three members of two tenants. Revoking one key and removing
 * one member ends exactly their subscriptions on both gateways within seconds (graphql-ws close 4403; SSE:
 * an UNAUTHENTICATED error, then complete) while every other one keeps receiving hints; the removed member's
 * JWT is refused on HTTP at once, and still after a gateway restart. A JWT expired at subscribe is refused
 * (4401), one that expires mid-subscription ends it at `exp` (4401), and a subscription held for more than
 * its first context token's lifetime still gets the agent resolved from the agents subgraph on every hint.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { composeFromCode } from '../../bin/compose';
import { startGatewayService } from '../../bin/platform';
import { DEMO, demoAgents } from '../../bin/demo-plan';
import type { SubgraphName } from '../../core/config';
import { createLogger } from '../../core/logger';
import { contextTokenLifetimeSeconds } from '../../gateway/context-tokens';
import type { RunningGateway } from '../../gateway/gateway';
import {
  eventsAfter,
  HintSubscriber,
  SseHintSubscriber,
  type SubscriptionLog,
} from '../helpers/hint-subscriber';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { TEST_JWT_SECRET } from '../helpers/subgraph-harness';
import { describeEachDb } from '../helpers/variants';

type Tenant = 'acme' | 'summit';
type Headers = Record<string, string>;
/** Subscriptions watched together: a graphql-ws socket (several subscriptions) or one SSE stream. */
interface Watched {
  s: HintSubscriber | SseHintSubscriber;
  logs: SubscriptionLog[];
}

/**
 * A TTL shorter than the subgraph timeout, as an operator may configure. A burst of hints fans out to 84
 * subscribers here, and their entity fetches queue for up to ~3.5 s in this one process on a loaded 2-core
 * machine: the 5 s TTL alone expired under that queue (UNAUTHENTICATED for staying subscribers). The gateway
 * signs every token for at least 4/3 of the subgraph timeout plus a second (gateway/context-tokens.ts), so
 * the lifetime here is 42 s with the default 30 s subgraph timeout (a fetch the gateway still waits for
 * finds its token valid; a shorter timeout is no way to shorten the test: on this loaded machine fetches
 * passed 10 s); re-signed once a quarter of its life has passed.
 */
const CONTEXT_TTL_SECONDS = 5;
const SUBGRAPH_TIMEOUT_MS = 30_000;
const TOKEN_LIFETIME_SECONDS = contextTokenLifetimeSeconds(CONTEXT_TTL_SECONDS, SUBGRAPH_TIMEOUT_MS);
const WS_FORBIDDEN = 4403;
const WS_UNAUTHORIZED = 4401;

/** Polls an async condition until it holds: for state another service reaches on its own. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves at epoch ms `ms` (for properties that are about time passing: a token's expiry, a TTL). */
const at = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now())));

const completedWithAgent = (log: SubscriptionLog, since: number) =>
  eventsAfter(log, since, 'COMPLETED').some((e) => typeof e.hint?.session.agent?.name === 'string');

/** POSTs a small query to a gateway: status and error code. */
async function query(url: string, headers: Headers): Promise<[number, string | undefined]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ locations { id } }' }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return [res.status, body.errors?.[0]?.extensions?.code];
}

describeEachDb('credentials end what they started (%s)', (kind) => {
  let t: TestPlatform;
  let supergraph: string;
  const extraGateways: RunningGateway[] = [];
  const clients: (HintSubscriber | SseHintSubscriber)[] = [];
  const sessions = {} as Record<Tenant, string>;
  const admin = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });

  async function ok<T>(q: string, variables: Record<string, unknown>, headers: Headers): Promise<T> {
    const res = await t.gql<T>(q, variables, headers);
    if (res.errors) throw new Error(`${q}: ${JSON.stringify(res.errors)}`);
    return res.data!;
  }

  async function createKey(tenant: Tenant): Promise<{ id: string; secret: string }> {
    const d = await ok<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
      { input: { name: `widget ${randomUUID()}`, scopes: ['coaching:read', 'agents:read', 'tenants:read'] } },
      admin(tenant),
    );
    return { id: d.createApiKey.apiKey.id, secret: d.createApiKey.secret };
  }

  async function addMember(tenant: Tenant): Promise<{ id: string; userId: string }> {
    const userId = `user-${randomUUID()}`;
    const d = await ok<{ addMember: { id: string } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
      { input: { userId, email: `${userId}@example.com`, name: `Member ${userId}`, role: 'ADMIN' } },
      admin(tenant),
    );
    return { id: d.addMember.id, userId };
  }

  async function issueToken(tenant: Tenant, memberId: string, ttlSeconds = 3600) {
    const d = await ok<{ issueAccessToken: { token: string; expiresAt: string } }>(
      'mutation ($id: ID!, $ttl: Int!) { issueAccessToken(memberId: $id, ttlSeconds: $ttl) { token expiresAt } }',
      { id: memberId, ttl: ttlSeconds },
      admin(tenant),
    );
    return { token: d.issueAccessToken.token, expiresAt: Date.parse(d.issueAccessToken.expiresAt) };
  }

  function requestCoaching(tenant: Tenant): Promise<unknown> {
    return ok(
      'mutation ($id: ID!, $q: String) { requestCoaching(sessionId: $id, question: $q) { sessionId } }',
      { id: sessions[tenant], q: 'The lead says the price is too high. What do I say?' },
      admin(tenant),
    );
  }

  function socket(url: string, params: Headers, label: string): HintSubscriber {
    const s = new HintSubscriber(url, params, label);
    clients.push(s);
    return s;
  }

  function sse(url: string, headers: Headers, tenant: Tenant, label: string): SseHintSubscriber {
    const s = new SseHintSubscriber(url, headers, sessions[tenant], label);
    clients.push(s);
    return s;
  }

  /**
   * Runs coaching for `tenants` until every subscription in `ready` has a hint with the agent resolved that
   * began after the call: a subscription is accepted upstream some time after the client sent it, and
   * graphql-ws does not acknowledge it, so the first runs may reach only some of them.
   */
  async function coachUntil(tenants: Tenant[], ready: Watched[], roundMs = ready.length > 4 ? 8_000 : 1_500) {
    const since = Date.now();
    const hinted = (r: Watched) => r.logs.every((l) => completedWithAgent(l, since));
    while (!ready.every(hinted)) {
      if (Date.now() - since > 40_000) {
        const why = ready.filter((r) => !hinted(r)).map((r) => [r.s.label, r.logs.map((l) => l.errors[0])]);
        throw new Error(`no hint reached every subscription: ${JSON.stringify(why)}`);
      }
      await Promise.all(tenants.map((tenant) => requestCoaching(tenant)));
      // one run at a time: every hint reaches every subscriber, so overlapping runs would only queue up
      await Promise.all(
        ready.map((r) => r.s.until(() => hinted(r), 'a hint', roundMs).catch(() => undefined)),
      );
    }
    return since;
  }

  async function gateway(withEvents: boolean): Promise<RunningGateway> {
    const urls = Object.fromEntries(
      Object.entries(t.platform.services).map(([name, svc]) => [name, svc.subgraph.url]),
    ) as Record<SubgraphName, string>;
    const logger = createLogger({ level: 'silent', name: 'it-gw' });
    const events = withEvents ? t.platform.events : undefined;
    const gw = await startGatewayService(t.config, logger, urls, supergraph, events);
    extraGateways.push(gw);
    return gw;
  }

  beforeAll(async () => {
    // composed first: composing builds the subgraphs' schemas (over ORMs closed after composing)
    supergraph = (await composeFromCode()).supergraph;
    t = await startTestPlatform(kind, {
      CONTEXT_TOKEN_TTL_SECONDS: String(CONTEXT_TTL_SECONDS),
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
    });
    for (const tenant of ['acme', 'summit'] as const) {
      const agent = demoAgents(tenant)[0]!;
      const d = await ok<{ startAgentSession: { id: string } }>(
        'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
        { input: { agentId: agent.id, contactId: `contact-${randomUUID()}`, channel: 'SMS' } },
        admin(tenant),
      );
      sessions[tenant] = d.startAgentSession.id;
      await eventually(`coaching to know the ${tenant} session`, async () => {
        const q = 'query ($id: ID!) { agentSession(id: $id) { turns { id } } }';
        const r = await t.gql(q, { id: sessions[tenant] }, admin(tenant));
        return !r.errors && !!r.data;
      });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((s) => s.dispose()));
    for (const g of extraGateways) await g.close();
    await t?.close();
  });

  test('revoking a key and removing a member end exactly their subscriptions on every gateway; the rest keep receiving hints', async () => {
    const gateways = [t.url, (await gateway(true)).url];
    const keys = {
      revoked: await createKey('acme'),
      acme: await createKey('acme'),
      summit: await createKey('summit'),
    };
    const members = {
      removed: await addMember('acme'),
      acme: await addMember('acme'),
      summit: await addMember('summit'),
    };
    const bearer = async (tenant: Tenant, id: string) => ({
      authorization: `Bearer ${(await issueToken(tenant, id)).token}`,
    });
    const credentials: { label: string; tenant: Tenant; headers: Headers; ends: boolean }[] = [
      { label: 'revoked key', tenant: 'acme', headers: { 'x-api-key': keys.revoked.secret }, ends: true },
      { label: 'acme key', tenant: 'acme', headers: { 'x-api-key': keys.acme.secret }, ends: false },
      { label: 'summit key', tenant: 'summit', headers: { 'x-api-key': keys.summit.secret }, ends: false },
      {
        label: 'removed member',
        tenant: 'acme',
        headers: await bearer('acme', members.removed.id),
        ends: true,
      },
      { label: 'acme member', tenant: 'acme', headers: await bearer('acme', members.acme.id), ends: false },
      {
        label: 'summit member',
        tenant: 'summit',
        headers: await bearer('summit', members.summit.id),
        ends: false,
      },
    ];
    // per credential and gateway: 2 sockets × 3 subscriptions, and one SSE stream → 72 + 12 at once
    const sockets = credentials.flatMap((c) =>
      gateways.flatMap((url, g) =>
        [0, 1].map((n) => {
          const s = socket(url, c.headers, `${c.label} gw${g} ws${n}`);
          return { ...c, s, logs: [0, 1, 2].map(() => s.subscribe(sessions[c.tenant])) };
        }),
      ),
    );
    const streams = credentials.flatMap((c) =>
      gateways.map((url, g) => {
        const s = sse(url, c.headers, c.tenant, `${c.label} gw${g} sse`);
        return { ...c, s, logs: s.subscriptions };
      }),
    );
    expect([sockets.flatMap((o) => o.logs).length, streams.length]).toEqual([72, 12]);
    await coachUntil(['acme', 'summit'], [...sockets, ...streams]);

    const revokedAt = Date.now();
    await Promise.all([
      ok('mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: keys.revoked.id }, admin('acme')),
      ok('mutation ($id: ID!) { removeMember(id: $id) }', { id: members.removed.id }, admin('acme')),
    ]);
    const closing = sockets.filter((o) => o.ends);
    const ending = streams.filter((o) => o.ends);
    await Promise.all([
      ...closing.map((o) => o.s.until(() => !!o.s.closed, 'the socket to close', 10_000)),
      ...ending.map((o) => o.s.until(() => !!o.s.log.completedAt, 'the stream to complete', 10_000)),
    ]);
    expect(closing.map((o) => [o.s.label, o.s.closed!.code])).toEqual(
      closing.map((o) => [o.s.label, WS_FORBIDDEN]),
    );
    expect(ending.map((o) => o.s.log.errors.map((e) => e.code))).toEqual(
      ending.map(() => ['UNAUTHENTICATED']),
    );
    const endedAt = [...closing.map((o) => o.s.closed!.at), ...ending.map((o) => o.s.log.completedAt!)];
    expect(Math.max(...endedAt) - revokedAt).toBeLessThan(5_000);

    // both gateways have acted on both events: the removed member's JWT and the key are refused over HTTP
    for (const url of gateways) {
      expect(await query(url, credentials[3]!.headers)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await query(url, credentials[0]!.headers)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await query(url, credentials[4]!.headers)).toEqual([200, undefined]);
    }

    // everyone else keeps receiving hints with the agent resolved; nothing reaches what was ended
    const staying = [...sockets, ...streams].filter((o) => !o.ends);
    await coachUntil(['acme', 'summit'], staying);
    expect(sockets.filter((o) => !o.ends && o.s.closed).map((o) => o.s.label)).toEqual([]);
    expect(staying.flatMap((o) => o.logs.flatMap((l) => l.errors))).toEqual([]);
    const endedAtOf = (o: (typeof sockets)[number] | (typeof streams)[number]) =>
      o.s instanceof HintSubscriber ? o.s.closed!.at : o.s.log.completedAt!;
    const late = [...closing, ...ending].flatMap((o) => o.logs.flatMap((l) => eventsAfter(l, endedAtOf(o))));
    expect(late).toEqual([]);

    // the deny state outlives the gateway: a fresh one that never saw the events refuses both too
    const fresh = (await gateway(false)).url;
    expect(await query(fresh, credentials[3]!.headers)).toEqual([401, 'UNAUTHENTICATED']);
    expect(await query(fresh, credentials[0]!.headers)).toEqual([401, 'UNAUTHENTICATED']);
    expect(await query(fresh, credentials[4]!.headers)).toEqual([200, undefined]);
  }, 120_000);

  test('a JWT expired when subscribing is refused with 4401, also on a socket opened while it was valid', async () => {
    const member = await addMember('acme');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ tid: DEMO.acme.id, org: DEMO.acme.id, role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(member.userId)
      .setIssuer('coaching-platform')
      .setAudience('coaching-api')
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const atConnect = socket(t.url, { authorization: `Bearer ${expired}` }, 'expired at connect');
    const log = atConnect.subscribe(sessions.acme);
    await atConnect.until(() => !!atConnect.closed, 'the socket to close');
    expect(atConnect.closed!.code).toBe(WS_UNAUTHORIZED);

    // valid when the socket opens, expired by the time it subscribes. Not 1 s: on loaded CI cores the
    // connection_init round trip alone took over a second, and the token expired before the socket opened.
    const short = await issueToken('acme', member.id, 5);
    const late = socket(t.url, { authorization: `Bearer ${short.token}` }, 'expired before subscribe');
    await late.until(() => late.opened || !!late.closed, 'the socket to open');
    expect(late.closed).toBeUndefined();
    await at(short.expiresAt + 50);
    const lateLog = late.subscribe(sessions.acme);
    await late.until(() => !!late.closed, 'the socket to close');
    expect(late.closed!.code).toBe(WS_UNAUTHORIZED);

    // while hints flow to a valid subscriber, neither got any
    const control = socket(t.url, admin('acme'), 'control');
    await coachUntil(['acme'], [{ s: control, logs: [control.subscribe(sessions.acme)] }]);
    expect([...log.events, ...lateLog.events]).toEqual([]);
  }, 60_000);

  test('a subscription ends at its JWT expiry with 4401, after receiving hints until then', async () => {
    const member = await addMember('summit');
    // long enough for a first hint on a loaded machine (6 s was not: the socket closed at exp before any hint)
    const { token, expiresAt } = await issueToken('summit', member.id, 15);
    const s = socket(t.url, { authorization: `Bearer ${token}` }, 'expiring');
    const log = s.subscribe(sessions.summit);
    await coachUntil(['summit'], [{ s, logs: [log] }]);
    expect(s.closed).toBeUndefined();
    // a loaded CI machine once needed more than 5 s to deliver the close: wait longer, then judge when it came
    await s.until(() => !!s.closed, 'the socket to close at exp', expiresAt - Date.now() + 15_000);
    expect(s.closed!.code).toBe(WS_UNAUTHORIZED);
    expect(s.closed!.at).toBeGreaterThanOrEqual(expiresAt - 50);
    // at exp, not at the next context-token refresh or never (the token's own lifetime is 15 s)
    expect(s.closed!.at - expiresAt).toBeLessThan(5_000);
  }, 60_000);

  test(`a subscription held past its first ${TOKEN_LIFETIME_SECONDS} s context token keeps its joined fields`, async () => {
    const key = await createKey('acme');
    const member = await addMember('acme');
    const holders = [
      socket(t.url, { 'x-api-key': key.secret }, 'long key'),
      socket(
        t.url,
        { authorization: `Bearer ${(await issueToken('acme', member.id)).token}` },
        'long member',
      ),
    ];
    const held = holders.map((s) => ({ s, logs: [s.subscribe(sessions.acme)] }));
    const opened = await coachUntil(['acme'], held);
    await at(opened + 1.1 * TOKEN_LIFETIME_SECONDS * 1000); // every token in use when it opened has expired
    const later = Date.now();
    await requestCoaching('acme');
    const lateHint = (l: SubscriptionLog) => eventsAfter(l, later, 'COMPLETED').length > 0;
    await Promise.all(held.map((h) => h.s.until(() => lateHint(h.logs[0]!), 'a late hint')));
    for (const { logs } of held) {
      const late = eventsAfter(logs[0]!, later, 'COMPLETED');
      expect(late.map((e) => e.hint?.session.agent?.name)).toEqual(
        late.map(() => demoAgents('acme')[0]!.name),
      );
      expect(logs[0]!.errors).toEqual([]);
    }
    expect(holders.map((h) => h.closed)).toEqual([undefined, undefined]);
  }, 90_000);
});
