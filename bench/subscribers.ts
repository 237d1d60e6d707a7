/**
 * Live subscribers on one gateway process (issue 13). The subgraphs run in this process (bench/platform.ts);
 * the gateway under test runs alone in a child process (bench/gateway-process.ts), so its RSS is its own.
 * N graphql-ws sockets (one `coachingHints` subscription each) spread over S sessions, with one API key or
 * K keys; after every subscription is proven live (a warm-up turn per session), lead turns are added at a
 * fixed rate through the platform's own gateway, and each subscriber's receipt of a run's first event
 * (STARTED, index 0) is timed: from the mutation being sent (coaching's work included), and from the first
 * subscriber of that session to get it (the fan-out spread). Upstream connections are counted at coaching's
 * WebSocket server.
 *   node -r @swc-node/register bench/subscribers.ts [--subscribers 1000,10000] [--keys 1,100] [--rate 50]
 *     [--seconds 10] [--sessions 20]
 */
import 'reflect-metadata';
import type http from 'node:http';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { demoAgents } from '../bin/demo-plan';
import { startGatewayProcess } from './gateway-process';
import {
  BENCH_CONTEXT_SECRET,
  BENCH_CREDENTIAL_SERVICE_SECRET,
  BENCH_JWT_SECRET,
  startBenchPlatform,
  type BenchPlatform,
} from './platform';

const SUB = `subscription ($s: ID!) { coachingHints(sessionId: $s) { type index runId } }`;

interface Case {
  subscribers: number;
  keys: number;
}

interface Row extends Case {
  live: number;
  upstream: number;
  rssMiB: number;
  turns: number;
  fromMutation: number[];
  spread: number[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function pct(xs: number[], p: number): string {
  if (xs.length === 0) return '–';
  const s = [...xs].sort((a, b) => a - b);
  return String(Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!));
}

async function gql<T>(url: string, key: string, query: string, variables: object): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function apiKeys(b: BenchPlatform, n: number): Promise<string[]> {
  const keys = [b.apiKey];
  while (keys.length < n) {
    const d = await gql<{ createApiKey: { secret: string } }>(
      b.rustGateway.url,
      b.apiKey,
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: `bench ${keys.length}`, scopes: ['coaching:read', 'agents:read', 'tenants:read'] } },
    );
    keys.push(d.createApiKey.secret);
  }
  return keys;
}

/** Per session: the send times of its turns, and per run (in order of first sight) the receipts. */
class Timings {
  readonly sent = new Map<string, number[]>();
  private readonly runs = new Map<string, { session: string; turn: number; first: number }>();
  private readonly runsSeen = new Map<string, number>();
  readonly fromMutation: number[] = [];
  readonly spread: number[] = [];
  measuring = false;
  readonly liveSubs = new Set<number>();

  receipt(sub: number, session: string, runId: string, at: number): void {
    this.liveSubs.add(sub);
    let run = this.runs.get(runId);
    if (!run) {
      const turn = this.runsSeen.get(session) ?? 0;
      this.runsSeen.set(session, turn + 1);
      run = { session, turn, first: at };
      this.runs.set(runId, run);
    }
    if (!this.measuring) return;
    const sentAt = this.sent.get(session)?.[run.turn];
    if (sentAt !== undefined) this.fromMutation.push(at - sentAt);
    this.spread.push(at - run.first);
  }
}

interface SubscriberOptions {
  url: string;
  keys: string[];
  sessions: string[];
  count: number;
  t: Timings;
}

/** `count` graphql-ws sockets, one subscription each, round-robin over sessions and keys. */
async function openSubscribers(o: SubscriberOptions): Promise<Client[]> {
  const { t, sessions, keys } = o;
  const clients: Client[] = [];
  for (let i = 0; i < o.count; i++) {
    const session = sessions[i % sessions.length]!;
    const client = createClient({
      url: o.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-api-key': keys[i % keys.length]! },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe<{ coachingHints: { type: string; index: number; runId: string } }>(
      { query: SUB, variables: { s: session } },
      {
        next: (m) => {
          const e = m.data?.coachingHints;
          if (e?.type === 'STARTED' && e.index === 0) t.receipt(i, session, e.runId, performance.now());
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    if (i % 200 === 199) await new Promise((r) => setImmediate(r));
  }
  return clients;
}

async function startSessions(b: BenchPlatform, count: number): Promise<string[]> {
  const agents = demoAgents('acme');
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = await gql<{ startAgentSession: { id: string } }>(
      b.rustGateway.url,
      b.apiKey,
      'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
      {
        input: {
          agentId: agents[i % agents.length]!.id,
          contactId: `bench-sub-${Date.now()}-${i}`,
          channel: 'SMS',
        },
      },
    );
    sessions.push(d.startAgentSession.id);
  }
  return sessions;
}

/** WebSocket connections opened on a server: the most open at once. */
function countUpgrades(server: http.Server): { max(): number; stop(): void } {
  let open = 0;
  let max = 0;
  const onUpgrade = (_req: unknown, socket: Duplex) => {
    max = Math.max(max, ++open);
    socket.once('close', () => (open -= 1));
  };
  server.on('upgrade', onUpgrade);
  return { max: () => max, stop: () => server.off('upgrade', onUpgrade) };
}

async function runCase(b: BenchPlatform, c: Case, rate: number, seconds: number, sessionCount: number) {
  const keys = await apiKeys(b, c.keys);
  const gateway = await startGatewayProcess({
    supergraph: b.supergraph,
    subgraphUrls: b.subgraphUrls,
    queryPlanner: 'rust',
    contextSecret: BENCH_CONTEXT_SECRET,
    jwtSecret: BENCH_JWT_SECRET,
    credentialServiceSecret: BENCH_CREDENTIAL_SERVICE_SECRET,
    logLevel: 'silent',
    env: { MAX_SUBSCRIPTIONS_PER_TENANT: String(c.subscribers * 2) },
  });
  const upstream = countUpgrades(b.platform.services.coaching.subgraph.server);
  const sessions = await startSessions(b, sessionCount);
  const t = new Timings();
  const clients = await openSubscribers({ url: gateway.url, keys, sessions, count: c.subscribers, t });
  let n = 0;
  const turn = async (session: string) => {
    const text = `Bench ${n++}: the price is a bit high for us, what about the school district?`;
    const list = t.sent.get(session) ?? [];
    t.sent.set(session, list);
    list.push(performance.now());
    await gql(
      b.rustGateway.url,
      b.apiKey,
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      {
        input: { sessionId: session, speaker: 'LEAD', text },
      },
    );
  };
  // warm-up: a turn per session until every subscriber has received a run, or a round adds none
  const deadline = Date.now() + 180_000;
  while (t.liveSubs.size < c.subscribers && Date.now() < deadline) {
    const before = t.liveSubs.size;
    await Promise.all(sessions.map((s) => turn(s).catch(() => undefined)));
    const until = Date.now() + 15_000;
    while (t.liveSubs.size < c.subscribers && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
    if (t.liveSubs.size === before) break;
  }
  const live = t.liveSubs.size;
  t.measuring = true;
  const total = rate * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(turn(sessions[k % sessions.length]!).catch(() => undefined));
  }
  await Promise.all(inFlight);
  // let the last runs arrive: until no receipt for 2 s
  let last = -1;
  while (t.spread.length !== last) {
    last = t.spread.length;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  const load = await gateway.load();
  for (const client of clients) await client.dispose();
  await gateway.close();
  upstream.stop();
  return {
    ...c,
    live,
    upstream: upstream.max(),
    rssMiB: load.rss / 2 ** 20,
    turns: total,
    fromMutation: t.fromMutation,
    spread: t.spread,
  } satisfies Row;
}

function line(r: Row): string {
  const ms = (xs: number[]) => `${pct(xs, 50)} / ${pct(xs, 99)} ms`;
  return `| ${r.subscribers} | ${r.keys} | ${r.live} | ${r.upstream} | ${r.rssMiB.toFixed(0)} MiB | ${ms(r.fromMutation)} | ${ms(r.spread)} |`;
}

async function main(): Promise<void> {
  const counts = arg('subscribers', '1000').split(',').map(Number);
  const keyCounts = arg('keys', '1').split(',').map(Number);
  const rate = Number(arg('rate', '50'));
  const seconds = Number(arg('seconds', '10'));
  const sessions = Number(arg('sessions', '20'));
  const b = await startBenchPlatform({ logLevel: 'silent', dataParent: os.tmpdir() });
  const rows: Row[] = [];
  try {
    for (const subscribers of counts)
      for (const keys of keyCounts) {
        const row = await runCase(b, { subscribers, keys }, rate, seconds, sessions);
        rows.push(row);
        console.error(`done: ${line(row)}`);
      }
  } finally {
    await b.close();
  }
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load avg ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} · ${rate} turns/s for ${seconds} s over ${sessions} sessions\n`,
  );
  console.log(
    '| subscribers | API keys | live | upstream connections | gateway RSS | first event from mutation p50 / p99 | fan-out spread p50 / p99 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(line(r));
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
