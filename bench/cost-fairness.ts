/**
 * Cost limit and per-tenant fairness (gateway/plugins/use-cost-limit.ts), before and after in one run:
 *   node -r @swc-node/register bench/cost-fairness.ts [--seconds 8]
 * For each setting — limits off (no cost limit, no per-tenant queue: the gateway before) and limits on (the
 * defaults, MAX_QUERY_COST 50,000, 16 operations / 50,000 cost in flight per tenant) — a child process runs
 * the real gateway over a synthetic subgraph in one process (as `npm start` does) and this process measures
 * tenant B's one-row query (1 client, closed loop): alone; while tenant A runs 4 clients of a query like the
 * partner tester's (~200,000 values, over the limit); while A runs 4 clients of a heavy query just under the
 * limit (~41,000 values). Prints a Markdown table with B's p50/p95/p99, what A got, and the server's peak RSS.
 * A benchmark, not a test: nothing fails on a slow number (figures: bench/README.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { signAccessToken } from '../core/access-token';
import { createLogger } from '../core/logger';
import type { Principal } from '../core/principal';
import { ROLE_SCOPES } from '../core/principal';
import { MemberRole } from '../core/vocabulary';
import { startGateway } from '../gateway/gateway';
import { DEFAULT_COST_LIMITS, type CostLimitOptions } from '../gateway/plugins/use-cost-limit';
import { LatencyRecorder, type LatencySummary } from './stats';

const JWT = { secret: 'bench-cost-fairness-jwt-secret-0123456789abcdef', issuer: 'bench', audience: 'bench' };
const CONTEXT_SECRET = 'bench-cost-fairness-context-secret-0123456789ab';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Listing @key(fields: "id") {
  id: ID!
  title: String!
  description: String!
  photos("Page size: 1 to 100." first: Int = 10): [Photo!]!
}
type Photo { url: String! caption: String! }
type Query { listings("Page size: 1 to 500." first: Int = 20): [Listing!]! }`;

const PHOTOS = 'photos(first: 100) { url caption }';
/** Like the partner tester's: within depth, alias and token limits; estimate 2 × (1 + 500 × 204) = 204,002. */
const OVER_LIMIT = `{ a: listings(first: 500) { id title description ${PHOTOS} } b: listings(first: 500) { id title description ${PHOTOS} } }`;
/** Heavy but allowed: 1 + 200 × 204 = 40,801. */
const UNDER_LIMIT = `{ listings(first: 200) { id title description ${PHOTOS} } }`;
/** Tenant B's one-row query. */
const ONE_ROW = '{ listings(first: 1) { id title } }';

type Setting = 'off' | 'on';
type ToParent = { type: 'ready'; url: string } | { type: 'rss'; peakMb: number };

// ---------------------------------------------------------------- server (child process)

async function serve(setting: Setting): Promise<void> {
  const text = (n: number) => 'Sunny three-bedroom with a renovated kitchen and a large yard. '.repeat(n);
  const resolvers = {
    Query: {
      listings: (_: unknown, a: { first?: number }) =>
        Array.from({ length: Math.min(a.first ?? 20, 500) }, (_, i) => ({
          id: `L${i}`,
          title: `Listing ${i}`,
          description: text(4),
        })),
    },
    Listing: {
      photos: (l: { id: string }, a: { first?: number }) =>
        Array.from({ length: Math.min(a.first ?? 10, 100) }, (_, i) => ({
          url: `https://cdn.example.com/${l.id}/${i}.jpg`,
          caption: `Photo ${i} of ${l.id}`,
        })),
    },
  };
  const subgraph = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(SDL), resolvers: resolvers as never }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(subgraph, { listen: { port: 0, host: '127.0.0.1' } });
  const composed = composeServices([{ name: 'catalog', typeDefs: parse(SDL), url }]);
  const costLimits: CostLimitOptions =
    setting === 'on' ? DEFAULT_COST_LIMITS : { maxQueryCost: Number.MAX_SAFE_INTEGER };
  const gateway = await startGateway({
    supergraph: (composed as { supergraphSdl: string }).supergraphSdl,
    logger: createLogger({ level: 'silent', name: 'bench-gateway' }),
    contextSecret: CONTEXT_SECRET,
    jwt: JWT,
    limits: {
      maxTokens: 2000,
      maxDepth: 10,
      maxAliases: 30,
      maxDirectives: 50,
      maxBodyBytes: 100_000,
      ratePerMinute: 1e9,
    },
    costLimits,
  });
  let peak = 0;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50).unref();
  process.on('message', () => {
    process.send!({ type: 'rss', peakMb: Math.round(peak / 1e6) } satisfies ToParent);
    peak = process.memoryUsage().rss;
  });
  process.send!({ type: 'ready', url: gateway.url } satisfies ToParent);
}

// ---------------------------------------------------------------- load (this process)

interface Server {
  url: string;
  peakRssMb(): Promise<number>;
  close(): Promise<void>;
}

function startServer(setting: Setting): Promise<Server> {
  const child: ChildProcess = fork(__filename, ['--serve', setting], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.once('message', (m: ToParent) => {
      if (m.type !== 'ready') return reject(new Error('unexpected message'));
      resolve({
        url: m.url,
        peakRssMb: () =>
          new Promise((done) => {
            child.once('message', (r: ToParent) => done(r.type === 'rss' ? r.peakMb : 0));
            child.send('rss');
          }),
        close: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

const bearer = (tenantId: string) => {
  const p: Principal = {
    tenantId,
    organizationId: tenantId,
    organizationIds: [tenantId],
    locationIds: null,
    role: MemberRole.OWNER,
    scopes: ROLE_SCOPES[MemberRole.OWNER],
    subject: `user:${tenantId}`,
  };
  return signAccessToken(JWT, p, 3600);
};

interface Outcome {
  status: number;
  code: string;
  bytes: number;
}

async function send(url: string, token: string, query: string): Promise<Outcome> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query }),
  });
  const body = Buffer.from(await res.arrayBuffer());
  // only the head is read: a rejection is small, a full answer is megabytes of data
  const code =
    /"code":"([A-Z_]+)"/.exec(body.subarray(0, 2000).toString())?.[1] ??
    (res.ok ? 'ok' : `HTTP ${res.status}`);
  return { status: res.status, code, bytes: body.length };
}

interface TenantALoad {
  answered: number;
  refused: Record<string, number>;
  mb: number;
  latency: LatencyRecorder;
}

/** `clients` closed loops of `query` until `stop` resolves. */
async function loop(
  url: string,
  token: string,
  query: string,
  clients: number,
  stop: Promise<void>,
): Promise<TenantALoad> {
  const out: TenantALoad = { answered: 0, refused: {}, mb: 0, latency: new LatencyRecorder() };
  let done = false;
  void stop.then(() => (done = true));
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!done) {
        const t0 = performance.now();
        const o = await send(url, token, query);
        out.latency.recordMs(performance.now() - t0);
        out.mb += o.bytes / 1e6;
        if (o.code === 'ok') out.answered++;
        else out.refused[o.code] = (out.refused[o.code] ?? 0) + 1;
      }
    }),
  );
  return out;
}

interface Row {
  scenario: string;
  setting: Setting;
  b: LatencySummary;
  a: TenantALoad | null;
  rssMb: number;
}

async function measure(setting: Setting, seconds: number): Promise<Row[]> {
  const server = await startServer(setting);
  const [tokenA, tokenB] = await Promise.all([bearer('tenant-a'), bearer('tenant-b')]);
  const rows: Row[] = [];
  const scenarios: [string, string | null][] = [
    ['B alone', null],
    ['B while A runs 4 × over-limit query (~204k values)', OVER_LIMIT],
    ['B while A runs 4 × heavy allowed query (~41k values)', UNDER_LIMIT],
  ];
  try {
    for (let i = 0; i < 20; i++) await send(server.url, tokenB, ONE_ROW); // warm-up
    for (const [scenario, heavy] of scenarios) {
      await server.peakRssMb(); // reset the peak
      let stopA!: () => void;
      const aStopped = new Promise<void>((r) => (stopA = r));
      const a = heavy ? loop(server.url, tokenA, heavy, 4, aStopped) : null;
      if (heavy) await new Promise((r) => setTimeout(r, 1_000)); // let A's load build up
      const bStop = new Promise<void>((r) => setTimeout(r, seconds * 1000));
      const b = await loop(server.url, tokenB, ONE_ROW, 1, bStop);
      stopA();
      rows.push({
        scenario,
        setting,
        b: b.latency.summary(),
        a: a ? await a : null,
        rssMb: await server.peakRssMb(),
      });
    }
  } finally {
    await server.close();
  }
  return rows;
}

function table(rows: Row[]): string {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const aText = (a: TenantALoad | null) => {
    if (!a) return '—';
    const refused = Object.entries(a.refused)
      .map(([c, n]) => `${n} ${c}`)
      .join(', ');
    return `${a.answered} answered (${f(a.mb)} MB)${refused ? `, ${refused}` : ''}; p50 ${f(a.latency.summary().p50)} ms`;
  };
  const lines = [
    '| scenario | limits | tenant B p50 · p95 · p99 ms (requests) | tenant A | server peak RSS MB |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.setting} | ${f(r.b.p50)} · ${f(r.b.p95)} · ${f(r.b.p99)} (${r.b.count}) | ${aText(r.a)} | ${r.rssMb} |`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--seconds');
  const seconds = i > 0 ? Number(process.argv[i + 1]) : 8;
  const off = await measure('off', seconds);
  const on = await measure('on', seconds);
  const rows = off.flatMap((r, k) => [r, on[k]!]);
  process.stdout.write(`${table(rows)}\n`);
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) {
  serve(process.argv[serveAt + 1] as Setting).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
