/**
 * Child process: live coaching latency. One graphql-ws connection per session (as one widget per agent
 * would have) subscribes `coachingHints(sessionId)`; then bursts of `addConversationTurn` (LEAD, varied
 * texts), one per session, and per turn the time from sending the mutation to the first STARTED, first
 * DELTA and first COMPLETED event at that session's subscriber, plus the mutation's own round trip.
 * Mutation and subscriber live in this one process, so both timestamps come from the same clock.
 */
import type http from 'node:http';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { gqlPost, keepAliveAgent, type PostTarget } from './http-client';
import { workerMain, type WorkerContext } from './ipc';
import {
  coachingMarkLabel,
  LEAD_TURN_MUTATION,
  type CoachingJob,
  type CoachingPhase,
  type CoachingPhaseResult,
  type CoachingResult,
  type CoachingScenarioSpec,
} from './coaching-types';
import { LatencyRecorder } from './stats';

interface HintEventView {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  hint?: { cached?: boolean } | null;
  error?: string | null;
}

interface Turn {
  sentAt: number;
  /** Events that carried GraphQL errors. */
  errors: number;
  firstError?: string;
  runId?: string;
  started?: number;
  delta?: number;
  completed?: number;
  failed: number;
  hints: number;
  cached: number;
}

interface Subscriber {
  sessionId: string;
  client: Client;
  turn: Turn | null;
  lastEventAt: number;
  error?: string;
}

interface Scenario {
  spec: CoachingScenarioSpec;
  subscribers: Subscriber[];
  agent: http.Agent;
  target: PostTarget;
  /** Called on every event; a burst uses it to notice when it is complete. */
  onEvent: () => void;
  strays: number;
}

function connect(url: string, connectionParams: Record<string, string>): Promise<Client> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const client: Client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams,
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => {
          connected = true;
          resolve(client);
        },
        closed: (event) => {
          if (!connected)
            reject(new Error(`${url}: closed before connecting (${(event as { code?: number }).code})`));
        },
        error: (err) => {
          if (!connected) reject(err instanceof Error ? err : new Error(`${url}: connection failed`));
        },
      },
    });
  });
}

function subscribe(scenario: Scenario, sub: Subscriber): void {
  sub.client.subscribe<{ coachingHints: HintEventView }>(
    { query: scenario.spec.subscription, variables: { sessionId: sub.sessionId } },
    {
      next: (value) => {
        const now = performance.now();
        sub.lastEventAt = now;
        const ev = value.data?.coachingHints;
        const turn = sub.turn;
        const error = value.errors?.[0];
        if (error && turn) {
          // e.g. a field the gateway could not resolve: the event is there but incomplete
          turn.errors++;
          turn.firstError ??= error.message;
        }
        if (!ev || !turn) {
          if (error) sub.error ??= error.message;
          else scenario.strays++;
          return;
        }
        const t = now - turn.sentAt;
        if (ev.type === 'STARTED' && turn.runId === undefined) {
          turn.runId = ev.runId;
          turn.started = t;
        }
        if (turn.runId !== ev.runId) return; // a late event of an earlier run
        if (ev.type === 'DELTA') turn.delta ??= t;
        else if (ev.type === 'COMPLETED') {
          turn.completed ??= t;
          turn.hints++;
          if (ev.hint?.cached) turn.cached++;
        } else if (ev.type === 'FAILED') turn.failed++;
        scenario.onEvent();
      },
      error: (err) => {
        sub.error = err instanceof Error ? err.message : JSON.stringify(err).slice(0, 300);
        scenario.onEvent();
      },
      complete: () => undefined,
    },
  );
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface BurstOutcome {
  acks: number[];
  turns: Turn[];
  missing: Subscriber[];
  mutationErrors: number;
  firstError?: string;
}

/** One LEAD turn per session (texts[i]); resolves when every subscriber saw COMPLETED/FAILED or on timeout. */
async function burst(
  scenario: Scenario,
  subscribers: Subscriber[],
  texts: (i: number) => string,
  spreadMs: number,
  timeoutMs: number,
): Promise<BurstOutcome> {
  const outcome: BurstOutcome = { acks: [], turns: [], missing: [], mutationErrors: 0 };
  const finished = (s: Subscriber) =>
    s.error !== undefined || (s.turn !== null && (s.turn.completed !== undefined || s.turn.failed > 0));
  let release: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (release = resolve));
  let sent = 0;
  scenario.onEvent = () => {
    if (sent === subscribers.length && subscribers.every(finished)) release();
  };
  const sends = subscribers.map(async (s, i) => {
    if (spreadMs > 0) await pause((spreadMs * i) / subscribers.length);
    const turn: Turn = { sentAt: performance.now(), errors: 0, failed: 0, hints: 0, cached: 0 };
    s.turn = turn;
    sent++;
    const input = { sessionId: s.sessionId, speaker: 'LEAD', text: texts(i) };
    try {
      const r = await gqlPost<unknown>(scenario.agent, scenario.target, LEAD_TURN_MUTATION, { input });
      if (r.errors?.length || r.status !== 200) {
        outcome.mutationErrors++;
        outcome.firstError ??= `HTTP ${r.status}: ${r.errors?.[0]?.message ?? 'no data'}`;
        turn.failed++;
      } else outcome.acks.push(performance.now() - turn.sentAt);
    } catch (err) {
      outcome.mutationErrors++;
      outcome.firstError ??= err instanceof Error ? err.message : String(err);
      turn.failed++;
    }
    scenario.onEvent();
  });
  const timer = setTimeout(release, spreadMs + timeoutMs);
  await Promise.all(sends);
  scenario.onEvent();
  await allDone;
  clearTimeout(timer);
  // let the run's later hints arrive, so none of them lands in the next burst
  const quietSince = performance.now();
  while (performance.now() - quietSince < 3_000) {
    const last = Math.max(...subscribers.map((s) => s.lastEventAt));
    if (performance.now() - last >= 150) break;
    await pause(50);
  }
  for (const s of subscribers) {
    if (s.turn) outcome.turns.push(s.turn);
    // no COMPLETED and no FAILED: timed out, or the subscription itself broke (s.error)
    if (!s.turn || (s.turn.completed === undefined && s.turn.failed === 0)) outcome.missing.push(s);
    s.turn = null;
  }
  scenario.onEvent = () => undefined;
  return outcome;
}

async function setUp(spec: CoachingScenarioSpec, ctx: WorkerContext): Promise<Scenario> {
  const scenario: Scenario = {
    spec,
    subscribers: [],
    agent: keepAliveAgent(spec.sessionIds.length),
    target: { url: new URL(spec.mutationUrl), headers: spec.mutationHeaders },
    onEvent: () => undefined,
    strays: 0,
  };
  await inBatches(spec.sessionIds, 20, async (sessionId) => {
    const client = await connect(spec.wsUrl, spec.connectionParams);
    const sub: Subscriber = { sessionId, client, turn: null, lastEventAt: 0 };
    scenario.subscribers.push(sub);
    subscribe(scenario, sub);
  });
  ctx.log(`coaching ${spec.id}: ${scenario.subscribers.length} subscribers connected`);
  return scenario;
}

/**
 * Unmeasured first burst per scenario: warms every path up and proves each subscription is live (there is
 * no subscribe acknowledgement in graphql-ws) — sessions that saw nothing are tried again.
 */
async function warmUp(scenario: Scenario, job: CoachingJob, ctx: WorkerContext): Promise<number> {
  let pending = scenario.subscribers;
  let retries = 0;
  for (let attempt = 0; attempt < 4 && pending.length; attempt++) {
    const text = (i: number) => job.leadTexts[(i * 13 + attempt) % job.leadTexts.length]!;
    const o = await burst(scenario, pending, text, 0, job.burstTimeoutMs);
    if (o.mutationErrors) throw new Error(`${scenario.spec.id}: warm-up mutation failed: ${o.firstError}`);
    pending = o.missing;
    retries += pending.length;
  }
  const broken = scenario.subscribers.filter((s) => s.error !== undefined);
  if (pending.length || broken.length) {
    const why = broken[0]?.error ?? 'no events';
    throw new Error(
      `${scenario.spec.id}: ${pending.length + broken.length} subscribers never got hints (${why})`,
    );
  }
  ctx.log(`coaching ${scenario.spec.id}: warm-up done${retries ? ` (${retries} sessions retried)` : ''}`);
  return retries;
}

class PhaseAcc {
  readonly ack = new LatencyRecorder();
  readonly started = new LatencyRecorder();
  readonly delta = new LatencyRecorder();
  readonly completed = new LatencyRecorder();
  turns = 0;
  missing = 0;
  failedEvents = 0;
  eventErrors = 0;
  mutationErrors = 0;
  firstError?: string;
  hints = 0;
  cached = 0;
  seconds = 0;
  bursts = 0;

  add(o: BurstOutcome, seconds: number): void {
    this.bursts++;
    this.seconds += seconds;
    for (const ms of o.acks) this.ack.recordMs(ms);
    for (const t of o.turns) {
      this.turns++;
      if (t.started !== undefined) this.started.recordMs(t.started);
      if (t.delta !== undefined) this.delta.recordMs(t.delta);
      if (t.completed !== undefined) this.completed.recordMs(t.completed);
      this.failedEvents += t.failed;
      this.eventErrors += t.errors;
      this.firstError ??= t.firstError;
      this.hints += t.hints;
      this.cached += t.cached;
    }
    this.missing += o.missing.length;
    this.mutationErrors += o.mutationErrors;
    this.firstError ??= o.firstError ?? o.missing.find((m) => m.error)?.error;
  }

  result(): CoachingPhaseResult {
    return {
      turns: this.turns,
      ack: this.ack.summary(),
      started: this.started.summary(),
      delta: this.delta.summary(),
      completed: this.completed.summary(),
      missing: this.missing,
      failedEvents: this.failedEvents,
      eventErrors: this.eventErrors,
      mutationErrors: this.mutationErrors,
      firstError: this.firstError,
      hintsCompleted: this.hints,
      cachedHints: this.cached,
      seconds: this.seconds,
      bursts: this.bursts,
    };
  }
}

async function measured(
  ctx: WorkerContext,
  s: Scenario,
  phase: CoachingPhase,
  acc: PhaseAcc,
  go: () => Promise<BurstOutcome>,
): Promise<BurstOutcome> {
  const label = coachingMarkLabel(s.spec.id, phase);
  const t0 = performance.now();
  ctx.mark(label, 'start');
  const o = await go();
  ctx.mark(label, 'end');
  acc.add(o, (performance.now() - t0) / 1000);
  return o;
}

async function run(job: CoachingJob, ctx: WorkerContext): Promise<CoachingResult> {
  const scenarios: Scenario[] = [];
  try {
    for (const spec of job.scenarios) scenarios.push(await setUp(spec, ctx));
    let warmupRetries = 0;
    for (const s of scenarios) warmupRetries += await warmUp(s, job, ctx);
    for (const s of scenarios) s.strays = 0;
    const acc = new Map(
      scenarios.map((s) => [s.spec.id, { sequential: new PhaseAcc(), burst: new PhaseAcc() }]),
    );
    const texts = job.leadTexts;
    // paths take turns (rotated each time) so drift and background work hit all of them alike
    const rotated = (k: number) => scenarios.map((_, i) => scenarios[(i + k) % scenarios.length]!);

    for (let t = 0; t < job.sequentialTurns; t++) {
      for (const s of rotated(t)) {
        const sub = s.subscribers[t % s.subscribers.length]!;
        const text = texts[(t * 11 + 5) % texts.length]!;
        await pause(50);
        await measured(ctx, s, 'sequential', acc.get(s.spec.id)!.sequential, () =>
          burst(s, [sub], () => text, 0, job.burstTimeoutMs),
        );
      }
    }
    if (job.sequentialTurns) ctx.log(`coaching: ${job.sequentialTurns} sequential turns per path done`);

    for (let b = 0; b < job.bursts; b++) {
      for (const s of rotated(b)) {
        const a = acc.get(s.spec.id)!.burst;
        // the same texts for every path in a burst: equal work, compared side by side
        const text = (i: number) => texts[(i * 7 + (b + 1) * 31) % texts.length]!;
        await pause(200);
        const o = await measured(ctx, s, 'burst', a, () =>
          burst(s, s.subscribers, text, job.spreadMs, job.burstTimeoutMs),
        );
        const p = a.completed.summary();
        ctx.log(
          `coaching burst ${b + 1}/${job.bursts} ${s.spec.id}: first COMPLETED p50 ${p.p50.toFixed(0)} ms, p99 ${p.p99.toFixed(0)} ms so far` +
            (o.missing.length ? `, ${o.missing.length} missing` : ''),
        );
      }
    }
    return {
      warmupRetries,
      results: scenarios.map((s) => {
        const a = acc.get(s.spec.id)!;
        return {
          id: s.spec.id,
          sessions: s.subscribers.length,
          sequential: a.sequential.result(),
          burst: a.burst.result(),
          strays: s.strays,
        };
      }),
    };
  } finally {
    for (const s of scenarios) {
      for (const sub of s.subscribers) await sub.client.dispose();
      s.agent.destroy();
    }
  }
}

if (require.main === module) workerMain(run);
