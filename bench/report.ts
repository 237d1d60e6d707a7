/** Markdown tables of one bench run: each path next to its baseline from the same run. */
import path from 'node:path';
import type {
  CoachingPhase,
  CoachingPhaseResult,
  CoachingResult,
  CoachingScenarioResult,
} from './coaching-types';
import { coachingMarkLabel } from './coaching-types';
import type { HttpResult, HttpTargetResult } from './http-worker';
import { httpMarkLabel } from './http-worker';
import type { BenchOptions } from './options';
import {
  fileSystemOf,
  machine,
  ms,
  ratio,
  serverCols,
  serverHeaders,
  signedMs,
  table,
  type PlatformWindow,
} from './report-format';
import { cpuPercent, type LatencySummary } from './stats';

export type { PlatformWindow } from './report-format';

export interface ReportInput {
  startedAt: Date;
  /** Commit the code under test was at ("abc1234", "+ changes" when the tree differs). */
  revision: string;
  /** Where the SQLite files were, and on what file system. */
  dataDir: string;
  options: BenchOptions;
  agentsTotal: number;
  http?: HttpResult;
  coaching?: CoachingResult;
  platform: Map<string, PlatformWindow>;
  setupSeconds: number;
  totalSeconds: number;
  /** 1-minute load average before the run (others on the machine) and after it (includes the bench itself). */
  loadAverage: [number, number];
}

export const HTTP_TARGET_NAMES: Record<string, string> = {
  direct: 'agents subgraph, direct (baseline)',
  'direct-join': 'agents + tenants subgraphs, client-side join',
  'gateway-rust': 'gateway, Rust planner (default)',
  'gateway-js': 'gateway, JS planner (`QUERY_PLANNER=js`)',
};

export const COACHING_SCENARIO_NAMES: Record<string, string> = {
  direct: 'coaching subgraph, direct (baseline)',
  gateway: 'gateway, same fields',
  'gateway-join': 'gateway, + `hint.session.agent { name role }` (agents subgraph)',
};

function httpSection(input: ReportInput, http: HttpResult): string {
  const o = input.options;
  const out: string[] = [
    '## 1. Gateway throughput and latency',
    '',
    'Query (through the gateway): `agents(first: $first, filter: $filter) { edges { node { name role location { name timezone } } } }` ' +
      '— `agents` from the agents subgraph, `location` joined from the tenants subgraph. ' +
      `Every request takes the next of ${http.poolSize} distinct variable sets (page size 5–50, role / experience / ` +
      'specialization / search / location / shared-pool filters), so in-flight deduplication cannot merge client requests. ' +
      'The direct baseline asks the agents subgraph the same page (`location { id }` only — it owns no location fields); ' +
      'the client-side join then fetches `_entities` for those locations from the tenants subgraph, as a client without a gateway would. ' +
      `Closed loop: N clients, one keep-alive connection each; ${o.rounds} × ${o.duration} s per target and level, ` +
      `targets interleaved, after ${o.warmup} s warm-up each.`,
    '',
  ];
  for (const c of o.concurrency) {
    const rows = http.results.filter((r) => r.concurrency === c);
    const direct = rows.find((r) => r.id === 'direct');
    out.push(`### ${c} concurrent client${c === 1 ? '' : 's'}`, '');
    const body = rows.map((r) => {
      const w = input.platform.get(httpMarkLabel(r.id, c));
      const ok = r.requests - r.errors;
      return [
        HTTP_TARGET_NAMES[r.id] ?? r.id,
        Math.round(r.rps).toString(),
        direct ? ratio(r.rps / direct.rps) : '–',
        ms(r.latency.p50),
        ms(r.latency.p95),
        ms(r.latency.p99),
        ms(r.latency.max),
        direct && r.id !== 'direct' ? signedMs(r.latency.p50 - direct.latency.p50) : '–',
        direct && r.id !== 'direct' ? signedMs(r.latency.p99 - direct.latency.p99) : '–',
        r.errors ? `**${r.errors}**` : '0',
        ...serverCols(w, ok, o.gatewayProcess),
        `${cpuPercent(r.loadgenCpu).toFixed(0)} %`,
      ];
    });
    out.push(
      table(
        [
          'path',
          'req/s',
          'vs direct',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'max ms',
          'Δp50',
          'Δp99',
          'errors',
          ...serverHeaders(o.gatewayProcess, 'req'),
          'load-gen CPU',
        ],
        body,
        1,
      ),
      '',
    );
    out.push(...httpFindings(rows), '');
    const spreads = rows
      .filter((r) => r.rpsPerRound.length > 1)
      .map((r) => `${r.id} ${r.rpsPerRound.map((v) => Math.round(v)).join(' / ')}`);
    if (spreads.length) out.push(`req/s per round: ${spreads.join('; ')}.`, '');
    for (const r of rows.filter((x) => x.firstError)) {
      out.push(`First error of ${r.id}: \`${(r.firstError ?? '').replace(/`/g, "'").slice(0, 240)}\``, '');
    }
  }
  return out.join('\n');
}

function httpFindings(rows: HttpTargetResult[]): string[] {
  const get = (id: string) => rows.find((r) => r.id === id);
  const direct = get('direct');
  const join = get('direct-join');
  const rust = get('gateway-rust');
  const js = get('gateway-js');
  const lines: string[] = [];
  const gw = (r: HttpTargetResult | undefined, name: string) => {
    if (!r || !direct) return;
    lines.push(
      `- ${name} over the direct agents subgraph: ${ratio(r.rps / direct.rps)} throughput, ` +
        `${signedMs(r.latency.p50 - direct.latency.p50)} ms p50, ${signedMs(r.latency.p99 - direct.latency.p99)} ms p99` +
        (join
          ? `; over the client-side join: ${ratio(r.rps / join.rps)} throughput, ${signedMs(r.latency.p50 - join.latency.p50)} ms p50.`
          : '.'),
    );
  };
  gw(rust, 'Gateway (Rust planner)');
  gw(js, 'Gateway (JS planner)');
  if (rust && js) {
    lines.push(
      `- Rust planner vs JS planner: ${ratio(rust.rps / js.rps)} throughput, ` +
        `${signedMs(rust.latency.p50 - js.latency.p50)} ms p50, ${signedMs(rust.latency.p99 - js.latency.p99)} ms p99.`,
    );
  }
  return lines;
}

const COACHING_METRICS: [
  keyof Pick<CoachingPhaseResult, 'ack' | 'started' | 'delta' | 'completed'>,
  string,
][] = [
  ['ack', 'mutation ack'],
  ['started', 'first STARTED'],
  ['delta', 'first DELTA'],
  ['completed', 'first COMPLETED'],
];

function coachingLatencyTable(results: CoachingScenarioResult[], phase: CoachingPhase): string {
  const direct = results.find((r) => r.id === 'direct');
  const rows: string[][] = [];
  for (const r of results) {
    for (const [key, name] of COACHING_METRICS) {
      const s: LatencySummary = r[phase][key];
      const base = direct && r.id !== 'direct' ? direct[phase][key] : undefined;
      const comparable = base !== undefined && s.count > 0 && base.count > 0;
      rows.push([
        COACHING_SCENARIO_NAMES[r.id] ?? r.id,
        name,
        s.count.toString(),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        comparable ? signedMs(s.p50 - base.p50) : '–',
        comparable ? signedMs(s.p99 - base.p99) : '–',
      ]);
    }
  }
  return table(
    ['path', 'event', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'Δp50 vs direct', 'Δp99 vs direct'],
    rows,
    2,
  );
}

/** The heading of part 2 and how its latencies are measured. */
function coachingIntro(o: BenchOptions): string[] {
  return [
    '## 2. Live coaching latency',
    '',
    `${o.sessions} sessions per path, each with its own graphql-ws connection subscribed to \`coachingHints(sessionId)\`. ` +
      'A turn is one `addConversationTurn` (LEAD, texts from ' +
      `\`${path.basename(o.leadsFile)}\`); times run from sending the mutation to the event at that session’s subscriber ` +
      '(same process, same clock); “mutation ack” is the mutation’s own HTTP round trip. Offline coach (default). ' +
      'The baseline sends the mutation to the coaching subgraph and subscribes there directly (signed context token, as the ' +
      'gateway does); the gateway paths send both through the gateway (API key). Paths take turns, rotated each time; ' +
      'after each turn or burst the bench waits for 150 ms of silence so no late hint lands in the next one.',
    '',
  ];
}

/** The latency tables of both phases (the one-at-a-time one only when that phase ran). */
function coachingLatencyTables(o: BenchOptions, results: CoachingScenarioResult[]): string[] {
  const out: string[] = [];
  if (o.sequentialTurns > 0) {
    out.push(
      `### One turn at a time (${o.sequentialTurns} per path, nothing else in flight)`,
      '',
      coachingLatencyTable(results, 'sequential'),
      '',
    );
  }
  out.push(
    `### Bursts: one turn to each of the ${o.sessions} sessions ` +
      (o.spreadMs > 0 ? `spread over ${o.spreadMs} ms` : 'at once') +
      ` (${o.bursts} per path)`,
    '',
    coachingLatencyTable(results, 'burst'),
    '',
  );
  return out;
}

/** Per path and phase: turns, hints, every kind of failure, wall time and the server's cost per turn. */
function coachingCountsTable(input: ReportInput, results: CoachingScenarioResult[]): string[] {
  const o = input.options;
  const counts: string[][] = [];
  for (const r of results) {
    for (const phase of ['sequential', 'burst'] as const) {
      const p = r[phase];
      if (p.turns === 0) continue;
      const w = input.platform.get(coachingMarkLabel(r.id, phase));
      counts.push([
        COACHING_SCENARIO_NAMES[r.id] ?? r.id,
        phase === 'sequential' ? 'one at a time' : 'bursts',
        p.turns.toString(),
        p.hintsCompleted.toString(),
        p.missing ? `**${p.missing}**` : '0',
        p.failedEvents ? `**${p.failedEvents}**` : '0',
        p.eventErrors ? `**${p.eventErrors}**` : '0',
        p.mutationErrors ? `**${p.mutationErrors}**` : '0',
        p.cachedHints.toString(),
        `${((p.seconds * 1000) / Math.max(1, p.bursts)).toFixed(0)} ms`,
        ...serverCols(w, p.turns, o.gatewayProcess),
      ]);
    }
  }
  return [
    table(
      [
        'path',
        'phase',
        'turns',
        'hints',
        'missing',
        'FAILED',
        'event errors',
        'mutation errors',
        'cached hints',
        'wall time per burst',
        ...serverHeaders(o.gatewayProcess, 'turn'),
      ],
      counts,
      2,
    ),
    '',
    '“wall time per burst” includes the 150 ms of silence the bench waits for; “server CPU / turn” covers everything a turn ' +
      'sets off in that window (coaching, events to analytics and billing, outbox relays).',
    '',
  ];
}

/** First error of each path, stray hints and warm-up retries: each line only when there is something to say. */
function coachingNotes(coaching: CoachingResult): string[] {
  const results = coaching.results;
  const out: string[] = [];
  for (const r of results) {
    const err = r.sequential.firstError ?? r.burst.firstError;
    if (err) out.push(`First error of ${r.id}: \`${err.replace(/`/g, "'").slice(0, 240)}\``, '');
  }
  const strays = results.reduce((n, r) => n + r.strays, 0);
  if (strays) out.push(`${strays} hint event(s) arrived outside any measured turn.`, '');
  if (coaching.warmupRetries) {
    out.push(
      `Warm-up: ${coaching.warmupRetries} session(s) had to be retried before their subscription was live.`,
      '',
    );
  }
  return out;
}

function coachingSection(input: ReportInput, coaching: CoachingResult): string {
  return [
    ...coachingIntro(input.options),
    ...coachingLatencyTables(input.options, coaching.results),
    ...coachingCountsTable(input, coaching.results),
    ...coachingNotes(coaching),
  ].join('\n');
}

export function renderReport(input: ReportInput): string {
  const o = input.options;
  const out: string[] = [
    `# Benchmark — ${input.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    '',
    `Code: ${input.revision}.`,
    `Machine: ${machine()}. Platform: embedded default in one process (five subgraphs + ` +
      (o.gatewayProcess
        ? 'its own gateway for setup; the measured Rust and JS gateways each run in a process of their own'
        : 'two gateways, Rust and JS planner') +
      `; SQLite files in ${input.dataDir} (${fileSystemOf(input.dataDir)}), in-process events / pub-sub / cache, ` +
      'offline coach, logging off); load generators in child processes, loopback only.',
    `Options: ${JSON.stringify({
      duration: o.duration,
      warmup: o.warmup,
      rounds: o.rounds,
      concurrency: o.concurrency,
      agents: o.agents,
      sessions: o.sessions,
      sequentialTurns: o.sequentialTurns,
      bursts: o.bursts,
      spreadMs: o.spreadMs,
      seed: o.seed,
    })}; ${input.agentsTotal} agents in the tenant; setup ${input.setupSeconds.toFixed(0)} s, whole run ${input.totalSeconds.toFixed(0)} s; ` +
      `1-min load average ${input.loadAverage[0].toFixed(2)} before, ${input.loadAverage[1].toFixed(2)} after.`,
    '',
    'Columns: “platform CPU” is the platform process’s CPU time over wall time during that path’s measured windows ' +
      '(100 % = one core; GC and libuv threads can add more), “platform loop busy” its event-loop utilization' +
      (o.gatewayProcess ? ', “gateway proc …” the same for the gateway processes' : '') +
      ', “server CPU / req” all server CPU per successful request, “load-gen CPU” the load generator’s own share of a core. ' +
      'A loop near 100 % busy is the bottleneck: one JS thread cannot go faster.',
    '',
  ];
  if (input.http) out.push(httpSection(input, input.http), '');
  if (input.coaching) out.push(coachingSection(input, input.coaching), '');
  return out.join('\n').trimEnd() + '\n';
}
