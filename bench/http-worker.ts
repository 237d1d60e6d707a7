/**
 * Child process: a closed-loop HTTP load generator. N virtual clients, each on its own keep-alive
 * connection, send the next request as soon as the previous answer is read — every request with other
 * variables (page size, filters, search), so the gateway's in-flight deduplication has nothing to merge
 * on the client's operation. Targets alternate inside each round; warm-up is not measured.
 */
import type http from 'node:http';
import { isCleanGraphQL, keepAliveAgent, post, type PostTarget } from './http-client';
import { workerMain, type WorkerContext } from './ipc';
import { addCpu, cpuSince, LatencyRecorder, type CpuSample, type LatencySummary } from './stats';
import { agentsVariablePool, type AgentsVariables } from './workload';

export interface HttpTargetSpec {
  id: string;
  /** single: one POST; join: agents page, then the tenants subgraph for its locations (a client-side join). */
  kind: 'single' | 'join';
  url: string;
  headers: Record<string, string>;
  query: string;
  join?: { url: string; headers: Record<string, string>; query: string };
}

export interface HttpJob {
  targets: HttpTargetSpec[];
  concurrency: number[];
  durationS: number;
  warmupS: number;
  rounds: number;
  seed: number;
  poolSize: number;
}

export interface HttpTargetResult {
  id: string;
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  rpsPerRound: number[];
  latency: LatencySummary;
  loadgenCpu: CpuSample;
}

export interface HttpResult {
  poolSize: number;
  results: HttpTargetResult[];
}

/** Label of a measurement window (the parent samples its CPU usage around it). */
export function httpMarkLabel(id: string, concurrency: number): string {
  return `http:${id}:c${concurrency}`;
}

interface Runner {
  spec: HttpTargetSpec;
  /** Position in the variable sequence; every target walks the same sequence from 0. */
  next: number;
  /** Sends request `i` of the sequence; resolves with an error text, or null when the answer is clean. */
  send(agent: http.Agent, i: number): Promise<string | null>;
}

const STRIDE = 7919; // prime: walks the whole pool, consecutive requests far apart in it

function makeRunner(spec: HttpTargetSpec, pool: AgentsVariables[]): Runner {
  const bodies = pool.map((variables) => JSON.stringify({ query: spec.query, variables }));
  const target: PostTarget = { url: new URL(spec.url), headers: spec.headers };
  const join = spec.join;
  const joinTarget: PostTarget | undefined = join && { url: new URL(join.url), headers: join.headers };
  const body = (i: number) => bodies[(i * STRIDE) % bodies.length]!;
  const describe = (status: number, text: string) => `HTTP ${status}: ${text.slice(0, 300)}`;

  if (spec.kind === 'single') {
    return {
      spec,
      next: 0,
      async send(agent, i) {
        const r = await post(agent, target, body(i));
        return isCleanGraphQL(r) ? null : describe(r.status, r.body);
      },
    };
  }
  if (!join || !joinTarget) throw new Error(`${spec.id}: a join target needs join options`);
  return {
    spec,
    next: 0,
    async send(agent, i) {
      const r = await post(agent, target, body(i));
      if (!isCleanGraphQL(r)) return describe(r.status, r.body);
      const page = JSON.parse(r.body) as {
        data: { agents: { edges: { node: { location: { __typename: string; id: string } | null } }[] } };
      };
      const ids = new Set<string>();
      for (const e of page.data.agents.edges) if (e.node.location) ids.add(e.node.location.id);
      if (ids.size === 0) return null;
      const representations = [...ids].map((id) => ({ __typename: 'Location', id }));
      const r2 = await post(
        agent,
        joinTarget,
        JSON.stringify({ query: join.query, variables: { representations } }),
      );
      return isCleanGraphQL(r2) ? null : describe(r2.status, r2.body);
    },
  };
}

interface LoadOutcome {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
}

async function runLoad(
  runner: Runner,
  agent: http.Agent,
  concurrency: number,
  durationMs: number,
  recorder: LatencyRecorder | null,
): Promise<LoadOutcome> {
  const started = performance.now();
  const deadline = started + durationMs;
  const outcome: LoadOutcome = { requests: 0, errors: 0, seconds: 0 };
  const client = async () => {
    while (performance.now() < deadline) {
      const i = runner.next++;
      const t0 = performance.now();
      let error: string | null;
      try {
        error = await runner.send(agent, i);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const elapsed = performance.now() - t0;
      outcome.requests++;
      if (error) {
        outcome.errors++;
        outcome.firstError ??= error;
      } else recorder?.recordMs(elapsed);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

interface Accumulator {
  recorder: LatencyRecorder;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rpsPerRound: number[];
  cpu?: CpuSample;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function run(job: HttpJob, ctx: WorkerContext): Promise<HttpResult> {
  const pool = agentsVariablePool(job.poolSize, job.seed);
  const runners = job.targets.map((t) => makeRunner(t, pool));
  const results: HttpTargetResult[] = [];
  for (const c of job.concurrency) {
    const agents = new Map(runners.map((r) => [r.spec.id, keepAliveAgent(c)]));
    const acc = new Map<string, Accumulator>(
      runners.map((r) => [
        r.spec.id,
        { recorder: new LatencyRecorder(), requests: 0, errors: 0, seconds: 0, rpsPerRound: [] },
      ]),
    );
    if (job.warmupS > 0) {
      ctx.log(`http c=${c}: warm-up ${job.warmupS} s per target`);
      for (const r of runners) await runLoad(r, agents.get(r.spec.id)!, c, job.warmupS * 1000, null);
    }
    for (let round = 0; round < job.rounds; round++) {
      // rotate the order each round so no target always runs first or right after another
      const order = runners.map((_, k) => runners[(k + round) % runners.length]!);
      for (const r of order) {
        const a = acc.get(r.spec.id)!;
        await pause(150);
        const label = httpMarkLabel(r.spec.id, c);
        const cpu0 = process.cpuUsage();
        const wall0 = performance.now();
        ctx.mark(label, 'start');
        const o = await runLoad(r, agents.get(r.spec.id)!, c, job.durationS * 1000, a.recorder);
        ctx.mark(label, 'end');
        a.cpu = addCpu(a.cpu, cpuSince(cpu0, wall0));
        a.requests += o.requests;
        a.errors += o.errors;
        a.firstError ??= o.firstError;
        a.seconds += o.seconds;
        a.rpsPerRound.push((o.requests - o.errors) / o.seconds);
        ctx.log(
          `http c=${c} round ${round + 1}/${job.rounds} ${r.spec.id}: ${Math.round((o.requests - o.errors) / o.seconds)} req/s` +
            (o.errors ? `, ${o.errors} errors` : ''),
        );
      }
    }
    for (const r of runners) {
      const a = acc.get(r.spec.id)!;
      results.push({
        id: r.spec.id,
        concurrency: c,
        requests: a.requests,
        errors: a.errors,
        firstError: a.firstError,
        seconds: a.seconds,
        rps: (a.requests - a.errors) / a.seconds,
        rpsPerRound: a.rpsPerRound,
        latency: a.recorder.summary(),
        loadgenCpu: a.cpu ?? { userMs: 0, systemMs: 0, wallMs: 0 },
      });
    }
    for (const a of agents.values()) a.destroy();
  }
  return { poolSize: pool.length, results };
}

if (require.main === module) workerMain(run);
