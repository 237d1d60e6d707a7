/**
 * The client-visible hint stream end to end (engine → coach session → session channel → graphql-ws):
 * a model failing midway and the offline fallback replacing its hints (fake Anthropic server, real SDK),
 * COMPLETED published as soon as a hint is complete (before the run ends) with a stored, rateable id,
 * withdrawn indexes, and hints published at the end of the run by engines that do not stream. In every case
 * the stream rebuilt by the rule documented on HintEvent.type equals the stored hints.
 */
import { HintCategory } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { start, type FakeAnthropic, type FakeHint } from '../../fixtures/fake-anthropic';
import { sessionChannel } from '../../../subgraphs/coaching';
import { offlineCoach } from '../../../subgraphs/coaching/coach/offline-coach';
import type {
  CoachingEngine,
  CoachRequest,
  CoachResult,
  EngineEvent,
  GeneratedHint,
  HintOrigin,
} from '../../../subgraphs/coaching/engine/types';
import { engineFor } from './engine/helpers';
import {
  feedReadModels,
  fixture,
  startCoaching,
  subscribe,
  waitForSubscribers,
  wsClient,
  type CoachingHarness,
  type Fixture,
  type WsSubscription,
} from './support/live-harness';
import { ADD_TURN, RATE, rebuildHints, type HintEventView } from './support/operations';

type Event = HintEventView & {
  hint: (NonNullable<HintEventView['hint']> & { fallback: boolean; costMicros: number }) | null;
};

const SUB = `subscription($s: ID!) {
  coachingHints(sessionId: $s) {
    type runId index delta error
    hint { id text category status model fallback costMicros requestId sessionId confidence session { id } }
  }
}`;

const STORED = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on AgentSession { hints { id text requestId status model fallback tokensIn tokensOut costMicros } }
  }
}`;

interface StoredHint {
  id: string;
  text: string;
  requestId: string;
  status: string;
  model: string;
  fallback: boolean;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
}

const LEAD_TEXT = "We're pre-approved for $450k and need 3 bedrooms in Austin, but the prices seem too high.";

const MODEL_HINTS: FakeHint[] = [
  {
    category: 'OBJECTION_HANDLING',
    objection: 'PRICE',
    text: 'Say: "Let\'s compare what $450k buys today with last spring, street by street." Why: facts calm price fear.',
    rationale: 'Turns a vague worry into a comparison.',
    confidence: 0.8,
  },
  {
    category: 'QUALIFYING_QUESTION',
    text: 'Say: "Which part of Austin do you picture yourselves in?" Why: areas focus the search.',
    rationale: 'Area is missing.',
    confidence: 0.7,
  },
];

/** `afterChunks` for the fake server (12-character chunks after an empty one) to stop past `cut`. */
function chunksThrough(cut: number): number {
  return Math.ceil(cut / 12) + 1;
}

describeEachDb('hint stream (engine → session channel → subscription, %s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  let sub: WsSubscription<Event>;
  let closeClient: () => Promise<void>;
  const owner = () => principal({ tenantId: f.tenantId });

  async function open(engine: CoachingEngine): Promise<void> {
    h = await startCoaching(kind, { engine });
    f = fixture();
    await feedReadModels(h, f);
    const client = wsClient(h.wsUrl, await h.codec.sign(owner()));
    sub = subscribe<Event>(client, SUB, { s: f.sessionId }, 'coachingHints');
    closeClient = async () => {
      sub.dispose();
      await client.dispose();
    };
    await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId));
  }

  afterEach(async () => {
    await closeClient();
    await h.close();
  });

  async function leadTurn(text = LEAD_TEXT): Promise<void> {
    const res = await h.exec(owner(), ADD_TURN, { input: { sessionId: f.sessionId, speaker: 'LEAD', text } });
    expect(res.errors).toBeUndefined();
  }

  async function storedHints(): Promise<StoredHint[]> {
    const res = await h.exec<{ _entities: { hints: StoredHint[] }[] }>(owner(), STORED, {
      reps: [{ __typename: 'AgentSession', id: f.sessionId }],
    });
    expect(res.errors).toBeUndefined();
    return res.data!._entities[0]!.hints;
  }

  /** Settles the run and checks that the rebuilt stream equals the stored hints; returns both. */
  async function settleAndCompare(): Promise<{ events: Event[]; stored: StoredHint[]; runId: string }> {
    await h.settle();
    const stored = await storedHints();
    expect(stored.length).toBeGreaterThan(0);
    const runId = stored[0]!.requestId;
    const n = stored.length;
    const events = await sub.until(
      (items) => [...rebuildHints(items, runId).values()].filter((x) => x.hint).length === n,
    );
    const rebuilt = rebuildHints(events, runId);
    expect([...rebuilt.keys()].sort()).toEqual([...Array(n).keys()]);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const hint of rebuilt.values()) {
      expect(hint.hint).not.toBeNull();
      expect(hint.text).toBe(hint.hint!.text);
      expect(byId.get(hint.hint!.id)?.text).toBe(hint.text);
    }
    const delivered = h.published.filter((e) => e.type === 'coaching.hint.delivered');
    expect(delivered.map((e) => (e.payload as { hintId: string }).hintId).sort()).toEqual(
      stored.map((s) => s.id).sort(),
    );
    return { events: events.filter((e) => e.runId === runId), stored, runId };
  }

  describe('with the fake Anthropic server', () => {
    let fake: FakeAnthropic;
    let engine: CoachingEngine;
    beforeEach(async () => {
      fake = await start();
      engine = engineFor(fake, { anthropic: { maxRetries: 0 } }).engine;
      await open(engine);
    });
    afterEach(async () => {
      await engine.close?.();
      await fake.close();
    });

    it('a model failing mid-hint restarts the hint: the rebuilt stream is the offline hints', async () => {
      const json = JSON.stringify({ hints: MODEL_HINTS });
      const cut = json.indexOf('"text":"') + 40; // inside hint 0's text
      fake.script({ errorMidStream: true, hints: MODEL_HINTS, afterChunks: chunksThrough(cut) });
      await leadTurn();
      const { events, stored } = await settleAndCompare();

      const index0 = events.filter((e) => e.index === 0).map((e) => e.type);
      expect(index0.filter((t) => t === 'STARTED')).toHaveLength(2);
      const restart = index0.lastIndexOf('STARTED');
      expect(index0.slice(0, restart)).toContain('DELTA'); // model text had streamed
      expect(index0.slice(0, restart)).not.toContain('COMPLETED');
      // Ignoring the restart would garble the text: model prefix + offline text.
      const naive = events
        .filter((e) => e.index === 0 && e.type === 'DELTA')
        .map((e) => e.delta)
        .join('');
      const completed0 = events.find((e) => e.type === 'COMPLETED' && e.index === 0)!.hint!;
      expect(naive).not.toBe(completed0.text);
      expect(naive.endsWith(completed0.text)).toBe(true);
      expect(completed0).toMatchObject({ fallback: true, model: 'offline-coach-v1' });
      expect(stored.every((s) => s.fallback && s.model === 'offline-coach-v1')).toBe(true);
      // The failed call's input tokens are accounted on the stored hints.
      expect(stored.reduce((sum, s) => sum + s.tokensIn, 0)).toBeGreaterThan(0);
    });

    it('a model failing after hint 0 completed replaces that completed hint and removes its row', async () => {
      const json = JSON.stringify({ hints: MODEL_HINTS });
      const cut = json.indexOf('"text":"', json.indexOf('},{')) + 30; // inside hint 1's text
      fake.script({ errorMidStream: true, hints: MODEL_HINTS, afterChunks: chunksThrough(cut) });
      await leadTurn();
      const { events, stored } = await settleAndCompare();

      const first = events.find((e) => e.type === 'COMPLETED' && e.index === 0)!;
      expect(first.hint).toMatchObject({ text: MODEL_HINTS[0]!.text, fallback: false, costMicros: 0 });
      expect(first.hint!.model).toBe('claude-haiku-4-5');
      const after = events.slice(events.indexOf(first) + 1);
      expect(after.find((e) => e.index === 0)?.type).toBe('STARTED'); // the replacement starts over
      expect(stored.map((s) => s.id)).not.toContain(first.hint!.id);
      const gone = await h.exec<{ coachingHint: unknown }>(
        owner(),
        `query($id: ID!) { coachingHint(id: $id) { id } }`,
        {
          id: first.hint!.id,
        },
      );
      expect(gone.data?.coachingHint).toBeNull();
    });

    it('without a failure: COMPLETED per hint as it closes, stored with the run accounting', async () => {
      fake.script({ hints: MODEL_HINTS, chunkSize: 8 });
      await leadTurn();
      const { events, stored } = await settleAndCompare();
      expect(events.filter((e) => e.type === 'STARTED')).toHaveLength(2);
      const completed0 = events.findIndex((e) => e.type === 'COMPLETED' && e.index === 0);
      const firstDelta1 = events.findIndex((e) => e.type === 'DELTA' && e.index === 1);
      expect(completed0).toBeLessThan(firstDelta1);
      expect(stored.map((s) => s.text).sort()).toEqual(MODEL_HINTS.map((x) => x.text).sort());
      expect(stored.every((s) => !s.fallback && s.model === 'claude-haiku-4-5')).toBe(true);
      expect(stored.every((s) => s.tokensOut > 0 && s.costMicros > 0)).toBe(true);
    });
  });

  describe('with scripted engines', () => {
    const ORIGIN: HintOrigin = {
      provider: 'anthropic',
      model: 'claude-test',
      cached: false,
      fallback: false,
    };
    const hint = (text: string): GeneratedHint => ({
      category: HintCategory.QUALIFYING_QUESTION,
      text,
      rationale: 'test',
      confidence: 0.5,
    });
    const result = (
      req: CoachRequest,
      hints: GeneratedHint[],
      over: Partial<CoachResult> = {},
    ): CoachResult => ({
      hints,
      analysis: offlineCoach({ agent: req.agent, stage: req.stage, turns: req.turns }),
      provider: 'anthropic',
      model: 'claude-test',
      cached: false,
      fallback: false,
      latencyMs: 1234,
      tokensIn: 101,
      tokensOut: 51,
      costMicros: 999,
      guardrailTriggered: false,
      ...over,
    });
    const stream = (onEvent: ((e: EngineEvent) => void) | undefined, index: number, text: string): void => {
      onEvent?.({ type: 'started', index });
      for (const word of text.split(/(?<= )/)) onEvent?.({ type: 'delta', index, text: word });
    };

    it('publishes COMPLETED for hint 0 while the run is still going; its id can be rated at once', async () => {
      const h0 = hint('Ask about their timeline.');
      const h1 = hint('Offer two tour slots this week.');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let finished = false;
      await open({
        async run(req, onEvent) {
          stream(onEvent, 0, h0.text);
          onEvent?.({ type: 'completed', index: 0, hint: h0, origin: ORIGIN });
          stream(onEvent, 1, 'Offer two ');
          await gate;
          onEvent?.({ type: 'delta', index: 1, text: 'tour slots this week.' });
          onEvent?.({ type: 'completed', index: 1, hint: h1, origin: ORIGIN });
          finished = true;
          return result(req, [h0, h1]);
        },
      });
      await leadTurn();
      const early = await sub.until((items) => items.some((e) => e.type === 'COMPLETED'));
      expect(finished).toBe(false);
      const completed0 = early.find((e) => e.type === 'COMPLETED')!;
      expect(completed0).toMatchObject({
        index: 0,
        hint: { text: h0.text, model: 'claude-test', costMicros: 0 },
      });
      const rated = await h.exec(owner(), RATE, { id: completed0.hint!.id, v: 'ACCEPTED' });
      expect(rated.errors).toBeUndefined();

      release();
      const { stored } = await settleAndCompare();
      const row0 = stored.find((s) => s.id === completed0.hint!.id)!;
      // Accounting was written when the run ended; the verdict given meanwhile was kept.
      expect(row0).toMatchObject({ status: 'ACCEPTED', tokensIn: 51, tokensOut: 26, costMicros: 500 });
      expect(stored.reduce((sum, s) => sum + s.costMicros, 0)).toBe(999);
    });

    it('withdraws indexes the replacing answer does not have (FAILED SUPERSEDED)', async () => {
      const only = hint('Confirm the budget first.');
      await open({
        async run(req, onEvent) {
          for (const i of [0, 1, 2]) stream(onEvent, i, `model text ${i} `);
          stream(onEvent, 0, only.text); // the fallback restarts from index 0 with one hint
          onEvent?.({ type: 'completed', index: 0, hint: only, origin: { ...ORIGIN, fallback: true } });
          return result(req, [only], { fallback: true });
        },
      });
      await leadTurn();
      const { events } = await settleAndCompare();
      expect(events.filter((e) => e.type === 'FAILED')).toEqual([
        expect.objectContaining({ index: 1, error: 'SUPERSEDED' }),
        expect.objectContaining({ index: 2, error: 'SUPERSEDED' }),
      ]);
    });

    it('an engine that does not stream: STARTED + COMPLETED per hint at the end, with accounting', async () => {
      await open({ run: async (req) => result(req, [hint('First.'), hint('Second.')]) });
      await leadTurn();
      const { events } = await settleAndCompare();
      expect(events.map((e) => `${e.type}:${e.index}`)).toEqual([
        'STARTED:0',
        'COMPLETED:0',
        'STARTED:1',
        'COMPLETED:1',
      ]);
      expect(events.filter((e) => e.hint).map((e) => e.hint!.costMicros)).toEqual([500, 499]);
    });
  });
});
