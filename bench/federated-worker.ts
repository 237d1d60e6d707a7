/**
 * Child process of bench/federated-gateway.ts: a closed-loop load generator. N clients, each on its own
 * keep-alive connection, send the next request as soon as the previous answer is read, each with the
 * next variable set of the pool (every target walks the same sequence). A `gateway` target POSTs the
 * federated query; a `join` target does the client-side join straight against the subgraphs. Targets
 * alternate inside each round (order rotated per round); warm-up is not measured.
 */
import type http from 'node:http';
import { isCleanGraphQL, keepAliveAgent, post, type PostTarget } from './http-client';
import { workerMain, type WorkerContext } from './ipc';
import { LatencyRecorder, type LatencySummary } from './stats';
import {
  clientJoin,
  FEDERATED_QUERY,
  federatedVariablePool,
  type FederatedVariables,
  type JoinTargets,
} from './federated-workload';

export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

export type FederatedTarget =
  | { id: string; kind: 'gateway'; endpoint: Endpoint }
  | { id: string; kind: 'join'; subgraphs: Record<keyof JoinTargets, Endpoint> };

export interface FederatedJob {
  targets: FederatedTarget[];
  concurrency: number[];
  durationS: number;
  warmupS: number;
  rounds: number;
  seed: number;
  poolSize: number;
}

export interface FederatedTargetResult {
  id: string;
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  latency: LatencySummary;
}

/** Label of a measurement window (the parent samples the servers' CPU around it). */
export function windowLabel(id: string, concurrency: number): string {
  return `fed:${id}:c${concurrency}`;
}

type Send = (agent: http.Agent, vars: FederatedVariables) => Promise<string | null>;

const target = (e: Endpoint): PostTarget => ({ url: new URL(e.url), headers: e.headers });

function sender(t: FederatedTarget): Send {
  if (t.kind === 'join') {
    const s = t.subgraphs;
    const join: JoinTargets = {
      agents: target(s.agents),
      tenants: target(s.tenants),
      analytics: target(s.analytics),
      billing: target(s.billing),
    };
    return (agent, vars) => clientJoin(agent, join, vars);
  }
  const to = target(t.endpoint);
  return async (agent, vars) => {
    const r = await post(agent, to, JSON.stringify({ query: FEDERATED_QUERY, variables: vars }));
    return isCleanGraphQL(r) ? null : `HTTP ${r.status}: ${r.body.slice(0, 300)}`;
  };
}

const STRIDE = 7919; // prime: walks the whole pool, consecutive requests far apart in it

interface Tally {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
}

async function load(
  send: Send,
  pool: FederatedVariables[],
  cursor: { next: number },
  agent: http.Agent,
  concurrency: number,
  durationMs: number,
  recorder: LatencyRecorder | null,
  tally: Tally,
): Promise<void> {
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const vars = pool[(cursor.next++ * STRIDE) % pool.length]!;
      const t0 = performance.now();
      let error: string | null;
      try {
        error = await send(agent, vars);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      tally.requests++;
      if (error) {
        tally.errors++;
        tally.firstError ??= error;
      } else recorder?.recordMs(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  tally.seconds += (performance.now() - started) / 1000;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function run(job: FederatedJob, ctx: WorkerContext): Promise<FederatedTargetResult[]> {
  const pool = federatedVariablePool(job.poolSize, job.seed);
  const runners = job.targets.map((t) => ({ t, send: sender(t), cursor: { next: 0 } }));
  const results: FederatedTargetResult[] = [];
  for (const c of job.concurrency) {
    const agents = runners.map(() => keepAliveAgent(c));
    const recorders = runners.map(() => new LatencyRecorder());
    const tallies: Tally[] = runners.map(() => ({ requests: 0, errors: 0, seconds: 0 }));
    for (const [k, r] of runners.entries()) {
      if (job.warmupS <= 0) break;
      const scratch: Tally = { requests: 0, errors: 0, seconds: 0 };
      await load(r.send, pool, r.cursor, agents[k]!, c, job.warmupS * 1000, null, scratch);
      if (scratch.errors)
        ctx.log(`warm-up ${r.t.id} c=${c}: ${scratch.errors} errors: ${scratch.firstError}`);
    }
    for (let round = 0; round < job.rounds; round++) {
      for (let j = 0; j < runners.length; j++) {
        const k = (j + round) % runners.length;
        const r = runners[k]!;
        const before = tallies[k]!.requests - tallies[k]!.errors;
        const s0 = tallies[k]!.seconds;
        await pause(150);
        ctx.mark(windowLabel(r.t.id, c), 'start');
        await load(r.send, pool, r.cursor, agents[k]!, c, job.durationS * 1000, recorders[k]!, tallies[k]!);
        ctx.mark(windowLabel(r.t.id, c), 'end');
        const ok = tallies[k]!.requests - tallies[k]!.errors - before;
        ctx.log(
          `c=${c} round ${round + 1}/${job.rounds} ${r.t.id}: ${Math.round(ok / (tallies[k]!.seconds - s0))} req/s`,
        );
      }
    }
    for (const [k, r] of runners.entries()) {
      const t = tallies[k]!;
      results.push({
        id: r.t.id,
        concurrency: c,
        requests: t.requests,
        errors: t.errors,
        firstError: t.firstError,
        seconds: t.seconds,
        rps: (t.requests - t.errors) / t.seconds,
        latency: recorders[k]!.summary(),
      });
    }
    for (const a of agents) a.destroy();
  }
  return results;
}

if (require.main === module) workerMain(run);
