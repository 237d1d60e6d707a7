/**
 * Subscription limits over real WebSockets (issue 12), several tenants subscribing at once:
 *   - per socket (MAX_SUBSCRIPTIONS_PER_SOCKET) and per tenant (MAX_SUBSCRIPTIONS_PER_TENANT): the subscribe
 *     over a limit is answered RATE_LIMITED (scope, limit; no `extensions.http` on a socket), the others
 *     run — each gets its own tenant's replayed hint — and another tenant is not affected;
 *   - a slot comes back when its subscription ends (complete, socket closed), to a client retrying;
 *   - a socket that keeps subscribing past its limit is closed with 4429;
 *   - 600 subscriptions of one API key on 4 sockets all run: before, they shared one upstream connection and
 *     coaching's per-connection limit (499 open) failed 101 of them with an error that did not say why;
 *   - a subscribe by document id alone (`{"documentId": …}`, trusted documents) runs as over HTTP (was 4400).
 * A granted subscription is told apart from a refused one by what it receives: subscribed with `since`
 * before a stored hint, it is sent that hint at once (coachingHints replays), a refused one its error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { composeFromCode } from '../../bin/compose';
import { demoAgents } from '../../bin/demo-plan';
import { startGatewayService } from '../../bin/platform';
import type { PlatformConfig, SubgraphName } from '../../core/config';
import { createLogger } from '../../core/logger';
import { productionSwitches } from '../../core/production-switches';
import type { RunningGateway } from '../../gateway/gateway';
import { startSession } from '../helpers/live-session';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

type Tenant = 'acme' | 'summit';
const HINTS = `subscription Hints($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) { type hint { id } }
}`;
type Message = { id?: string; type: string; payload?: unknown };
type GqlError = { message: string; extensions?: Record<string, unknown> };

/** A raw graphql-transport-ws socket; `until` waits on what arrives (no clock). */
class RawSocket {
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        this.changed();
      }),
    );
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      this.changed();
    });
  }

  static async open(url: string, apiKey: string): Promise<RawSocket> {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () =>
        ws.send(JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': apiKey } })),
      );
      void socket
        .until('connection_ack', () => socket.messages.some((m) => m.type === 'connection_ack'))
        .then(resolve);
    });
    return socket;
  }

  send(message: Message): void {
    this.ws.send(JSON.stringify(message));
  }

  /** What subscription `id` came to: a hint (granted), its errors (refused), or nothing yet. */
  outcome(id: string): { hintId: string } | { errors: GqlError[] } | null {
    for (const m of this.messages) {
      if (m.id !== id) continue;
      if (m.type === 'error') return { errors: m.payload as GqlError[] };
      const p = m.payload as { data?: { coachingHints?: { hint?: { id: string } } }; errors?: GqlError[] };
      if (m.type === 'next' && p.errors?.length) return { errors: p.errors };
      if (m.type === 'next' && p.data?.coachingHints?.hint) return { hintId: p.data.coachingHints.hint.id };
    }
    return null;
  }

  until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
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

  close(): void {
    this.ws.close(1000);
  }

  private changed(): void {
    for (const w of [...this.waiters]) w();
  }
}

interface Seeded {
  sessionId: string;
  since: string;
  hintId: string;
}

describe('subscription limits over graphql-ws', () => {
  let t: TestPlatform;
  const gateways: RunningGateway[] = [];
  const sockets: RawSocket[] = [];
  const seeded = {} as Record<Tenant, Seeded>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subscription-limits-'));
  let big: RunningGateway;

  async function gatewayWith(config: PlatformConfig): Promise<RunningGateway> {
    const urls = Object.fromEntries(
      Object.entries(t.platform.services).map(([name, svc]) => [name, svc.subgraph.url]),
    ) as Record<SubgraphName, string>;
    const { supergraph } = await composeFromCode();
    const g = await startGatewayService(
      config,
      createLogger({ level: 'silent', name: 'it-subs' }),
      urls,
      supergraph,
    );
    gateways.push(g);
    return g;
  }
  const withLimits = (perSocket: number, perTenant: number) =>
    gatewayWith({ ...t.config, limits: { ...t.config.limits, subscriptions: { perSocket, perTenant } } });
  const open = async (url: string, tenant: Tenant) => {
    const s = await RawSocket.open(url, t.apiKeys[tenant]);
    sockets.push(s);
    return s;
  };
  const subscribe = (s: RawSocket, id: string, tenant: Tenant, extra: Record<string, unknown> = {}) =>
    s.send({
      id,
      type: 'subscribe',
      payload: {
        query: HINTS,
        variables: { sessionId: seeded[tenant].sessionId, since: seeded[tenant].since },
        ...extra,
      },
    });

  /** A session of `tenant` with one stored hint, made through a live subscription (waits on its event). */
  async function seed(tenant: Tenant): Promise<Seeded> {
    const key = t.apiKeys[tenant];
    const sessionId = await startSession(t, key, demoAgents(tenant)[0]!.id, `limits-${tenant}`);
    const since = new Date().toISOString();
    seeded[tenant] = { sessionId, since, hintId: '' };
    const s = await open(big.url, tenant);
    subscribe(s, 'seed', tenant);
    // the subscription is live upstream once a query sent after it on the same socket has been answered
    s.send({ id: 'ping', type: 'subscribe', payload: { query: '{ __typename }' } });
    await s.until('the query after the subscribe', () =>
      s.messages.some((m) => m.id === 'ping' && m.type === 'complete'),
    );
    const turn = await t.gql(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      { input: { sessionId, speaker: 'LEAD', text: 'That price feels too high for us, honestly.' } },
      { 'x-api-key': key },
    );
    expect(turn.errors).toBeUndefined();
    await s.until(`${tenant}'s first hint`, () => s.outcome('seed') !== null);
    const got = s.outcome('seed');
    if (!got || !('hintId' in got)) throw new Error(`no hint for ${tenant}: ${JSON.stringify(got)}`);
    s.close();
    return { sessionId, since, hintId: got.hintId };
  }

  beforeAll(async () => {
    t = await startTestPlatform('sqlite', {
      MAX_SUBSCRIPTIONS_PER_SOCKET: '4',
      MAX_SUBSCRIPTIONS_PER_TENANT: '10',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    big = await withLimits(150, 1_000);
    seeded.acme = await seed('acme');
    seeded.summit = await seed('summit');
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const g of gateways) await g.close();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const code = (e: GqlError) => e.extensions?.['code'];

  /**
   * Subscribes until granted, as a client retrying on RATE_LIMITED does (each attempt waits for its answer;
   * only TENANT refusals are expected: the slots being given back are other sockets'). At most 200 tries.
   */
  async function grantedAfterRetries(s: RawSocket, prefix: string, tenant: Tenant) {
    let got: ReturnType<RawSocket['outcome']> = null;
    for (let attempt = 0; attempt < 200 && !(got && 'hintId' in got); attempt++) {
      const id = `${prefix}-${attempt}`;
      subscribe(s, id, tenant);
      await s.until(`${id} answered`, () => s.outcome(id) !== null);
      got = s.outcome(id);
      if ('errors' in got!) expect(got.errors[0]?.extensions?.['scope']).toBe('TENANT');
    }
    return got;
  }

  test('two tenants at once: at most 4 per socket and 10 per tenant run, the rest RATE_LIMITED', async () => {
    const tenants: Tenant[] = ['acme', 'summit'];
    const opened = await Promise.all(
      tenants.flatMap((tenant) => [0, 1, 2].map(async (i) => ({ tenant, i, s: await open(t.url, tenant) }))),
    );
    for (const { tenant, i, s } of opened)
      for (let n = 0; n < 6; n++) subscribe(s, `${tenant}-${i}-${n}`, tenant);
    await Promise.all(
      opened.map(({ tenant, i, s }) =>
        s.until('every subscribe answered', () =>
          [0, 1, 2, 3, 4, 5].every((n) => s.outcome(`${tenant}-${i}-${n}`)),
        ),
      ),
    );
    for (const tenant of tenants) {
      const mine = opened.filter((o) => o.tenant === tenant);
      const outcomes = mine.flatMap(({ i, s }) =>
        [0, 1, 2, 3, 4, 5].map((n) => s.outcome(`${tenant}-${i}-${n}`)!),
      );
      const granted = outcomes.filter((o) => 'hintId' in o) as { hintId: string }[];
      const refused = outcomes.flatMap((o) => ('errors' in o ? o.errors : []));
      // each runs and is sent its own tenant's hint
      expect(granted.map((g) => g.hintId)).toEqual(Array(10).fill(seeded[tenant].hintId));
      expect(refused).toHaveLength(8);
      for (const e of refused) {
        expect(code(e)).toBe('RATE_LIMITED');
        expect(['SOCKET', 'TENANT']).toContain(e.extensions?.['scope']);
        expect(e.extensions).not.toHaveProperty('http');
      }
      for (const { i, s } of mine) {
        const ran = [0, 1, 2, 3, 4, 5].filter((n) => 'hintId' in s.outcome(`${tenant}-${i}-${n}`)!);
        expect(ran.length).toBeLessThanOrEqual(4);
      }
    }
    expect(JSON.stringify(opened.map((o) => o.s.messages))).not.toMatch(/Unexpected error/);

    // a slot comes back when its subscription ends: complete two, and a new socket gets in (retrying on
    // RATE_LIMITED as a client does; tenant refusals never close a socket)
    const acme0 = opened.find((o) => o.tenant === 'acme' && o.i === 0)!.s;
    const running = [0, 1, 2, 3, 4, 5].filter((n) => 'hintId' in acme0.outcome(`acme-0-${n}`)!);
    for (const n of running.slice(0, 2)) acme0.send({ id: `acme-0-${n}`, type: 'complete' });
    const late = await open(t.url, 'acme');
    expect(await grantedAfterRetries(late, 'late', 'acme')).toEqual({ hintId: seeded.acme.hintId });

    // closing its sockets gives back all of a tenant's slots: a fresh socket gets its full 4
    for (const o of opened.filter((x) => x.tenant === 'acme')) o.s.close();
    late.close();
    const fresh = await open(t.url, 'acme');
    for (let n = 0; n < 4; n++)
      expect(await grantedAfterRetries(fresh, `fresh-${n}`, 'acme')).toEqual({ hintId: seeded.acme.hintId });
  }, 60_000);

  test('a socket subscribing on past its limit is closed with 4429', async () => {
    const strict = await withLimits(3, 1_000);
    const s = await open(strict.url, 'summit');
    for (let n = 0; n < 3; n++) subscribe(s, `ok-${n}`, 'summit');
    await s.until('three running', () => [0, 1, 2].every((n) => s.outcome(`ok-${n}`)));
    expect([0, 1, 2].map((n) => s.outcome(`ok-${n}`))).toEqual(
      Array(3).fill({ hintId: seeded.summit.hintId }),
    );
    for (let n = 0; n < 3; n++) {
      subscribe(s, `over-${n}`, 'summit');
      await s.until(`over-${n} answered`, () => s.outcome(`over-${n}`) !== null);
      expect(s.outcome(`over-${n}`)).toEqual({
        errors: [
          expect.objectContaining({ extensions: { code: 'RATE_LIMITED', scope: 'SOCKET', limit: 3 } }),
        ],
      });
    }
    subscribe(s, 'over-3', 'summit');
    expect(await s.closed).toEqual({ code: 4429, reason: expect.stringMatching(/too many subscriptions/i) });
  }, 30_000);

  test('600 subscriptions of one API key on 4 sockets all run (one upstream connection per socket)', async () => {
    const four = await Promise.all([0, 1, 2, 3].map(() => open(big.url, 'acme')));
    four.forEach((s, i) => {
      for (let n = 0; n < 150; n++) subscribe(s, `m-${i}-${n}`, 'acme');
    });
    await Promise.all(
      four.map((s, i) =>
        s.until(`150 answers on socket ${i}`, () =>
          Array.from({ length: 150 }, (_, n) => s.outcome(`m-${i}-${n}`)).every((o) => o !== null),
        ),
      ),
    );
    const outcomes = four.flatMap((s, i) => Array.from({ length: 150 }, (_, n) => s.outcome(`m-${i}-${n}`)));
    const failed = outcomes.filter((o) => !o || !('hintId' in o));
    expect(failed).toEqual([]);
    expect(outcomes).toHaveLength(600);
  }, 90_000);

  test('a subscribe by documentId alone runs the registered document, as over HTTP', async () => {
    const idOf = async (key: string) =>
      (await t.platform.gateway.resolver.resolve({ apiKey: key }))!.apiKeyId!;
    const sha = createHash('sha256').update(HINTS).digest('hex');
    const file = path.join(dir, 'trusted-documents.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ apiKeys: { [await idOf(t.apiKeys.acme)]: { hints: HINTS, [sha]: HINTS } } }),
    );
    const trusted = await gatewayWith({
      ...t.config,
      production: productionSwitches({ TRUSTED_DOCUMENTS_FILE: file }, 'production'),
    });
    const s = await open(trusted.url, 'acme');
    const variables = { sessionId: seeded.acme.sessionId, since: seeded.acme.since };
    s.send({ id: 'by-id', type: 'subscribe', payload: { documentId: 'hints', variables } });
    const apq = { persistedQuery: { version: 1, sha256Hash: sha } };
    s.send({ id: 'by-hash', type: 'subscribe', payload: { extensions: apq, variables } });
    s.send({ id: 'unknown', type: 'subscribe', payload: { documentId: 'nope', variables } });
    await s.until('three answers', () => ['by-id', 'by-hash', 'unknown'].every((id) => s.outcome(id)));
    expect(s.outcome('by-id')).toEqual({ hintId: seeded.acme.hintId });
    expect(s.outcome('by-hash')).toEqual({ hintId: seeded.acme.hintId });
    const unknown = s.outcome('unknown') as { errors: GqlError[] };
    expect(unknown.errors.map(code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(unknown.errors[0]!.extensions).not.toHaveProperty('http');
  }, 30_000);
  test('subscribes draw from their own rate budget: a tenant that spent it still queries, and its neighbour subscribes', async () => {
    const BUDGET = 6;
    const g = await gatewayWith({
      ...t.config,
      limits: { ...t.config.limits, ratePerMinute: BUDGET, subscriptions: { perSocket: 50, perTenant: 50 } },
    });
    const query = async (tenant: Tenant) => {
      const res = await fetch(`${g.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': t.apiKeys[tenant] },
        body: JSON.stringify({ query: '{ agents(first: 1) { edges { node { id } } } }' }),
      });
      return res.status;
    };
    const [a1, a2, b] = await Promise.all([open(g.url, 'acme'), open(g.url, 'acme'), open(g.url, 'summit')]);
    // acme: BUDGET + 1 subscribes over two sockets, summit: 2, all in flight together
    const acme = Array.from({ length: BUDGET + 1 }, (_, i) => ({ s: i % 2 ? a2 : a1, id: `rb-${i}` }));
    for (const { s, id } of acme) subscribe(s, id, 'acme');
    for (const id of ['rb-s0', 'rb-s1']) subscribe(b, id, 'summit');
    const settledOn = (sock: RawSocket) => () =>
      acme.filter(({ s }) => s === sock).every(({ id }) => sock.outcome(id) !== null);
    await Promise.all([
      a1.until('acme settled on socket 1', settledOn(a1)),
      a2.until('acme settled on socket 2', settledOn(a2)),
      b.until('summit granted', () => !!b.outcome('rb-s0') && !!b.outcome('rb-s1')),
    ]);

    const outcomes = acme.map(({ s, id }) => s.outcome(id)!);
    const refused = outcomes.filter((o) => 'errors' in o) as { errors: GqlError[] }[];
    expect(outcomes.filter((o) => 'hintId' in o)).toHaveLength(BUDGET);
    expect(refused.map((o) => [code(o.errors[0]!), o.errors[0]!.extensions?.['scope']])).toEqual([
      ['RATE_LIMITED', 'SUBSCRIBES'],
    ]);
    expect([b.outcome('rb-s0'), b.outcome('rb-s1')]).toEqual([
      { hintId: seeded.summit.hintId },
      { hintId: seeded.summit.hintId },
    ]);
    // the subscribes spent nothing of acme's request budget: all BUDGET queries pass, the next is 429
    const statuses = await Promise.all(Array.from({ length: BUDGET }, () => query('acme')));
    expect(statuses).toEqual(Array.from({ length: BUDGET }, () => 200));
    expect(await query('acme')).toBe(429);
  }, 60_000);
});
