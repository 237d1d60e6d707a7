/**
 * Cost limit and per-tenant fairness through the real gateway (gateway/plugins/use-cost-limit.ts) over a
 * small paginated subgraph whose `hold` resolver waits at a gate the test opens:
 * - an operation whose estimate (list sizes from literals and variables, nested lists multiplied) is over
 *   the limit is QUERY_TOO_COMPLEX with `cost {estimated, limit}` — 400 under graphql-response+json, 200
 *   under application/json — and never reaches the subgraph, with many tenants' requests in flight;
 * - tenant A saturated (its operations held at the gate, more queued in the gateway) does not hold back
 *   eight other tenants: every one of their requests is answered while all of A's are still unanswered,
 *   A's queue admits nobody before a turn comes back, a full queue is RATE_LIMITED (429, retry-after), and
 *   once the gate opens all of A's queued requests are answered in full.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { signAccessToken } from '../../core/access-token';
import { createLogger } from '../../core/logger';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { TenantConcurrency, type TenantLoad } from '../../gateway/tenant-concurrency';
import { principal } from '../helpers/principals';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../helpers/subgraph-harness';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Listing @key(fields: "id") {
  id: ID!
  title: String!
  photos("Page size: 1 to 50." first: Int = 10): [Photo!]!
}
type Photo { url: String! }
type Query {
  listings(tag: String!, "Page size: 1 to 100." first: Int = 20): [Listing!]!
  "Answers once the test opens the gate."
  hold(tag: String!): String!
  ping(tag: String!): String!
}`;

const JWT = { secret: TEST_JWT_SECRET, issuer: 'cost-test', audience: 'cost-test' };
const LIMIT = 1_000;

/** The subgraph: counts calls per tag, holds `hold` until `open()`, tells who is held. */
class Catalog {
  readonly calls = new Map<string, number>();
  readonly held: string[] = [];
  private release!: () => void;
  private readonly gate = new Promise<void>((r) => (this.release = r));
  private waiters: (() => void)[] = [];

  open(): void {
    this.release();
  }

  /** Resolves once `n` `hold` calls are waiting at the gate. */
  heldCount(n: number): Promise<void> {
    if (this.held.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(() => this.held.length >= n && resolve()));
  }

  resolvers() {
    const hit = (tag: string) => this.calls.set(tag, (this.calls.get(tag) ?? 0) + 1);
    const n = (v: number | undefined, max: number) => Math.min(v ?? 10, max);
    return {
      Query: {
        listings: (_: unknown, a: { tag: string; first?: number }) => (
          hit(a.tag),
          Array.from({ length: n(a.first, 100) }, (_, i) => ({ id: `${a.tag}:${i}`, title: `#${i}` }))
        ),
        hold: async (_: unknown, a: { tag: string }) => {
          hit(a.tag);
          this.held.push(a.tag);
          for (const w of this.waiters) w();
          await this.gate;
          return `done ${a.tag}`;
        },
        ping: (_: unknown, a: { tag: string }) => (hit(a.tag), `pong ${a.tag}`),
      },
      Listing: {
        photos: (l: { id: string }, a: { first?: number }) =>
          Array.from({ length: n(a.first, 50) }, (_, i) => ({ url: `${l.id}/${i}.jpg` })),
      },
    };
  }
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

describe('cost limit and tenant fairness through the gateway', () => {
  const catalog = new Catalog();
  const loads = new Map<string, TenantLoad>();
  const loadWaiters: (() => void)[] = [];
  const fairness = new TenantConcurrency({
    maxInflight: 2,
    maxInflightCost: 100_000,
    maxQueued: 4,
    onChange: (tenant, load) => {
      loads.set(tenant, load);
      for (const w of loadWaiters) w();
    },
  });
  let server: ApolloServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    server = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: parse(SDL), resolvers: catalog.resolvers() as never }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    const composed = composeServices([{ name: 'catalog', typeDefs: parse(SDL), url }]);
    if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    gateway = await startGateway({
      supergraph: (composed as { supergraphSdl: string }).supergraphSdl,
      logger: createLogger({ level: 'silent', name: 'cost-gateway' }),
      contextSecret: TEST_CONTEXT_SECRET,
      jwt: JWT,
      limits: {
        maxTokens: 2000,
        maxDepth: 10,
        maxAliases: 30,
        maxDirectives: 50,
        maxBodyBytes: 100_000,
        ratePerMinute: 100_000,
      },
      costLimits: { maxQueryCost: LIMIT, fairness },
    });
  }, 30_000);
  afterAll(async () => {
    catalog.open();
    await gateway?.close();
    await server?.stop();
  });

  const tokens = new Map<string, Promise<string>>();
  async function post(
    tenant: string,
    query: string,
    variables: Record<string, unknown> = {},
    accept = 'application/graphql-response+json',
  ): Promise<Answer> {
    if (!tokens.has(tenant)) tokens.set(tenant, signAccessToken(JWT, principal({ tenantId: tenant }), 300));
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept,
        authorization: `Bearer ${await tokens.get(tenant)}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Answer['body'],
    };
  }

  const code = (a: Answer) => a.body.errors?.[0]?.extensions?.['code'] ?? 'ok';

  test('over the estimate: refused before any subgraph call, with the estimate; 12 tenants at once', async () => {
    const HEAVY =
      'query ($tag: String!, $n: Int, $m: Int) { listings(tag: $tag, first: $n) { id photos(first: $m) { url } } }';
    const runs = Array.from({ length: 12 }, (_, t) => [
      // 1 + 100 × (1 + 1 + 50) = 5,201
      {
        tenant: `c${t}`,
        tag: `heavy-${t}`,
        vars: { n: 100, m: 50 },
        accept: undefined,
        want: [400, 'QUERY_TOO_COMPLEX'],
      },
      {
        tenant: `c${t}`,
        tag: `legacy-${t}`,
        vars: { n: 100, m: 50 },
        accept: 'application/json',
        want: [200, 'QUERY_TOO_COMPLEX'],
      },
      // 1 + 5 × (1 + 1 + 3) = 26
      { tenant: `c${t}`, tag: `light-${t}`, vars: { n: 5, m: 3 }, accept: undefined, want: [200, 'ok'] },
      // the stated maximum caps a huge literal: 1 + 100 × 1 = 101
      { tenant: `c${t}`, tag: `capped-${t}`, vars: null, accept: undefined, want: [200, 'ok'] },
    ]).flat();
    const answers = await Promise.all(
      runs.map((r) =>
        r.vars
          ? post(r.tenant, HEAVY, { tag: r.tag, ...r.vars }, r.accept)
          : post(r.tenant, `{ listings(tag: "${r.tag}", first: 100000) { id } }`),
      ),
    );
    expect(answers.map((a) => [a.status, code(a)])).toEqual(runs.map((r) => r.want));
    for (const [i, a] of answers.entries()) {
      const r = runs[i]!;
      if (r.want[1] === 'QUERY_TOO_COMPLEX') {
        expect(a.body.data).toBeUndefined();
        expect(a.body.errors![0]!.extensions).toMatchObject({
          limit: 'estimatedCost',
          cost: { estimated: 5_201, limit: LIMIT },
        });
        expect(catalog.calls.get(r.tag)).toBeUndefined();
      } else {
        const listings = a.body.data!['listings'] as { photos?: unknown[] }[];
        expect(listings).toHaveLength(r.vars ? 5 : 100);
        if (r.vars) expect(listings.every((l) => l.photos!.length === 3)).toBe(true);
      }
    }
  });

  test('tenant A saturated and queued: 8 other tenants are all answered first; A is served once the gate opens', async () => {
    const loadOf = (tenant: string) => loads.get(tenant) ?? { inflight: 0, cost: 0, queued: 0 };
    const until = (cond: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => cond() && resolve();
        loadWaiters.push(check);
        check();
      });

    const order: string[] = [];
    const send = (tenant: string, label: string, query: string) =>
      post(tenant, query).then((a) => (order.push(label), a));
    // two of A's operations take its two turns and wait at the gate; four more wait in A's queue (one cheap)
    const aHeld = [0, 1].map((i) => send('A', `A-held-${i}`, `{ hold(tag: "A-${i}") }`));
    await catalog.heldCount(2);
    const aQueued = [
      ...[2, 3, 4].map((i) => send('A', `A-queued-${i}`, `{ hold(tag: "A-${i}") }`)),
      send('A', 'A-queued-ping', '{ ping(tag: "A-ping") }'),
    ];
    await until(() => loadOf('A').queued === 4);
    // the queue is full: refused at once, while everything else of A is still unanswered
    const aRefused = await post('A', '{ ping(tag: "A-refused") }');
    expect([aRefused.status, code(aRefused), aRefused.retryAfter]).toEqual([429, 'RATE_LIMITED', '1']);
    expect(aRefused.body.errors![0]!.extensions).toMatchObject({
      reason: 'QUEUE_FULL',
      retryAfterSeconds: 1,
    });

    // 8 other tenants, 3 requests each, in flight together: all answered while A's six are not
    const others = await Promise.all(
      Array.from({ length: 8 }, (_, t) =>
        Array.from({ length: 3 }, (_, i) =>
          send(
            `B${t}`,
            `B${t}-${i}`,
            `{ ping(tag: "B${t}-${i}") listings(tag: "B${t}-${i}", first: 2) { id } }`,
          ),
        ),
      ).flat(),
    );
    expect(others.map((a) => [a.status, code(a)])).toEqual(others.map(() => [200, 'ok']));
    expect(order).toHaveLength(24);
    expect(order.every((o) => o.startsWith('B'))).toBe(true);
    // A's queued operations never reached the subgraph: only its two turns did (sent together, in either order)
    expect([...catalog.held].sort()).toEqual(['A-0', 'A-1']);
    expect(catalog.calls.get('A-ping')).toBeUndefined();
    expect(loadOf('A')).toEqual({ inflight: 2, cost: 2, queued: 4 }); // { hold } costs 1

    catalog.open();
    const aAnswers = await Promise.all([...aHeld, ...aQueued]);
    expect(aAnswers.map((a) => [a.status, a.body.data])).toEqual([
      ...[0, 1, 2, 3, 4].map((i) => [200, { hold: `done A-${i}` }]),
      [200, { ping: 'pong A-ping' }],
    ]);
    // the held two were answered before any queued one could even start
    expect(order.slice(24, 26).sort()).toEqual(['A-held-0', 'A-held-1']);
    expect(loadOf('A')).toEqual({ inflight: 0, cost: 0, queued: 0 });
  });
});
