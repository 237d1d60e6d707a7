/**
 * `npm run bench`: starts the platform in this process (embedded default, ports 0, temp data dir), creates
 * the data it needs through the gateway, then drives load from child processes:
 *   1. gateway throughput/latency — Rust planner vs JS planner vs the agents subgraph directly;
 *   2. live coaching latency — mutation → first STARTED / DELTA / COMPLETED at a graphql-ws subscriber,
 *      through the gateway vs straight to the coaching subgraph.
 * Prints Markdown tables (stdout; progress on stderr) and writes bench/results/<date>.md and latest.md.
 * Bounded: fixed durations and counts, a hard time limit (--max-seconds), loopback only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { CONTEXT_HEADER } from '../core/context-token';
import type { CoachingJob, CoachingResult, CoachingScenarioSpec } from './coaching-types';
import type { HttpJob, HttpResult, HttpTargetSpec } from './http-worker';
import { keepAliveAgent } from './http-client';
import { runWorker, type WorkerHooks } from './ipc';
import { OptionsError, parseOptions, usage, type BenchOptions } from './options';
import { startBenchPlatform, type BenchPlatform } from './platform';
import { renderReport, type PlatformWindow } from './report';
import { createAgents, createSessions } from './setup';
import { addCpu, cpuSince } from './stats';
import { startGatewayProcess, type GatewayProcess, type ProcessLoad } from './gateway-process';
import { BENCH_CONTEXT_SECRET, BENCH_CREDENTIAL_SERVICE_SECRET, BENCH_JWT_SECRET } from './platform';
import {
  benchAgents,
  DIRECT_AGENTS_QUERY,
  DIRECT_LOCATIONS_QUERY,
  GATEWAY_AGENTS_QUERY,
  loadLeadTexts,
} from './workload';

const HINT_FIELDS =
  'type runId index delta error hint { id category objection text confidence model cached fallback';
const SUBSCRIPTION = `subscription BenchHints($sessionId: ID!) {
  coachingHints(sessionId: $sessionId) { ${HINT_FIELDS} } }
}`;
const SUBSCRIPTION_JOIN = `subscription BenchHints($sessionId: ID!) {
  coachingHints(sessionId: $sessionId) { ${HINT_FIELDS} session { agent { name role } } } }
}`;

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

/** The commit under test, and whether tracked files outside bench/ differ from it. */
function revision(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', cwd: path.resolve(__dirname, '..') }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench');
    return changed ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/**
 * Samples the server processes around each measurement window a worker announces: this process (the
 * platform) synchronously, gateway processes (--gateway-process) over IPC.
 */
class LoadSampler implements WorkerHooks {
  readonly windows = new Map<string, PlatformWindow>();
  private readonly open = new Map<
    string,
    { cpu: NodeJS.CpuUsage; wall: number; elu: EventLoopUtilization; gateways: Promise<ProcessLoad[]> }
  >();
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly gateways: GatewayProcess[]) {}

  private loads(): Promise<ProcessLoad[]> {
    return Promise.all(this.gateways.map((g) => g.load()));
  }

  onMark(label: string, phase: 'start' | 'end'): void {
    if (phase === 'start') {
      this.open.set(label, {
        cpu: process.cpuUsage(),
        wall: performance.now(),
        elu: performance.eventLoopUtilization(),
        gateways: this.loads(),
      });
      return;
    }
    const start = this.open.get(label);
    if (!start) return;
    this.open.delete(label);
    const cpu = cpuSince(start.cpu, start.wall);
    const busyMs = performance.eventLoopUtilization(start.elu).active;
    const prev = this.windows.get(label);
    const window: PlatformWindow = {
      cpu: addCpu(prev?.cpu, cpu),
      busyMs: (prev?.busyMs ?? 0) + busyMs,
      gatewayCpu: prev?.gatewayCpu,
      gatewayBusyMs: prev?.gatewayBusyMs,
    };
    this.windows.set(label, window);
    if (this.gateways.length === 0) return;
    const end = this.loads();
    this.pending.push(
      Promise.all([start.gateways, end]).then(([before, after]) => {
        let userMs = 0;
        let systemMs = 0;
        let active = 0;
        after.forEach((a, i) => {
          const b = before[i]!;
          userMs += (a.cpu.user - b.cpu.user) / 1000;
          systemMs += (a.cpu.system - b.cpu.system) / 1000;
          active += a.elu.active - b.elu.active;
        });
        window.gatewayCpu = addCpu(window.gatewayCpu, { userMs, systemMs, wallMs: cpu.wallMs });
        window.gatewayBusyMs = (window.gatewayBusyMs ?? 0) + active;
      }),
    );
  }

  onLog(text: string): void {
    log(text);
  }

  /** Waits for the gateway processes' answers. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }
}

function httpTargets(bp: BenchPlatform, gw: GatewayUrls, contextToken: string): HttpTargetSpec[] {
  const ctxHeaders = { [CONTEXT_HEADER]: contextToken };
  const keyHeaders = { 'x-api-key': bp.apiKey };
  return [
    {
      id: 'direct',
      kind: 'single',
      url: bp.subgraphUrls.agents,
      headers: ctxHeaders,
      query: DIRECT_AGENTS_QUERY,
    },
    {
      id: 'direct-join',
      kind: 'join',
      url: bp.subgraphUrls.agents,
      headers: ctxHeaders,
      query: DIRECT_AGENTS_QUERY,
      join: { url: bp.subgraphUrls.tenants, headers: ctxHeaders, query: DIRECT_LOCATIONS_QUERY },
    },
    { id: 'gateway-rust', kind: 'single', url: gw.rust, headers: keyHeaders, query: GATEWAY_AGENTS_QUERY },
    { id: 'gateway-js', kind: 'single', url: gw.js, headers: keyHeaders, query: GATEWAY_AGENTS_QUERY },
  ];
}

interface GatewayUrls {
  rust: string;
  js: string;
}

function expectedHttpSeconds(o: BenchOptions, targets: number): number {
  return o.concurrency.length * targets * (o.warmup + o.rounds * (o.duration + 0.15));
}

/** Ends the process if the run overshoots --max-seconds; tells how much of that time is left. */
function startWatchdog(o: BenchOptions, t0: number): { watchdog: NodeJS.Timeout; remainingMs: () => number } {
  const deadlineMs = o.maxSeconds * 1000;
  const watchdog = setTimeout(() => {
    log(`aborting: the run exceeded --max-seconds ${o.maxSeconds}`);
    process.exit(1);
  }, deadlineMs);
  watchdog.unref();
  return { watchdog, remainingMs: () => Math.max(1_000, deadlineMs - (performance.now() - t0)) };
}

/** On SIGINT / SIGTERM, closes the platform once and exits 130. */
function stopOnSignals(bp: BenchPlatform): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    bp.close().finally(() => process.exit(130));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}

/** The Rust and the JS gateway in processes of their own (--gateway-process), in that order. */
async function startGatewayProcesses(bp: BenchPlatform, o: BenchOptions): Promise<GatewayProcess[]> {
  log('starting the Rust and the JS gateway in processes of their own');
  const processes: GatewayProcess[] = [];
  for (const queryPlanner of ['rust', 'js'] as const) {
    processes.push(
      await startGatewayProcess({
        supergraph: bp.supergraph,
        subgraphUrls: bp.subgraphUrls,
        queryPlanner,
        contextSecret: BENCH_CONTEXT_SECRET,
        jwtSecret: BENCH_JWT_SECRET,
        credentialServiceSecret: BENCH_CREDENTIAL_SERVICE_SECRET,
        logLevel: o.logLevel,
      }),
    );
  }
  return processes;
}

/** What both parts of a run share once the platform and the gateways are up. */
interface BenchRun {
  o: BenchOptions;
  bp: BenchPlatform;
  gw: GatewayUrls;
  contextToken: string;
  sampler: LoadSampler;
  remainingMs: () => number;
}

/** Part 1: gateway throughput and latency, driven from the HTTP worker. */
async function runHttpPart(run: BenchRun): Promise<HttpResult> {
  const { o } = run;
  const targets = httpTargets(run.bp, run.gw, run.contextToken);
  const job: HttpJob = {
    targets,
    concurrency: o.concurrency,
    durationS: o.duration,
    warmupS: o.warmup,
    rounds: o.rounds,
    seed: o.seed,
    poolSize: 1000,
  };
  log(`part 1: gateway throughput (~${Math.round(expectedHttpSeconds(o, targets.length))} s)`);
  return runWorker<HttpJob, HttpResult>(
    path.join(__dirname, 'http-worker.ts'),
    job,
    run.sampler,
    Math.min(run.remainingMs(), expectedHttpSeconds(o, targets.length) * 2_000 + 60_000),
  );
}

const COACHING_SCENARIO_IDS = ['direct', 'gateway', 'gateway-join'] as const;

/** The coaching paths: straight to the coaching subgraph, and through the gateway with and without a join. */
function coachingScenarios(run: BenchRun, sessionIds: (k: number) => string[]): CoachingScenarioSpec[] {
  const { bp, gw, contextToken } = run;
  const wsGateway = gw.rust.replace(/^http/, 'ws');
  return [
    {
      id: 'direct',
      wsUrl: bp.subgraphUrls.coaching.replace(/^http/, 'ws'),
      connectionParams: { [CONTEXT_HEADER]: contextToken },
      subscription: SUBSCRIPTION,
      mutationUrl: bp.subgraphUrls.coaching,
      mutationHeaders: { [CONTEXT_HEADER]: contextToken },
      sessionIds: sessionIds(0),
    },
    {
      id: 'gateway',
      wsUrl: wsGateway,
      connectionParams: { 'x-api-key': bp.apiKey },
      subscription: SUBSCRIPTION,
      mutationUrl: gw.rust,
      mutationHeaders: { 'x-api-key': bp.apiKey },
      sessionIds: sessionIds(1),
    },
    {
      id: 'gateway-join',
      wsUrl: wsGateway,
      connectionParams: { 'x-api-key': bp.apiKey },
      subscription: SUBSCRIPTION_JOIN,
      mutationUrl: gw.rust,
      mutationHeaders: { 'x-api-key': bp.apiKey },
      sessionIds: sessionIds(2),
    },
  ];
}

/** Part 2: live coaching latency over the given sessions (`sessions` per path, in path order). */
async function runCoachingPart(run: BenchRun, sessions: { id: string }[]): Promise<CoachingResult> {
  const { o } = run;
  const ids = (k: number) => sessions.slice(k * o.sessions, (k + 1) * o.sessions).map((s) => s.id);
  const scenarios = coachingScenarios(run, ids);
  const job: CoachingJob = {
    scenarios,
    sequentialTurns: o.sequentialTurns,
    bursts: o.bursts,
    spreadMs: o.spreadMs,
    leadTexts: loadLeadTexts(o.leadsFile),
    // a turn costs ~45 ms of the platform's one thread; allow 3× that per session in a burst
    burstTimeoutMs: Math.max(15_000, o.sessions * 150),
  };
  log(
    `part 2: live coaching latency (${o.bursts} bursts × ${scenarios.length} paths × ${o.sessions} sessions)`,
  );
  return runWorker<CoachingJob, CoachingResult>(
    path.join(__dirname, 'coaching-worker.ts'),
    job,
    run.sampler,
    run.remainingMs(),
  );
}

/** Prints the report and, unless --no-write, writes it to <results>/<date>.md and latest.md. */
function publishReport(o: BenchOptions, startedAt: Date, report: string): void {
  process.stdout.write(`\n${report}`);
  if (!o.write) return;
  fs.mkdirSync(o.resultsDir, { recursive: true });
  const dated = path.join(o.resultsDir, `${startedAt.toISOString().slice(0, 10)}.md`);
  fs.writeFileSync(dated, report);
  fs.writeFileSync(path.join(o.resultsDir, 'latest.md'), report);
  log(`wrote ${path.relative(process.cwd(), dated)} and latest.md`);
}

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2), process.env);
  if (parsed.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const o = parsed.options;
  const startedAt = new Date();
  const loadBefore = os.loadavg()[0] ?? 0;
  const t0 = performance.now();
  const { watchdog, remainingMs } = startWatchdog(o, t0);

  log('starting the platform (embedded, ports 0, temp data dir) and a JS-planner gateway');
  const bp = await startBenchPlatform({ logLevel: o.logLevel, dataParent: o.dataParent });
  log(`data dir: ${bp.dataDir}`);
  stopOnSignals(bp);

  const cleanups: (() => Promise<void>)[] = [];
  try {
    const setupAgent = keepAliveAgent(8);
    const gateway = { url: new URL(bp.rustGateway.url), headers: { 'x-api-key': bp.apiKey } };
    log(`creating ${o.agents} agents through the gateway`);
    const agents = await createAgents(setupAgent, gateway, benchAgents(o.agents, o.seed));
    // long enough for the whole run; the gateway signs a fresh 60 s token per request instead
    const contextToken = await bp.signContext(o.maxSeconds + 120);
    const gatewayProcesses = o.gatewayProcess ? await startGatewayProcesses(bp, o) : [];
    const gw: GatewayUrls = o.gatewayProcess
      ? { rust: gatewayProcesses[0]!.url, js: gatewayProcesses[1]!.url }
      : { rust: bp.rustGateway.url, js: bp.jsGateway.url };
    cleanups.push(async () => {
      for (const g of gatewayProcesses) await g.close();
    });
    const run: BenchRun = {
      o,
      bp,
      gw,
      contextToken,
      sampler: new LoadSampler(gatewayProcesses),
      remainingMs,
    };
    let setupSeconds = (performance.now() - t0) / 1000;

    const http = o.parts.includes('http') ? await runHttpPart(run) : undefined;
    let coaching: CoachingResult | undefined;
    if (o.parts.includes('coaching')) {
      const paths = COACHING_SCENARIO_IDS.length;
      log(`part 2: creating ${paths} × ${o.sessions} coaching sessions`);
      const s0 = performance.now();
      const sessions = await createSessions(setupAgent, gateway, agents, paths * o.sessions, o.seed);
      setupSeconds += (performance.now() - s0) / 1000;
      coaching = await runCoachingPart(run, sessions);
    }
    setupAgent.destroy();
    await run.sampler.settle();

    const report = renderReport({
      startedAt,
      revision: revision(),
      dataDir: path.dirname(bp.dataDir),
      options: o,
      agentsTotal: agents.length,
      http,
      coaching,
      platform: run.sampler.windows,
      setupSeconds,
      totalSeconds: (performance.now() - t0) / 1000,
      loadAverage: [loadBefore, os.loadavg()[0] ?? 0],
    });
    publishReport(o, startedAt, report);
  } finally {
    clearTimeout(watchdog);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await bp.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof OptionsError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
