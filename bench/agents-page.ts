/**
 * The agents subgraph's page, served directly, beside an in-memory subgraph of the same shape (issue 13):
 *   node -r @swc-node/register bench/agents-page.ts [--duration 4] [--warmup 1] [--rounds 2]
 *     [--concurrency 16,50] [--agents 200] [--data-parent /tmp] [--cpu-prof DIR [--cpu-prof-server orm|memory]]
 *     [--only orm|memory] [--compare DIR]
 * Each server runs in its own process (bench/agents-page-server.ts): the real agents subgraph on SQLite in
 * a temp dir (PostgreSQL when DATABASE_URL is set), seeded with the agents, and the in-memory baseline
 * over the same rows. Load comes from bench/http-worker.ts (closed loop, keep-alive, the same query and
 * varied variables as `npm run bench`'s "agents subgraph, direct"); the servers' CPU is sampled around
 * each measured window. Prints a Markdown table. `--cpu-prof DIR` runs the agents subgraph under
 * `node --cpu-prof` and writes its profile there (summarize it with bench/cpuprofile-summary.ts).
 * `--compare DIR` also runs DIR's agents subgraph (another checkout, e.g. `git archive HEAD | tar -x -C DIR`
 * with node_modules linked and these bench files copied in) as `orm-before`, in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO } from '../bin/demo-plan';
import { CONTEXT_HEADER, ContextTokenCodec } from '../core/context-token';
import type { Principal } from '../core/principal';
import { MemberRole } from '../core/vocabulary';
import { ROLE_SCOPES } from '../core/principal';
import { startServerProcess, type ServerKind, type ServerProcess } from './agents-page-server';
import { gqlPost, keepAliveAgent } from './http-client';
import { httpMarkLabel, type HttpJob, type HttpResult, type HttpTargetResult } from './http-worker';
import { runWorker, type WorkerHooks } from './ipc';
import type { MemoryAgentRow } from './memory-agents-subgraph';
import { agentsVariablePool, benchAgents, DIRECT_AGENTS_QUERY } from './workload';

const SECRET = 'bench-agents-page-context-secret-0123456789';
const log = (text: string) => process.stderr.write(`[agents-page] ${text}\n`);

interface Options {
  duration: number;
  warmup: number;
  rounds: number;
  concurrency: number[];
  agents: number;
  dataParent: string;
  cpuProf?: string;
  /** Which server `--cpu-prof` profiles (`orm`, `orm-before` or `memory`; default `orm`). */
  cpuProfServer: string;
  only?: ServerKind;
  /** Another checkout (e.g. `git archive HEAD`): its agents subgraph runs beside ours as `orm-before`. */
  compare?: string;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    duration: 4,
    warmup: 1,
    rounds: 2,
    concurrency: [16, 50],
    agents: 200,
    dataParent: os.tmpdir(),
    cpuProfServer: 'orm',
    seed: 42,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--duration') o.duration = Number(value);
    else if (flag === '--warmup') o.warmup = Number(value);
    else if (flag === '--rounds') o.rounds = Number(value);
    else if (flag === '--concurrency') o.concurrency = value.split(',').map(Number);
    else if (flag === '--agents') o.agents = Number(value);
    else if (flag === '--data-parent') o.dataParent = value;
    else if (flag === '--cpu-prof') o.cpuProf = path.resolve(value);
    else if (flag === '--cpu-prof-server') o.cpuProfServer = value;
    else if (flag === '--only' && (value === 'orm' || value === 'memory')) o.only = value;
    else if (flag === '--compare') o.compare = path.resolve(value);
    else throw new Error(`unknown option ${flag} ${value}`);
  }
  return o;
}

/** The Acme agents (the tenant the token names) plus another tenant's, so tenant scoping has work to do. */
function benchRows(count: number, seed: number): MemoryAgentRow[] {
  const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const acme = benchAgents(count, seed).map((a, i) => ({ ...a, id: id(i + 1), tenantId: DEMO.acme.id }));
  const summit = benchAgents(Math.ceil(count / 10), seed + 1).map((a, i) => ({
    ...a,
    id: id(100_000 + i),
    tenantId: DEMO.summit.id,
    locationId: a.locationId === null ? null : DEMO.summit.locations[0].id,
  }));
  return [...acme, ...summit].map((a) => ({ ...a, active: true }));
}

/** What the gateway forwards for Acme's admin API key: every location, the admin's scopes. */
function benchPrincipal(): Principal {
  return {
    tenantId: DEMO.acme.id,
    organizationId: DEMO.acme.id,
    organizationIds: [DEMO.acme.id, DEMO.acme.child.id],
    locationIds: null,
    role: MemberRole.ADMIN,
    scopes: ROLE_SCOPES[MemberRole.ADMIN],
    subject: 'apikey:bench',
    apiKeyId: 'bench',
  };
}

/** Samples each target's server around the windows the worker announces. */
class CpuSampler implements WorkerHooks {
  readonly cpuMs = new Map<string, number>();
  private readonly open = new Map<string, Promise<NodeJS.CpuUsage>>();
  private readonly pending: Promise<void>[] = [];
  constructor(private readonly serverOf: (label: string) => ServerProcess | undefined) {}

  onMark(label: string, phase: 'start' | 'end'): void {
    const server = this.serverOf(label);
    if (!server) return;
    if (phase === 'start') {
      this.open.set(label, server.cpu());
      return;
    }
    const start = this.open.get(label);
    if (!start) return;
    this.open.delete(label);
    this.pending.push(
      Promise.all([start, server.cpu()]).then(([a, b]) => {
        const ms = (b.user - a.user + b.system - a.system) / 1000;
        this.cpuMs.set(label, (this.cpuMs.get(label) ?? 0) + ms);
      }),
    );
  }

  onLog(text: string): void {
    log(text);
  }

  settle(): Promise<unknown> {
    return Promise.all(this.pending);
  }
}

/** Both servers must give the same page for the same variables, or the comparison means nothing. */
async function checkSameAnswers(servers: ServerProcess[], token: string, seed: number): Promise<void> {
  if (servers.length < 2) return;
  const agent = keepAliveAgent(1);
  try {
    for (const variables of agentsVariablePool(30, seed)) {
      const answers = await Promise.all(
        servers.map(async (s) => {
          const target = { url: new URL(s.url), headers: { [CONTEXT_HEADER]: token } };
          const r = await gqlPost(agent, target, DIRECT_AGENTS_QUERY, { ...variables });
          if (r.errors || !r.data) throw new Error(`${s.id}: ${JSON.stringify(r.errors)}`);
          return JSON.stringify(r.data);
        }),
      );
      if (answers.some((a) => a !== answers[0])) {
        const ids = servers.map((s) => s.id).join(', ');
        throw new Error(`${ids} differ for ${JSON.stringify(variables)}:\n${answers.join('\n')}`);
      }
    }
  } finally {
    agent.destroy();
  }
}

function table(o: Options, results: HttpTargetResult[], cpuMs: Map<string, number>): string {
  const rps = new Map(results.map((r) => [`${r.id}:${r.concurrency}`, r.rps]));
  const lines = [
    '| server | clients | req/s | p50 ms | p99 ms | server CPU ms/req | vs in-memory | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const ok = r.requests - r.errors;
    const cpu = cpuMs.get(httpMarkLabel(r.id, r.concurrency)) ?? 0;
    const memory = rps.get(`memory:${r.concurrency}`);
    const ratio = memory && r.id !== 'memory' ? (r.rps / memory).toFixed(2) : '–';
    lines.push(
      `| ${r.id} | ${r.concurrency} | ${Math.round(r.rps)} | ${r.latency.p50.toFixed(2)} | ` +
        `${r.latency.p99.toFixed(2)} | ${ok ? (cpu / ok).toFixed(3) : '–'} | ${ratio} | ${r.errors} |`,
    );
  }
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]?.toFixed(2)}`;
  const db = process.env['DATABASE_URL'] ? 'PostgreSQL' : `SQLite under ${o.dataParent}`;
  return (
    `agents page, direct — ${when} UTC, ${machine}, ${db}, ${o.agents} agents, ` +
    `${o.rounds} × ${o.duration} s per row\n\n${lines.join('\n')}\n`
  );
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(o.dataParent, 'agents-page-'));
  const rows = benchRows(o.agents, o.seed);
  const kinds: ServerKind[] = o.only ? [o.only] : ['orm', 'memory'];
  const servers: ServerProcess[] = [];
  try {
    const specs: { id: string; kind: ServerKind; file?: string }[] = kinds.map((kind) => ({
      id: kind,
      kind,
    }));
    if (o.compare) {
      const file = path.join(o.compare, 'bench/agents-page-server.ts');
      specs.splice(1, 0, { id: 'orm-before', kind: 'orm', file });
    }
    for (const spec of specs) {
      const nodeArgs =
        spec.id === o.cpuProfServer && o.cpuProf
          ? ['--cpu-prof', '--cpu-prof-dir', o.cpuProf]
          : ([] as string[]);
      log(`starting the ${spec.id} server${nodeArgs.length ? ' (--cpu-prof)' : ''}`);
      const options = {
        kind: spec.kind,
        dataDir: fs.mkdtempSync(path.join(dataDir, `${spec.id}-`)),
        contextSecret: SECRET,
        rows,
        databaseUrl: process.env['DATABASE_URL'],
        logLevel: 'silent',
      };
      servers.push(await startServerProcess(options, { id: spec.id, nodeArgs, file: spec.file }));
    }
    const token = await new ContextTokenCodec(SECRET).sign(benchPrincipal(), 3_600);
    await checkSameAnswers(servers, token, o.seed);
    const job: HttpJob = {
      targets: servers.map((s) => ({
        id: s.id,
        kind: 'single',
        url: s.url,
        headers: { [CONTEXT_HEADER]: token },
        query: DIRECT_AGENTS_QUERY,
      })),
      concurrency: o.concurrency,
      durationS: o.duration,
      warmupS: o.warmup,
      rounds: o.rounds,
      seed: o.seed,
      poolSize: 1000,
    };
    const sampler = new CpuSampler((label) => servers.find((s) => label.startsWith(`http:${s.id}:`)));
    const result = await runWorker<HttpJob, HttpResult>(
      path.join(__dirname, 'http-worker.ts'),
      job,
      sampler,
      10 * 60_000,
    );
    await sampler.settle();
    process.stdout.write(`\n${table(o, result.results, sampler.cpuMs)}`);
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (o.cpuProf) log(`profile written under ${o.cpuProf}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `agents-page failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
