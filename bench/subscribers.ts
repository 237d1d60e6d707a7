/**
 * Live subscribers on one gateway process (issue 13). Three kinds of process, so no measurement shares an
 * event loop or heap with what it measures: the subgraphs (and the lead turns) in this process
 * (bench/platform.ts); the gateway under test alone in a child process (bench/gateway-process.ts: its RSS,
 * heap, a heap snapshot on request); the N graphql-ws client sockets (one `coachingHints` subscription
 * each, spread over S sessions, with one API key or K keys) in `--workers` forked processes
 * (bench/subscriber-worker.ts). One more forked process holds a direct subscription to coaching per session
 * (the probe): when it sees a run's first event is when coaching published it. After every subscription is
 * proven live (warm-up turns), lead turns go at a fixed rate through the platform's own gateway, and each
 * subscriber's receipt of a run's first event (STARTED, index 0) is timed from the probe's receipt (delivery:
 * the gateway's hop, both clocks on one machine) and from the first subscriber of that session (fan-out
 * spread). Gateway RSS is read idle, with every subscriber live, and after the turns; upstream connections
 * are counted at coaching's WebSocket server.
 *   node -r @swc-node/register bench/subscribers.ts [--subscribers 1000,10000] [--keys 1,100] [--rate 50]
 *     [--seconds 10] [--sessions 20] [--workers 2] [--snapshot DIR] [--cpu-prof DIR]
 */
import 'reflect-metadata';
import type http from 'node:http';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import { CONTEXT_HEADER } from '../core/context-token';
import { demoAgents } from '../bin/demo-plan';
import { startGatewayProcess } from './gateway-process';
import {
  BENCH_CONTEXT_SECRET,
  BENCH_CREDENTIAL_SERVICE_SECRET,
  BENCH_JWT_SECRET,
  startBenchPlatform,
  type BenchPlatform,
} from './platform';
import { startSubscriberPool, type SubscriberPool } from './subscriber-pool';

interface Case {
  subscribers: number;
  keys: number;
}

interface Row extends Case {
  live: number;
  errors: number;
  reasons: Record<string, number>;
  upstream: number;
  idleRssMiB: number;
  rssMiB: number;
  /** After the measured turns (and every event delivered). */
  afterRssMiB: number;
  /** Runs coaching published (seen by the probe), of the turns sent (warm-up included). */
  published: number;
  runsWanted: number;
  heapMiB: number;
  externalMiB: number;
  turns: number;
  /** Per receipt: from coaching publishing the run's first event to the subscriber having it. */
  delivery: number[];
  /** Per receipt: from the session's first subscriber having it. */
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

/**
 * A direct subscription (the bench's own signed context token) to coaching itself per session, in a process
 * of its own: when it sees a run's first event is when coaching published it, the reference for the
 * gateway's delivery time.
 */
async function publishProbe(b: BenchPlatform, sessions: string[]) {
  const token = await b.signContext(3600);
  const specs = sessions.map((session) => ({ connectionParams: { [CONTEXT_HEADER]: token }, session }));
  const pool = await startSubscriberPool(b.subgraphUrls.coaching, specs, 1);
  await pool.connected();
  pool.measure();
  return {
    /** Per run, when the probe received its first event. */
    async published(): Promise<Map<string, number>> {
      const runs = await pool.collect();
      return new Map([...runs].map(([run, times]) => [run, Math.min(...times)]));
    },
    close: () => pool.close(),
  };
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

interface RunOptions {
  rate: number;
  seconds: number;
  sessions: number;
  workers: number;
  /** Write the gateway process's CPU profile (whole run) into this directory. */
  cpuProfDir?: string;
  /** Write a heap snapshot of the gateway here once every subscriber is live. */
  snapshotDir?: string;
}

/** Turns at `rate`/s for `seconds`, round-robin over sessions, through the platform's own gateway. */
async function turns(b: BenchPlatform, sessions: string[], o: RunOptions, n: { next: number }) {
  const total = o.rate * o.seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const wait = started + (k * 1000) / o.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(turn(b, sessions[k % sessions.length]!, n.next++).catch(() => undefined));
  }
  await Promise.all(inFlight);
  return total;
}

function turn(b: BenchPlatform, session: string, n: number): Promise<void> {
  const text = `Bench ${n}: the price is a bit high for us, what about the school district?`;
  return gql(
    b.rustGateway.url,
    b.apiKey,
    'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
    { input: { sessionId: session, speaker: 'LEAD', text } },
  );
}

/** A turn per session until every subscriber has received a run, or a round makes none newly live. */
async function warmUp(b: BenchPlatform, sessions: string[], pool: SubscriberPool, want: number) {
  const n = { next: 0 };
  const deadline = Date.now() + 300_000;
  while (pool.live() < want && Date.now() < deadline) {
    const before = pool.live();
    await Promise.all(sessions.map((s) => turn(b, s, n.next++).catch(() => undefined)));
    const until = Date.now() + 20_000;
    while (pool.live() < want && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    console.error(`warm-up: ${pool.live()} live, ${pool.errors()} errors ${JSON.stringify(pool.reasons())}`);
    // (a first round can come before the subscribes: acknowledged sockets, subscriptions still starting)
    if (pool.live() === before && before > 0) break;
  }
  return n;
}

/** The gateway under test, alone in a child process. */
function benchGateway(b: BenchPlatform, c: Case, o: RunOptions) {
  return startGatewayProcess({
    supergraph: b.supergraph,
    subgraphUrls: b.subgraphUrls,
    queryPlanner: 'rust',
    contextSecret: BENCH_CONTEXT_SECRET,
    jwtSecret: BENCH_JWT_SECRET,
    credentialServiceSecret: BENCH_CREDENTIAL_SERVICE_SECRET,
    logLevel: 'silent',
    env: { MAX_SUBSCRIPTIONS_PER_TENANT: String(c.subscribers * 2) },
    execArgv: [
      '--max-old-space-size=4096',
      ...(o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : []),
    ],
  });
}

async function runCase(b: BenchPlatform, c: Case, o: RunOptions): Promise<Row> {
  const keys = await apiKeys(b, c.keys);
  const gateway = await benchGateway(b, c, o);
  const idle = await gateway.load();
  const sessions = await startSessions(b, o.sessions);
  const probe = await publishProbe(b, sessions);
  // the gateway's upstream connections only (the probe's is open already)
  const upstream = countUpgrades(b.platform.services.coaching.subgraph.server);
  const specs = Array.from({ length: c.subscribers }, (_, i) => ({
    connectionParams: { 'x-api-key': keys[i % keys.length]! },
    session: sessions[i % sessions.length]!,
  }));
  const pool = await startSubscriberPool(gateway.url, specs, o.workers);
  await pool.connected();
  const n = await warmUp(b, sessions, pool, c.subscribers);
  const live = pool.live();
  const loaded = await gateway.load();
  if (o.snapshotDir)
    console.error(
      `heap snapshot: ${await gateway.snapshot(`${o.snapshotDir}/gateway-${c.subscribers}-${c.keys}.heapsnapshot`)}`,
    );
  pool.measure();
  const total = await turns(b, sessions, o, n);
  // let the last runs arrive: until coaching has published a run for every turn and no subscriber has
  // received anything new for 2 s (coaching queues turns when it is saturated, so this can take a while)
  const runsWanted = n.next;
  const until = Date.now() + 300_000;
  let published = await probe.published();
  while (published.size < runsWanted && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1_000));
    published = await probe.published();
  }
  let runs = await pool.collect();
  for (let last = -1; count(runs) !== last; runs = await pool.collect()) {
    last = count(runs);
    await new Promise((r) => setTimeout(r, 2_000));
  }
  published = await probe.published();
  const after = await gateway.load();
  const delivery: number[] = [];
  const spread: number[] = [];
  for (const [run, times] of runs) {
    const first = Math.min(...times);
    const publishedAt = published.get(run);
    for (const at of times) {
      spread.push(at - first);
      if (publishedAt !== undefined) delivery.push(at - publishedAt);
    }
  }
  await pool.close();
  await probe.close();
  await gateway.close();
  upstream.stop();
  const mib = (x: number) => x / 2 ** 20;
  return {
    ...c,
    live,
    errors: pool.errors(),
    reasons: pool.reasons(),
    upstream: upstream.max(),
    idleRssMiB: mib(idle.rss),
    rssMiB: mib(loaded.rss),
    afterRssMiB: mib(after.rss),
    published: published.size,
    runsWanted,
    heapMiB: mib(loaded.heapUsed),
    externalMiB: mib(loaded.external),
    turns: total,
    delivery,
    spread,
  };
}

const count = (runs: Map<string, number[]>) => [...runs.values()].reduce((k, xs) => k + xs.length, 0);

function line(r: Row): string {
  const ms = (xs: number[]) => `${pct(xs, 50)} / ${pct(xs, 99)} ms`;
  const perSub = ((r.rssMiB - r.idleRssMiB) * 1024) / Math.max(1, r.subscribers);
  const rss = [r.idleRssMiB, r.rssMiB, r.afterRssMiB].map((x) => x.toFixed(0)).join(' → ');
  return (
    `| ${r.subscribers} | ${r.keys} | ${r.live} | ${r.upstream} | ${rss} MiB (${perSub.toFixed(0)} KiB each) | ` +
    `${r.heapMiB.toFixed(0)} / ${r.externalMiB.toFixed(0)} MiB | ${r.published} / ${r.runsWanted} | ${r.delivery.length} | ` +
    `${ms(r.delivery)} | ${ms(r.spread)} |`
  );
}

async function main(): Promise<void> {
  const counts = arg('subscribers', '1000').split(',').map(Number);
  const keyCounts = arg('keys', '1').split(',').map(Number);
  const o: RunOptions = {
    rate: Number(arg('rate', '50')),
    seconds: Number(arg('seconds', '10')),
    sessions: Number(arg('sessions', '20')),
    workers: Number(arg('workers', '2')),
    snapshotDir: arg('snapshot', '') || undefined,
    cpuProfDir: arg('cpu-prof', '') || undefined,
  };
  const b = await startBenchPlatform({ logLevel: 'silent', dataParent: os.tmpdir() });
  const rows: Row[] = [];
  try {
    for (const subscribers of counts)
      for (const keys of keyCounts) {
        const row = await runCase(b, { subscribers, keys }, o);
        rows.push(row);
        console.error(`done: ${line(row)} (errors ${row.errors}: ${JSON.stringify(row.reasons)})`);
      }
  } finally {
    await b.close();
  }
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load avg ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )} · ${o.rate} turns/s for ${o.seconds} s over ${o.sessions} sessions, ${o.workers} client processes\n`,
  );
  console.log(
    '| subscribers | API keys | live | upstream connections | gateway RSS idle → all live → after turns | heap / external (all live) | runs published / turns | receipts | delivery (coaching publish → client) p50 / p99 | fan-out spread p50 / p99 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(line(r));
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
