/**
 * A federated query through our gateway, beside @apollo/gateway and a client doing the joins (issue 13):
 *   node -r @swc-node/register bench/federated-gateway.ts [--duration 5] [--warmup 2] [--rounds 2]
 *     [--concurrency 1,50] [--agents 200] [--data-parent /dev/shm] [--cpu-prof DIR] [--compare DIR]
 *     [--only ours] [--keep-data true]
 * The query (bench/federated-workload.ts) reads a page of 20 agents with their location and its
 * organization (tenants), their performance (analytics) and the organization's billing (billing). Every
 * service runs in its own process (bench/federated-processes.ts): the four subgraphs on SQLite files in a
 * temp dir under --data-parent (tmpfs by default), migrated and seeded here; our gateway; @apollo/gateway
 * 2.14.4 over the same supergraph; load from bench/federated-worker.ts with varied variables (filters and
 * date ranges). All paths use one bearer JWT (an Acme OWNER), verified locally by each gateway. The CPU of
 * each gateway process and of the four subgraphs is sampled around each measured window. Prints a
 * Markdown table. `--cpu-prof DIR` runs our gateway under `node --cpu-prof` (summarize with
 * bench/cpuprofile-summary.ts). `--compare DIR` also runs DIR's gateway (another checkout with these bench
 * files copied in and node_modules linked) as `ours-before`, in the same run.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO, demoMembers } from '../bin/demo-plan';
import { seedDemo } from '../bin/seed-demo';
import { createEventBus, migrateAll, openOrm } from '../bin/platform';
import { loadConfig, type SubgraphName } from '../core/config';
import { signAccessToken } from '../core/access-token';
import { CONTEXT_HEADER, ContextTokenCodec } from '../core/context-token';
import { createLogger } from '../core/logger';
import { ROLE_SCOPES, type Principal } from '../core/principal';
import { MemberRole } from '../core/vocabulary';
import { rewriteSubgraphUrls } from '../gateway/supergraph';
import { seedAgents } from '../subgraphs/agents/seed';
import { startChild, type ChildProcess } from './federated-processes';
import { runWorker, type WorkerHooks } from './ipc';
import { gqlPost, keepAliveAgent } from './http-client';
import { benchAgents } from './workload';
import { FEDERATED_QUERY, federatedVariablePool, PAGE_SIZE } from './federated-workload';
import {
  windowLabel,
  type Endpoint,
  type FederatedJob,
  type FederatedTarget,
  type FederatedTargetResult,
} from './federated-worker';

const log = (text: string) => process.stderr.write(`[federated] ${text}\n`);
const SUBGRAPHS = ['tenants', 'agents', 'analytics', 'billing'] as const;
const SECRETS = {
  CONTEXT_SECRET: 'bench-federated-context-secret-0123456789',
  JWT_SECRET: 'bench-federated-jwt-secret-0123456789abcdef',
  CREDENTIAL_SERVICE_SECRET: 'bench-federated-credential-secret-0123456789',
  LOG_LEVEL: 'silent',
};

interface Options {
  duration: number;
  warmup: number;
  rounds: number;
  concurrency: number[];
  agents: number;
  dataParent: string;
  cpuProf?: string;
  compare?: string;
  only?: string;
  /** Leaves the seeded SQLite files in place (their directory is logged). */
  keepData: boolean;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    duration: 5,
    warmup: 2,
    rounds: 2,
    concurrency: [1, 50],
    agents: 200,
    dataParent: fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(),
    keepData: false,
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
    else if (flag === '--compare') o.compare = path.resolve(value);
    else if (flag === '--only') o.only = value;
    else if (flag === '--keep-data') o.keepData = value === 'true';
    else throw new Error(`unknown option ${flag} ${value}`);
  }
  return o;
}

/** Migrates and seeds the four subgraphs' SQLite files: the demo tenants plus `count` Acme agents. */
async function seed(dataDir: string, count: number, seedValue: number): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...SECRETS });
  await migrateAll(config);
  const events = createEventBus(config, createLogger({ level: 'silent', name: 'bench-seed' }));
  const orms = {
    tenants: await openOrm(config, 'tenants'),
    agents: await openOrm(config, 'agents'),
    billing: await openOrm(config, 'billing'),
    coaching: await openOrm(config, 'coaching'),
  };
  try {
    await seedDemo(config, orms, events, 'http://127.0.0.1:0/graphql');
    const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const agents = benchAgents(count, seedValue).map((a, i) => ({ ...a, id: id(i + 1), active: true }));
    await seedAgents(orms.agents, {
      tenants: [
        { tenantId: DEMO.acme.id, agents: agents.map((a) => ({ ...a, phone: null, ghlUserId: null })) },
      ],
    });
  } finally {
    for (const orm of Object.values(orms)) await orm.close(true);
    await events.close();
  }
}

function ownerPrincipal(): Principal {
  const owner = demoMembers('acme').find((m) => m.role === MemberRole.OWNER)!;
  return {
    tenantId: DEMO.acme.id,
    organizationId: DEMO.acme.id,
    organizationIds: [DEMO.acme.id, DEMO.acme.child.id],
    locationIds: null,
    role: MemberRole.OWNER,
    scopes: ROLE_SCOPES[MemberRole.OWNER],
    subject: owner.userId,
  };
}

/** Samples the CPU of each window's gateway process and of the subgraphs together. */
class CpuSampler implements WorkerHooks {
  readonly gatewayMs = new Map<string, number>();
  /** The kernel's part of gatewayMs (system CPU: sockets, loopback TCP). */
  readonly gatewaySysMs = new Map<string, number>();
  readonly subgraphsMs = new Map<string, number>();
  private readonly open = new Map<string, Promise<NodeJS.CpuUsage[]>>();
  private readonly pending: Promise<void>[] = [];
  constructor(
    private readonly gatewayOf: (label: string) => ChildProcess | undefined,
    private readonly subgraphs: ChildProcess[],
  ) {}

  private sample(label: string): Promise<NodeJS.CpuUsage[]> {
    const gw = this.gatewayOf(label);
    return Promise.all([...this.subgraphs, ...(gw ? [gw] : [])].map((p) => p.cpu()));
  }

  onMark(label: string, phase: 'start' | 'end'): void {
    if (phase === 'start') {
      this.open.set(label, this.sample(label));
      return;
    }
    const start = this.open.get(label);
    this.open.delete(label);
    if (!start) return;
    this.pending.push(
      Promise.all([start, this.sample(label)]).then(([a, b]) => {
        const ms = (k: number) => (b[k]!.user - a[k]!.user + b[k]!.system - a[k]!.system) / 1000;
        let subgraphs = 0;
        for (let k = 0; k < this.subgraphs.length; k++) subgraphs += ms(k);
        const add = (m: Map<string, number>, v: number) => m.set(label, (m.get(label) ?? 0) + v);
        add(this.subgraphsMs, subgraphs);
        const g = this.subgraphs.length;
        if (b.length > g) {
          add(this.gatewayMs, ms(g));
          add(this.gatewaySysMs, (b[g]!.system - a[g]!.system) / 1000);
        }
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

/** Every gateway must give the same full page (20 agents, billing and performance) for the same variables. */
async function checkAnswers(gateways: ChildProcess[], auth: Record<string, string>, seedValue: number) {
  const agent = keepAliveAgent(1);
  try {
    for (const variables of federatedVariablePool(20, seedValue)) {
      const answers = await Promise.all(
        gateways.map(async (g) => {
          const r = await gqlPost<{ agents: { edges: { node: { performance: unknown } }[] } }>(
            agent,
            { url: new URL(g.url), headers: auth },
            FEDERATED_QUERY,
            { ...variables },
          );
          const edges = r.data?.agents.edges ?? [];
          if (r.errors || edges.length !== PAGE_SIZE || edges.some((e) => !e.node.performance))
            throw new Error(`${g.id}: ${JSON.stringify(r).slice(0, 500)}`);
          return JSON.stringify(r.data);
        }),
      );
      if (answers.some((a) => a !== answers[0]))
        throw new Error(`gateways differ for ${JSON.stringify(variables)}:\n${answers.join('\n')}`);
    }
  } finally {
    agent.destroy();
  }
}

function table(results: FederatedTargetResult[], cpu: CpuSampler): string {
  const rps = new Map(results.map((r) => [`${r.id}:${r.concurrency}`, r.rps]));
  const lines = [
    '| path | clients | req/s | p50 ms | p99 ms | gateway CPU ms/req (of it system) | subgraphs CPU ms/req | vs Apollo | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const ok = r.requests - r.errors;
    const label = windowLabel(r.id, r.concurrency);
    const gw = cpu.gatewayMs.get(label);
    const sys = cpu.gatewaySysMs.get(label) ?? 0;
    const sg = cpu.subgraphsMs.get(label) ?? 0;
    const apollo = rps.get(`apollo:${r.concurrency}`);
    const vs = apollo && r.id !== 'apollo' ? `${(r.rps / apollo).toFixed(2)}×` : '–';
    lines.push(
      `| ${r.id} | ${r.concurrency} | ${Math.round(r.rps)} | ${r.latency.p50.toFixed(2)} | ` +
        `${r.latency.p99.toFixed(2)} | ${gw !== undefined && ok ? `${(gw / ok).toFixed(3)} (${(sys / ok).toFixed(3)})` : '–'} | ` +
        `${ok ? (sg / ok).toFixed(3) : '–'} | ${vs} | ${r.errors}${r.firstError ? ` (${r.firstError.slice(0, 80)})` : ''} |`,
    );
  }
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
  return `${lines.join('\n')}\n\n${when} UTC, ${machine}, Node ${process.version}\n`;
}

async function startGateways(
  o: Options,
  sdl: string,
  urls: Record<SubgraphName, string>,
): Promise<ChildProcess[]> {
  const out: ChildProcess[] = [];
  const ours = { kind: 'ours' as const, supergraph: sdl, subgraphUrls: urls, env: SECRETS };
  const prof = o.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', o.cpuProf] : [];
  out.push(await startChild('ours', ours, { nodeArgs: prof }));
  if (o.compare)
    out.push(
      await startChild('ours-before', ours, { file: path.join(o.compare, 'bench/federated-processes.ts') }),
    );
  if (o.only === 'ours') return out;
  const jwt = { secret: SECRETS.JWT_SECRET, issuer: 'coaching-platform', audience: 'coaching-api' };
  const apollo = {
    kind: 'apollo' as const,
    supergraph: rewriteSubgraphUrls(sdl, urls),
    contextSecret: SECRETS.CONTEXT_SECRET,
    jwt,
  };
  out.push(await startChild('apollo', apollo));
  return out;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(o.dataParent, 'federated-bench-'));
  const children: ChildProcess[] = [];
  try {
    log(`seeding ${o.agents} agents in ${dataDir}`);
    await seed(dataDir, o.agents, o.seed);
    const urls = { coaching: 'http://127.0.0.1:9/graphql' } as Record<SubgraphName, string>;
    const subgraphs: ChildProcess[] = [];
    for (const name of SUBGRAPHS) {
      const env = { ...SECRETS };
      const child = await startChild(name, { kind: 'subgraph', name, dataDir, env });
      subgraphs.push(child);
      children.push(child);
      urls[name] = child.url;
    }
    const sdl = fs.readFileSync(path.resolve(__dirname, '../schema/supergraph.graphql'), 'utf8');
    const gateways = await startGateways(o, sdl, urls);
    children.push(...gateways);
    const principal = ownerPrincipal();
    const jwt = { secret: SECRETS.JWT_SECRET, issuer: 'coaching-platform', audience: 'coaching-api' };
    const auth = { authorization: `Bearer ${await signAccessToken(jwt, principal, 3_600)}` };
    await checkAnswers(gateways, auth, o.seed);
    const context = {
      [CONTEXT_HEADER]: await new ContextTokenCodec(SECRETS.CONTEXT_SECRET).sign(principal, 3_600),
    };
    const direct = (name: (typeof SUBGRAPHS)[number]): Endpoint => ({ url: urls[name], headers: context });
    const targets: FederatedTarget[] = [
      ...gateways.map((g) => ({
        id: g.id,
        kind: 'gateway' as const,
        endpoint: { url: g.url, headers: auth },
      })),
      ...(o.only
        ? []
        : [
            {
              id: 'client-join',
              kind: 'join' as const,
              subgraphs: {
                agents: direct('agents'),
                tenants: direct('tenants'),
                analytics: direct('analytics'),
                billing: direct('billing'),
              },
            },
          ]),
    ];
    const job: FederatedJob = {
      targets,
      concurrency: o.concurrency,
      durationS: o.duration,
      warmupS: o.warmup,
      rounds: o.rounds,
      seed: o.seed,
      poolSize: 1000,
    };
    const sampler = new CpuSampler(
      (label) => gateways.find((g) => label.startsWith(`fed:${g.id}:`)),
      subgraphs,
    );
    const results = await runWorker<FederatedJob, FederatedTargetResult[]>(
      path.join(__dirname, 'federated-worker.ts'),
      job,
      sampler,
      30 * 60_000,
    );
    await sampler.settle();
    process.stdout.write(`\n${table(results, sampler)}`);
  } finally {
    for (const c of children.reverse()) await c.stop();
    if (!o.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (o.cpuProf) log(`profile written under ${o.cpuProf}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `federated-gateway failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
