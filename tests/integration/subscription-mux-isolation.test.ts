/**
 * Subscriptions share one upstream connection, never a principal (issue 13). The gateway used to open one
 * graphql-ws connection to coaching per client socket and context token (10,000 subscribers, 10,000 upstream
 * sockets); now every subscription goes over one multiplexed connection, each subscribe carrying its caller's
 * signed token (core/server/subscription-principal.ts). Here:
 *   - two tenants' API keys and two AGENT members (JWT) subscribe at once, 22 subscriptions on 4 sockets, and
 *     coaching sees ONE upstream connection; each subscription receives its own session's hints only, the
 *     agent resolved from the agents subgraph, and an AGENT's subscription to a colleague's session is
 *     refused — even when its client puts a stolen owner's context token in the subscribe's extensions;
 *   - on a mux connection straight to coaching, a subscribe with a forged, expired or missing token is refused
 *     UNAUTHENTICATED, alone: the valid subscription on the same connection and the gateway's subscribers go on
 *     receiving hints; a direct connection runs as its own token's principal whatever the extensions say.
 * Without the change: 4 upstream connections. With the principal taken from the connection (the first
 * subscribe's) instead of each subscribe: other tenants' subscriptions are refused and an AGENT's foreign one
 * runs (checked by hand: see the commit message).
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { DEMO, demoAgents, demoMembers } from '../../bin/demo-plan';
import { CONTEXT_HEADER, ContextTokenCodec } from '../../core/context-token';
import { MemberRole } from '../../core/vocabulary';
import { startSession } from '../helpers/live-session';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { principal } from '../helpers/principals';
import { TEST_CONTEXT_SECRET } from '../helpers/subgraph-harness';
import { UpstreamSockets } from '../helpers/upstream-sockets';

type Tenant = 'acme' | 'summit';
type Who = `${Tenant}-key` | `${Tenant}-agent`;

const HINTS = `subscription ($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) { type hint { id session { id agent { name } } } }
}`;
/** Straight to coaching: the agent's name is the agents subgraph's, so not asked for there. */
const SUBGRAPH_HINTS = `subscription ($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) { type hint { id session { id } } }
}`;

interface Sub {
  who: string;
  sessionId: string;
  hints: { hintId: string; sessionId: string; agent: string | null }[];
  errors: { code: unknown; message: string }[];
}

interface OpenOptions {
  who: string;
  sessionId: string;
  since: string;
  /** The subscribe message's extensions. */
  extensions?: Record<string, unknown>;
  /** Default HINTS (through the gateway). */
  query?: string;
}

/** Subscriptions whose state changes call `changed`; `until` waits for a state (never a clock). */
class Subs {
  readonly all: Sub[] = [];
  private readonly waiters = new Set<() => void>();

  open(client: Client, o: OpenOptions): Sub {
    const { who, sessionId, since, extensions } = o;
    const s: Sub = { who, sessionId, hints: [], errors: [] };
    this.all.push(s);
    client.subscribe<{
      coachingHints: {
        type: string;
        hint: { id: string; session: { id: string; agent: { name: string } | null } } | null;
      };
    }>(
      { query: o.query ?? HINTS, variables: { sessionId, since }, ...(extensions ? { extensions } : {}) },
      {
        next: (msg) => {
          for (const e of msg.errors ?? [])
            s.errors.push({ code: e.extensions?.['code'], message: e.message });
          const ev = msg.data?.coachingHints;
          if (ev?.type === 'COMPLETED' && ev.hint)
            s.hints.push({
              hintId: ev.hint.id,
              sessionId: ev.hint.session.id,
              agent: ev.hint.session.agent?.name ?? null,
            });
          this.changed();
        },
        error: (err) => {
          const list = Array.isArray(err)
            ? (err as { message: string; extensions?: Record<string, unknown> }[])
            : [];
          if (list.length === 0)
            s.errors.push({ code: 'TRANSPORT', message: String((err as Error)?.message ?? err) });
          for (const e of list) s.errors.push({ code: e.extensions?.['code'], message: e.message });
          this.changed();
        },
        complete: () => this.changed(),
      },
    );
    return s;
  }

  until(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}: ${this.describe()}`)),
        ms,
      );
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  private describe(): string {
    return JSON.stringify(this.all.map((s) => ({ who: s.who, hints: s.hints.length, errors: s.errors })));
  }

  private changed(): void {
    for (const w of [...this.waiters]) w();
  }
}

function wsClient(url: string, connectionParams: Record<string, string>): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
}

describe('subscriptions multiplexed upstream, isolated per subscribe', () => {
  let t: TestPlatform;
  let upstream: UpstreamSockets;
  const clients: Client[] = [];
  const subs = new Subs();
  /** Each tenant's session of its AGENT member's agent (`own`) and of another agent (`other`). */
  const sessions = {} as Record<Tenant, { own: string; other: string }>;
  const agentNames = {} as Record<string, string>;
  const params = {} as Record<Who, Record<string, string>>;
  let since = '';

  const client = (url: string, p: Record<string, string>) => {
    const c = wsClient(url, p);
    clients.push(c);
    return c;
  };
  const turn = async (tenant: Tenant, sessionId: string, text: string) => {
    const r = await t.gql(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      { input: { sessionId, speaker: 'LEAD', text } },
      { 'x-api-key': t.apiKeys[tenant] },
    );
    expect(r.errors).toBeUndefined();
  };
  const everySession = () =>
    (['acme', 'summit'] as const).flatMap((tn) => [sessions[tn].own, sessions[tn].other]);

  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { RATE_LIMIT_PER_MINUTE: '100000' });
    upstream = new UpstreamSockets(t.platform.services.coaching.subgraph.server);
    for (const tenant of ['acme', 'summit'] as const) {
      const [own, other] = demoAgents(tenant);
      agentNames[own!.id] = own!.name;
      agentNames[other!.id] = other!.name;
      const key = t.apiKeys[tenant];
      sessions[tenant] = {
        own: await startSession(t, key, own!.id, `mux-${tenant}-own`),
        other: await startSession(t, key, other!.id, `mux-${tenant}-other`),
      };
      const member = demoMembers(tenant).find((m) => m.role === MemberRole.AGENT)!;
      const issued = await t.gql<{ issueAccessToken: { token: string } }>(
        'mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }',
        { id: member.id },
        { 'x-api-key': key },
      );
      expect(issued.errors).toBeUndefined();
      params[`${tenant}-key`] = { 'x-api-key': key };
      params[`${tenant}-agent`] = { authorization: `Bearer ${issued.data!.issueAccessToken.token}` };
    }
    since = new Date().toISOString();
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  });

  test('two tenants and two roles at once: one upstream connection, each subscription its own hints only', async () => {
    const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET, 600);
    // a context token of Acme's owner, as if stolen: sent by an AGENT's client, it must change nothing
    const stolen = await codec.sign(principal({ tenantId: DEMO.acme.id, role: MemberRole.OWNER }));
    const allowed: Sub[] = [];
    const refused: Sub[] = [];
    for (const tenant of ['acme', 'summit'] as const) {
      const key = client(t.url, params[`${tenant}-key`]);
      const agent = client(t.url, params[`${tenant}-agent`]);
      for (let i = 0; i < 3; i++) {
        allowed.push(subs.open(key, { who: `${tenant}-key`, sessionId: sessions[tenant].own, since }));
        allowed.push(subs.open(key, { who: `${tenant}-key`, sessionId: sessions[tenant].other, since }));
        allowed.push(subs.open(agent, { who: `${tenant}-agent`, sessionId: sessions[tenant].own, since }));
      }
      refused.push(subs.open(agent, { who: `${tenant}-agent`, sessionId: sessions[tenant].other, since }));
      refused.push(
        subs.open(agent, {
          who: `${tenant}-agent`,
          sessionId: sessions[tenant].other,
          since,
          extensions: {
            [CONTEXT_HEADER]: stolen,
            connectionParams: { [CONTEXT_HEADER]: stolen, 'x-gateway-mux': '0' },
          },
        }),
      );
    }
    await subs.until('the foreign subscriptions refused', () => refused.every((s) => s.errors.length > 0));
    await Promise.all(
      everySession().map((sessionId, i) =>
        turn(i < 2 ? 'acme' : 'summit', sessionId, 'That price feels too high for us, honestly.'),
      ),
    );
    await subs.until('a hint on every allowed subscription', () => allowed.every((s) => s.hints.length > 0));

    console.log(
      `mux isolation: ${allowed.length + refused.length} subscriptions on 4 sockets, upstream connections at most ${upstream.max} (opened ${upstream.opened})`,
    );
    expect(upstream.max).toBe(1);
    expect(upstream.opened).toBe(1);
    for (const s of allowed) {
      expect({ who: s.who, errors: s.errors }).toEqual({ who: s.who, errors: [] });
      for (const h of s.hints) {
        expect({ who: s.who, session: h.sessionId }).toEqual({ who: s.who, session: s.sessionId });
      }
      const owner = s.who.startsWith('acme') ? 'acme' : 'summit';
      const agentId =
        s.sessionId === sessions[owner].own ? demoAgents(owner)[0]!.id : demoAgents(owner)[1]!.id;
      expect(s.hints.map((h) => h.agent)).toEqual(s.hints.map(() => agentNames[agentId]));
    }
    for (const s of refused) {
      expect({ who: s.who, hints: s.hints, codes: s.errors.map((e) => e.code) }).toEqual({
        who: s.who,
        hints: [],
        codes: ['NOT_FOUND'],
      });
    }
  }, 120_000);

  test('a forged, expired or missing token on a mux connection is refused alone; a direct connection keeps its own principal', async () => {
    const coachingUrl = t.platform.services.coaching.subgraph.url;
    const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET, 600);
    const acmeOwner = principal({ tenantId: DEMO.acme.id, role: MemberRole.OWNER });
    const summitOwner = principal({ tenantId: DEMO.summit.id, role: MemberRole.OWNER });
    const forged = await new ContextTokenCodec('not-the-platform-secret-0123456789', 600).sign(acmeOwner);
    const expired = await codec.sign(acmeOwner, -60);
    const mux = client(coachingUrl, { 'x-gateway-mux': '1' });
    const direct = client(coachingUrl, { [CONTEXT_HEADER]: await codec.sign(summitOwner) });
    const fresh = new Date().toISOString();
    const straight = (who: string, extensions?: Record<string, unknown>) => ({
      who,
      sessionId: sessions.acme.own,
      since: fresh,
      query: SUBGRAPH_HINTS,
      extensions,
    });
    const valid = subs.open(mux, straight('mux-valid', { [CONTEXT_HEADER]: await codec.sign(acmeOwner) }));
    const bad = [
      subs.open(mux, straight('mux-forged', { [CONTEXT_HEADER]: forged })),
      subs.open(mux, straight('mux-expired', { [CONTEXT_HEADER]: expired })),
      subs.open(mux, straight('mux-missing')),
    ];
    // a direct connection as Summit's owner, claiming Acme's in the subscribe: it runs as Summit
    const crossing = subs.open(
      direct,
      straight('direct-crossing', { [CONTEXT_HEADER]: await codec.sign(acmeOwner) }),
    );
    const viaGateway = subs.all.filter((s) => s.who === 'acme-key' && s.sessionId === sessions.acme.own);
    const before = new Map(viaGateway.map((s) => [s, s.hints.length]));
    await subs.until('the bad subscribes refused', () =>
      [...bad, crossing].every((s) => s.errors.length > 0),
    );
    await turn('acme', sessions.acme.own, 'We need to sell our place first, can you help with that?');
    await subs.until(
      'a new hint on the valid mux subscription and the gateway subscribers',
      () => valid.hints.length > 0 && viaGateway.every((s) => s.hints.length > before.get(s)!),
    );
    expect(valid.errors).toEqual([]);
    expect(valid.hints.every((h) => h.sessionId === sessions.acme.own)).toBe(true);
    for (const s of bad) {
      expect({ who: s.who, hints: s.hints, codes: s.errors.map((e) => e.code) }).toEqual({
        who: s.who,
        hints: [],
        codes: ['UNAUTHENTICATED'],
      });
    }
    expect({ hints: crossing.hints, codes: crossing.errors.map((e) => e.code) }).toEqual({
      hints: [],
      codes: ['NOT_FOUND'],
    });
  }, 120_000);
});
