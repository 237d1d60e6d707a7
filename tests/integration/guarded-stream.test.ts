/**
 * Nothing unguarded on the wire, through the whole platform (issue 7.3): widgets of two tenants subscribe to
 * `coachingHints` on the gateway, partner apps add the lead's turns through the gateway, and the fake
 * Anthropic server (ANTHROPIC_BASE_URL) streams answers that steer by a protected class, in 1–5 character
 * chunks, to four sessions at once, steering and clean hints interleaved. No event a widget receives, no
 * line any service logs (pino at trace, captured) and — with Redis — no response-cache entry carries the
 * steering words; clean hints still arrive in several DELTAs and whole.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { demoAgents } from '../../bin/demo-plan';
import { REDIS_URL } from '../helpers/db';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { describeEachDb } from '../helpers/variants';
import { start, type FakeAnthropic, type FakeHint, type MessagesBody } from '../fixtures/fake-anthropic';
import {
  ANSWERS,
  CLEAN_HINTS,
  captureLogs,
  chunkSizes,
  leaks,
  STEERING_HINTS,
} from '../fixtures/steering-answers';

interface HintEvent {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  index: number;
  delta: string | null;
  error: string | null;
  hint: { id: string; text: string; rationale: string; category: string } | null;
}

const SUB = `subscription ($sessionId: ID!) {
  coachingHints(sessionId: $sessionId) {
    type runId index delta error
    hint { id text rationale category session { id agent { name } } }
  }
}`;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;

const ROUNDS = 2;
const WARM_UP = [CLEAN_HINTS[2]!];

interface Widget {
  pair: number;
  apiKey: string;
  sessionId: string;
  events: HintEvent[];
  errors: unknown[];
  /** Resolves once `pred` holds for the events received (checked on every event, no polling). */
  until(pred: (events: HintEvent[]) => boolean, ms?: number): Promise<void>;
}

function openWidget(t: TestPlatform, apiKey: string, sessionId: string, pair: number): [Widget, Client] {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { 'x-api-key': apiKey },
    retryAttempts: 0,
  });
  const waiters = new Set<() => void>();
  const w: Widget = {
    pair,
    apiKey,
    sessionId,
    events: [],
    errors: [],
    until: (pred, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out with ${w.events.length} events, errors ${JSON.stringify(w.errors)}`));
        }, ms);
        const check = (): void => {
          if (!pred(w.events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
  };
  client.subscribe<{ coachingHints: HintEvent }>(
    { query: SUB, variables: { sessionId } },
    {
      next: (msg) => {
        if (msg.errors) w.errors.push(...msg.errors);
        if (msg.data) w.events.push(msg.data.coachingHints);
        for (const check of [...waiters]) check();
      },
      error: (err) => w.errors.push(err),
      complete: () => undefined,
    },
  );
  return [w, client];
}

/** Runs of one session in order, each with its events. */
function runsOf(events: HintEvent[]): HintEvent[][] {
  const ids = [...new Set(events.map((e) => e.runId))];
  return ids.map((id) => events.filter((e) => e.runId === id));
}

/** Per index: the events of its last version (after its last STARTED), as a widget rebuilds it. */
function lastVersion(run: HintEvent[], index: number): HintEvent[] {
  const own = run.filter((e) => e.index === index);
  return own.slice(own.map((e) => e.type).lastIndexOf('STARTED'));
}

function completedCount(run: HintEvent[] | undefined): number {
  if (!run) return 0;
  const indexes = new Set(run.map((e) => e.index));
  return [...indexes].filter((i) => lastVersion(run, i).some((e) => e.type === 'COMPLETED')).length;
}

describeEachDb('nothing unguarded through the gateway (%s)', (kind) => {
  let fake: FakeAnthropic;
  let t: TestPlatform;
  const logs = captureLogs();
  const widgets: Widget[] = [];
  const clients: Client[] = [];
  const answerFor = (r: number, p: number): FakeHint[] => ANSWERS[(r + p + 1) % ANSWERS.length]!;

  beforeAll(async () => {
    fake = await start();
    fake.respond((body: MessagesBody) => {
      const last = [...JSON.stringify(body.messages).matchAll(/#r(\d+)p(\d+)/g)].at(-1);
      if (!last) return { hints: WARM_UP, chunkSizes: chunkSizes(7) };
      const [r, p] = [Number(last[1]), Number(last[2])];
      return { hints: answerFor(r, p), chunkSizes: chunkSizes(50 + r * 4 + p), chunkDelayMs: 1 };
    });
    t = await startTestPlatform(
      kind,
      // every live turn to the (fake) model: this test is about that path
      {
        ANTHROPIC_API_KEY: 'sk-test',
        ANTHROPIC_BASE_URL: fake.url,
        COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1',
        QUERY_PLANNER: 'rust',
      },
      logs.logger,
    );
    // Two tenants, two sessions each for the same agent and contact (twins ask the same: one may be
    // served from the other's stream or the response cache).
    for (const [pair, tenant] of (['acme', 'summit'] as const).entries()) {
      const apiKey = t.apiKeys[tenant];
      const agentId = demoAgents(tenant)[0]!.id;
      for (let twin = 0; twin < 2; twin++) {
        const res = await t.gql<{ startAgentSession: { id: string } }>(
          START,
          { input: { agentId, contactId: `contact-guard-${tenant}`, channel: 'SMS' } },
          { 'x-api-key': apiKey },
        );
        expect(res.errors).toBeUndefined();
        const sessionId = res.data!.startAgentSession.id;
        await untilCoachingKnows(apiKey, sessionId);
        const [w, client] = openWidget(t, apiKey, sessionId, pair);
        widgets.push(w);
        clients.push(client);
      }
    }
    // A widget's subscription is live once it receives a run; warm up until each one has.
    await Promise.all(widgets.map((w) => warmUp(w)));
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
    await fake?.close();
  });

  async function addTurn(w: Widget, text: string): Promise<{ errors?: unknown[] }> {
    return t.gql(
      ADD_TURN,
      { input: { sessionId: w.sessionId, speaker: 'LEAD', text } },
      {
        'x-api-key': w.apiKey,
      },
    );
  }

  /** Until the coaching subgraph accepts a turn for the new session (create-then-use lag, issue 7.2). */
  async function untilCoachingKnows(apiKey: string, sessionId: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await t.gql(
        ADD_TURN,
        { input: { sessionId, speaker: 'AGENT', text: 'Hi, thanks for reaching out.' } },
        { 'x-api-key': apiKey },
      );
      if (!res.errors) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`coaching never learned session ${sessionId}`);
  }

  async function warmUp(w: Widget): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const added = await addTurn(w, `Hello, warm-up ${attempt}.`);
      expect(added.errors).toBeUndefined();
      // Long enough for a warm-up run to arrive on a loaded machine (4-9 s seen here): a run arriving after
      // its window was counted as the first round's and the rounds were compared off by one. Another turn is
      // for a subscription that was not live yet (its run never comes), not for a slow run.
      const ok = await w
        .until((events) => completedCount(runsOf(events)[0]) > 0, 20_000)
        .then(
          () => true,
          () => false,
        );
      if (ok) return;
    }
    throw new Error(`the widget of ${w.sessionId} received no run: ${JSON.stringify(w.errors)}`);
  }

  it('four widgets, two tenants, concurrent steering answers: nothing of them reaches a widget, log or cache', async () => {
    const warmRuns = new Map(widgets.map((w) => [w, runsOf(w.events).length]));
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        widgets.map(async (w) => {
          const res = await addTurn(w, `#r${round}p${w.pair} What kind of people live around Maple Heights?`);
          expect(res.errors).toBeUndefined();
        }),
      );
      await Promise.all(
        widgets.map((w) =>
          w.until(
            (events) =>
              completedCount(runsOf(events)[warmRuns.get(w)! + round]) === answerFor(round, w.pair).length,
          ),
        ),
      );
    }

    const leaked: string[] = [];
    let events = 0;
    let clean = 0;
    let steering = 0;
    for (const w of widgets) {
      expect(w.errors).toEqual([]);
      events += w.events.length;
      for (const e of w.events) leaked.push(...leaks(JSON.stringify(e)));
      leaked.push(...leaks(w.events.map((e) => e.delta ?? '').join('')));
      const runs = runsOf(w.events).slice(warmRuns.get(w)!);
      runs.forEach((run, round) => {
        answerFor(round, w.pair).forEach((sent, index) => {
          const version = lastVersion(run, index);
          const hint = version.find((e) => e.type === 'COMPLETED')!.hint!;
          if (STEERING_HINTS.includes(sent)) {
            steering++;
            expect(hint.category).toBe('COMPLIANCE_WARNING');
            return;
          }
          clean++;
          const deltas = version.filter((e) => e.type === 'DELTA');
          expect(hint.text).toBe(sent.text);
          expect(deltas.length).toBeGreaterThan(1);
          expect(deltas.map((e) => e.delta).join('')).toBe(sent.text);
        });
      });
    }
    leaked.push(...leaks(logs.lines.join('')));
    let cacheEntries = 'in process';
    if (kind === 'postgres' && REDIS_URL) {
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${t.config.redisPrefix}:coaching:hints:*`);
        const values = keys.length ? await redis.mget(...keys) : [];
        for (const v of values) leaked.push(...leaks(v ?? ''));
        cacheEntries = String(values.length);
        expect(values.length).toBeGreaterThan(0);
      } finally {
        redis.disconnect();
      }
    }
    console.log(
      `guarded stream through the gateway (${kind}): ${widgets.length} widgets, ${events} events checked ` +
        `(${clean} clean hints, ${steering} steering hints withheld), ${logs.lines.length} log lines, ` +
        `cache entries: ${cacheEntries}; violations leaked: ${leaked.length}`,
    );
    expect(leaked).toEqual([]);
    expect(steering).toBeGreaterThan(0);
  }, 120_000);
});
