/**
 * Nothing unguarded on the wire (issue 7.3): the fake Anthropic server streams answers that steer by a
 * protected class — in 1–5 character chunks, to eight sessions at once (four tenants, two sessions each asking
 * the same, so one watches the other's stream through the single flight or replays it from the response
 * cache), steering and clean hints interleaved — through the real SDK, the engine, the coaching subgraph and
 * graphql-ws. No event any subscriber receives, no log line (pino at trace), no response-cache entry and no
 * published event ever carries the steering words; clean hints still stream in several DELTAs and arrive whole.
 */
import { randomUUID } from 'node:crypto';
import { MemoryCache, RedisCache } from '../../../core/cache';
import { makeEvent } from '../../../core/events/envelope';
import { ConversationStage, EventTypes, HintCategory } from '../../../core/vocabulary';
import { sessionChannel } from '../../../subgraphs/coaching';
import { createCoachingEngine } from '../../../subgraphs/coaching/engine';
import { createAnthropicProvider } from '../../../subgraphs/coaching/engine/providers/anthropic';
import type { CoachingEngine, EngineEvent } from '../../../subgraphs/coaching/engine/types';
import { REDIS_URL } from '../../helpers/db';
import { principal } from '../../helpers/principals';
import { describeEachDb } from '../../helpers/variants';
import { start, type FakeAnthropic, type FakeHint, type MessagesBody } from '../../fixtures/fake-anthropic';
import { makeRequest } from './engine/helpers';
import {
  feedReadModels,
  fixture,
  startCoaching,
  subscribe,
  waitForSubscribers,
  wsClient,
  type CoachingHarness,
  type WsSubscription,
} from './support/live-harness';
import { ADD_TURN, rebuildHints, type HintEventView } from './support/operations';
import {
  ANSWERS,
  CLEAN_HINTS,
  captureLogs,
  chunkSizes,
  leaks,
  RecordingCache,
  STEERING_HINTS,
} from '../../fixtures/steering-answers';

type Event = HintEventView & { hint: (NonNullable<HintEventView['hint']> & { rationale: string }) | null };

const SUB = `subscription($s: ID!) {
  coachingHints(sessionId: $s) {
    type runId index delta error
    hint { id text rationale category status model requestId sessionId confidence session { id } }
  }
}`;

const PAIRS = 4;
const ROUNDS = 3;

interface Watched {
  pair: number;
  tenantId: string;
  sessionId: string;
  sub: WsSubscription<Event>;
}

/** The answer the fake model gives to round `r` of pair `p`. */
const answerFor = (r: number, p: number): FakeHint[] => ANSWERS[(r + p) % ANSWERS.length]!;

/** input_json_delta chunks the fake sends for `hints` split by `sizes` (as the fake does, plus its empty one). */
function chunkCount(hints: FakeHint[], sizes: number[]): number {
  const length = JSON.stringify({ hints }).length;
  let n = 0;
  for (let at = 0; at < length; n++) at += sizes[n % sizes.length]!;
  return n + 1;
}

/** Runs in order of first appearance with their events (a session's rounds run one after another). */
function runsOf(events: Event[]): Event[][] {
  const ids = [...new Set(events.map((e) => e.runId))];
  return ids.map((id) => events.filter((e) => e.runId === id));
}

function finished(events: Event[], round: number, pair: number): boolean {
  const run = runsOf(events)[round];
  if (!run) return false;
  const rebuilt = [...rebuildHints(run, run[0]!.runId).values()];
  return rebuilt.length === answerFor(round, pair).length && rebuilt.every((x) => x.hint);
}

describeEachDb('nothing unguarded on the wire (%s)', (kind) => {
  let fake: FakeAnthropic;
  let h: CoachingHarness;
  let engine: CoachingEngine;
  let cache: RecordingCache;
  const logs = captureLogs();
  const watched: Watched[] = [];
  const disposers: (() => Promise<void>)[] = [];
  let chunks = 0;

  beforeAll(async () => {
    fake = await start();
    fake.respond((body: MessagesBody) => {
      const markers = [...JSON.stringify(body.messages).matchAll(/#r(\d+)p(\d+)/g)];
      const last = markers.at(-1);
      if (!last) return undefined;
      const [r, p] = [Number(last[1]), Number(last[2])];
      const hints = answerFor(r, p);
      const sizes = chunkSizes(1 + r * PAIRS + p);
      chunks += chunkCount(hints, sizes);
      return { hints, chunkSizes: sizes, chunkDelayMs: 1 };
    });
    const inner =
      kind === 'postgres' && REDIS_URL
        ? new RedisCache({ redis: REDIS_URL, prefix: `test:guard:${randomUUID()}:` })
        : new MemoryCache();
    cache = new RecordingCache(inner);
    engine = createCoachingEngine({
      anthropic: { apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0, timeoutMs: 20_000 },
      cache,
      logger: logs.logger,
    });
    h = await startCoaching(kind, { engine });
    for (let pair = 0; pair < PAIRS; pair++) {
      const f = fixture();
      await feedReadModels(h, f);
      const twin = randomUUID();
      await h.events.publish(
        makeEvent(EventTypes.agentSessionUpserted, f.tenantId, {
          sessionId: twin,
          agentId: f.agentId,
          locationId: f.locationId,
          contactId: f.contactId,
          stage: ConversationStage.QUALIFICATION,
          active: true,
        }),
      );
      await h.events.drain();
      for (const sessionId of [f.sessionId, twin]) {
        const client = wsClient(h.wsUrl, await h.codec.sign(principal({ tenantId: f.tenantId })));
        const sub = subscribe<Event>(client, SUB, { s: sessionId }, 'coachingHints');
        disposers.push(async () => {
          sub.dispose();
          await client.dispose();
        });
        await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, sessionId));
        watched.push({ pair, tenantId: f.tenantId, sessionId, sub });
      }
    }
  }, 60_000);

  afterAll(async () => {
    for (const d of disposers) await d();
    await h?.close();
    await engine?.close?.();
    await cache?.close();
    await fake?.close();
  });

  it('streams 24 concurrent runs: no subscriber, log line, cache entry or event ever carries the steering words', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // every session's lead speaks at once; the twins of a pair say the same thing
      await Promise.all(
        watched.map(async (w) => {
          const text = `#r${round}p${w.pair} What kind of people live around Maple Heights?`;
          const res = await h.exec(principal({ tenantId: w.tenantId }), ADD_TURN, {
            input: { sessionId: w.sessionId, speaker: 'LEAD', text },
          });
          expect(res.errors).toBeUndefined();
        }),
      );
      await h.settle();
      await Promise.all(watched.map((w) => w.sub.until((items) => finished(items, round, w.pair), 30_000)));
    }

    let events = 0;
    let cleanHints = 0;
    let steeringHints = 0;
    const leaked: string[] = [];
    for (const w of watched) {
      const all = w.sub.items;
      events += all.length;
      for (const e of all) leaked.push(...leaks(JSON.stringify(e)));
      // the deltas joined, so a fragment split across chunks is seen too
      leaked.push(...leaks(all.map((e) => e.delta ?? '').join('')));
      runsOf(all).forEach((run, round) => {
        const answer = answerFor(round, w.pair);
        const rebuilt = rebuildHints(run, run[0]!.runId);
        answer.forEach((sent, index) => {
          const got = rebuilt.get(index)!.hint!;
          if (STEERING_HINTS.includes(sent)) {
            steeringHints++;
            expect(got.category).toBe(HintCategory.COMPLIANCE_WARNING);
            return;
          }
          cleanHints++;
          expect(got.text).toBe(sent.text);
          const own = run.filter((e) => e.index === index);
          const deltas = own.slice(own.map((e) => e.type).lastIndexOf('STARTED')).filter((e) => e.delta);
          expect(deltas.length).toBeGreaterThan(1); // it still streams in pieces
          expect(deltas.map((e) => e.delta).join('')).toBe(sent.text);
        });
      });
    }
    const logText = logs.lines.join('');
    leaked.push(...leaks(logText));
    for (const entry of cache.written) leaked.push(...leaks(entry));
    leaked.push(...leaks(JSON.stringify(h.published)));

    console.log(
      `guarded stream (${kind}): ${watched.length} subscribers, ${PAIRS * ROUNDS} model answers in ` +
        `${chunks} chunks of 1–5 characters, ${events} events checked (${cleanHints} clean hints, ` +
        `${steeringHints} steering hints withheld), ${logs.lines.length} log lines, ` +
        `${cache.written.length} cache entries; violations leaked: ${leaked.length}`,
    );
    expect(leaked).toEqual([]);
    expect(logText).toMatch(/"withheld":\["race or color"\]/); // the log saw the withholding, not the words
    expect(cache.written.length).toBeGreaterThan(0);
    expect(steeringHints).toBeGreaterThan(0);
    expect(cleanHints).toBeGreaterThan(0);
  }, 120_000);
});

describe('latency to the first DELTA', () => {
  it('holding the tail delays a clean hint by its first clause at most', async () => {
    const fake = await start();
    const provider = createAnthropicProvider({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
    const figures: string[] = [];
    try {
      for (const [i, hint] of CLEAN_HINTS.entries()) {
        const behaviour = { hints: [hint], chunkSizes: chunkSizes(100 + i), chunkDelayMs: 3 };
        const firstDelta = async (run: (onEvent: (e: EngineEvent) => void) => Promise<unknown>) => {
          const t0 = performance.now();
          let first = Infinity;
          let deltas = 0;
          await run((e) => {
            if (e.type !== 'delta') return;
            first = Math.min(first, performance.now() - t0);
            deltas++;
          });
          return { first, deltas };
        };
        fake.script(behaviour);
        const raw = await firstDelta((onEvent) =>
          provider.generate(
            {
              prompt: { version: 'v', system: 'system', user: 'user' },
              model: 'claude-haiku-4-5',
              coachInput: makeRequest(),
            },
            onEvent,
          ),
        );
        fake.script(behaviour);
        const engine = createCoachingEngine({
          anthropic: { apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 },
          cache: new MemoryCache(),
        });
        const guarded = await firstDelta((onEvent) => engine.run(makeRequest(), onEvent));
        await engine.close?.();
        expect(guarded.deltas).toBeGreaterThan(1);
        const clause = /^[^,:.!?;]*[,:.!?;]/.exec(hint.text)![0];
        figures.push(
          `first clause ${clause.length} chars: raw ${raw.first.toFixed(1)} ms, guarded ` +
            `${guarded.first.toFixed(1)} ms (+${(guarded.first - raw.first).toFixed(1)} ms), ` +
            `${raw.deltas} → ${guarded.deltas} deltas`,
        );
      }
    } finally {
      await provider.close?.();
      await fake.close();
    }
    console.log(`time to first DELTA (3 ms per 1–5 character chunk):\n  ${figures.join('\n  ')}`);
  }, 30_000);
});
