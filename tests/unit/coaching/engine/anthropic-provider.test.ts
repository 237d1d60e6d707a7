/**
 * The engine driving the REAL @anthropic-ai/sdk against the fake Anthropic server: streaming, the SDK's
 * retries, and every failure that must end in the offline fallback.
 */
import { HintCategory, ObjectionType } from '../../../../core/vocabulary';
import { OFFLINE_MODEL } from '../../../../subgraphs/coaching/engine';
import { start, type FakeAnthropic, type FakeHint } from '../../../fixtures/fake-anthropic';
import { collect, engineFor, makeRequest } from './helpers';

const PRICE_HINTS: FakeHint[] = [
  {
    category: 'OBJECTION_HANDLING',
    objection: 'PRICE',
    text: 'Say: "I hear you — let\'s look at what $450k buys today and where sellers are giving concessions." Why: facts calm price fear.',
    rationale: 'Turns a vague worry into a concrete comparison.',
    confidence: 0.82,
  },
  {
    category: 'QUALIFYING_QUESTION',
    text: 'Say: "Have you talked with a lender yet?" Why: pre-approval sets the real budget.',
    rationale: 'Financing is the biggest gap.',
    confidence: 0.7,
  },
];

describe('Anthropic provider through the engine (real SDK, fake server)', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('streams deltas, then completed hints with tokens, cost, latency and model', async () => {
    fake.script({ hints: PRICE_HINTS, chunkSize: 7 });
    const { engine } = engineFor(fake);
    const c = collect();
    const result = await engine.run(makeRequest(), c.onEvent);

    expect(fake.count).toBe(1);
    expect(result.provider).toBe('anthropic');
    expect(result.fallback).toBe(false);
    expect(result.cached).toBe(false);
    expect(result.model).toBe('claude-haiku-4-5');
    expect(result.hints).toHaveLength(2);
    expect(result.hints[0]).toMatchObject({
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.PRICE,
      confidence: 0.82,
    });
    expect(result.tokensIn).toBeGreaterThan(0);
    expect(result.tokensOut).toBeGreaterThan(0);
    expect(result.costMicros).toBeGreaterThan(0);
    expect(Number.isInteger(result.costMicros)).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.analysis.qualification).toBeDefined();

    // Deltas arrive in many small pieces and rebuild exactly the final text; order per hint is
    // started → deltas → completed.
    expect(c.deltas(0)).toBeGreaterThan(3);
    expect(c.text(0)).toBe(PRICE_HINTS[0]!.text);
    expect(c.text(1)).toBe(PRICE_HINTS[1]!.text);
    for (const index of [0, 1]) {
      const types = c.events.filter((e) => e.index === index).map((e) => e.type);
      expect(types[0]).toBe('started');
      expect(types.at(-1)).toBe('completed');
      expect(types.filter((t) => t === 'completed')).toHaveLength(1);
    }
    // Hint 0 is completed as soon as its JSON object closes, before hint 1 streams.
    const completed0 = c.events.findIndex((e) => e.type === 'completed' && e.index === 0);
    const firstDelta1 = c.events.findIndex((e) => e.type === 'delta' && e.index === 1);
    expect(completed0).toBeGreaterThan(-1);
    expect(completed0).toBeLessThan(firstDelta1);
    for (const e of c.events) {
      if (e.type !== 'completed') continue;
      expect(e.hint).toEqual(result.hints[e.index]);
      expect(e.origin).toEqual({
        provider: 'anthropic',
        model: 'claude-haiku-4-5',
        cached: false,
        fallback: false,
      });
    }

    // What the model was asked: forced emit_hints tool use, streaming, the routed model.
    const body = fake.requests[0]!.body!;
    expect(body.stream).toBe(true);
    expect(body.model).toBe('claude-haiku-4-5');
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'emit_hints' });
    expect(body.tools?.[0]?.name).toBe('emit_hints');
    expect(body.tools?.[0]?.['eager_input_streaming']).toBe(true);
    expect(body.max_tokens).toBe(1_024);
    const headers = fake.requests[0]!.headers;
    expect(headers['x-api-key'] ?? headers['authorization']).toMatch(/^(Bearer )?sk-test$/);
  });

  it('records prompt-cache usage: the second call reads the cached system prompt and costs less', async () => {
    fake.script({ hints: PRICE_HINTS }, { hints: PRICE_HINTS });
    const { engine } = engineFor(fake);
    const first = await engine.run(makeRequest());
    const second = await engine.run(
      makeRequest({ turns: [{ speaker: 'LEAD' as never, text: 'Is the commission negotiable?' }] }),
    );
    expect(fake.count).toBe(2);
    expect(second.cached).toBe(false);
    expect(second.costMicros).toBeLessThan(first.costMicros);
  });

  it('retries a 429 honouring retry-after, then succeeds (2 requests)', async () => {
    fake.script({ status: 429, retryAfter: 1 }, { hints: PRICE_HINTS });
    const { engine } = engineFor(fake);
    const t0 = Date.now();
    const result = await engine.run(makeRequest());
    expect(fake.count).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(result.fallback).toBe(false);
    expect(result.provider).toBe('anthropic');
  });

  it('falls back to the offline coach when the API stays overloaded (529) after the SDK retries', async () => {
    fake.script(
      { status: 529, retryAfterMs: 20 },
      { status: 529, retryAfterMs: 20 },
      { status: 529, retryAfterMs: 20 },
    );
    const { engine } = engineFor(fake, { anthropic: { maxRetries: 2 } });
    const c = collect();
    const result = await engine.run(makeRequest(), c.onEvent);
    expect(fake.count).toBe(3);
    expect(result.fallback).toBe(true);
    expect(result.provider).toBe('offline');
    expect(result.model).toBe(OFFLINE_MODEL);
    expect(result.costMicros).toBe(0);
    expect(result.hints.length).toBeGreaterThan(0);
    // The offline answer streams the same way.
    expect(c.text(0)).toBe(result.hints[0]!.text);
    expect(c.events.filter((e) => e.type === 'completed')).toHaveLength(result.hints.length);
  });

  it('falls back when the stream breaks with an error event midway', async () => {
    fake.script({ errorMidStream: true, hints: PRICE_HINTS, afterChunks: 6 });
    const { engine } = engineFor(fake, { anthropic: { maxRetries: 0 } });
    const c = collect();
    const result = await engine.run(makeRequest(), c.onEvent);
    expect(fake.count).toBe(1);
    expect(result.fallback).toBe(true);
    expect(result.provider).toBe('offline');
    // Some model text had streamed; `started` was re-sent and the widget's text is the offline hint.
    expect(c.text(0)).toBe(result.hints[0]!.text);
    // The failed call's input tokens were consumed and are accounted for.
    expect(result.tokensIn).toBeGreaterThan(0);
  });

  it('falls back when the stream ends without message_stop', async () => {
    fake.script({ truncateAfterChunks: 3 });
    const { engine } = engineFor(fake, { anthropic: { maxRetries: 0 } });
    const result = await engine.run(makeRequest());
    expect(result.fallback).toBe(true);
  });

  it('does not retry a spend-limit 400 and falls back immediately', async () => {
    fake.script({ status: 400, spendLimit: true });
    const { engine } = engineFor(fake);
    const result = await engine.run(makeRequest());
    expect(fake.count).toBe(1);
    expect(result.fallback).toBe(true);
    expect(result.provider).toBe('offline');
  });

  it('does not retry a spend-limit 429 (which the SDK alone would retry) and pauses model calls', async () => {
    fake.script({ status: 429, spendLimit: true, retryAfter: 1 });
    const { engine } = engineFor(fake, { spendLimitCooldownMs: 60_000 });
    const first = await engine.run(makeRequest());
    expect(fake.count).toBe(1);
    expect(first.fallback).toBe(true);
    // While paused, no request reaches the API at all.
    const second = await engine.run(makeRequest({ sessionId: 'session-2' }));
    expect(fake.count).toBe(1);
    expect(second.fallback).toBe(true);
  });

  it('falls back when the reply is slower than the deadline (headers never come)', async () => {
    fake.script({ delayMs: 3_000 });
    const { engine } = engineFor(fake, { anthropic: { timeoutMs: 300, maxRetries: 2 } });
    const t0 = Date.now();
    const result = await engine.run(makeRequest());
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(result.fallback).toBe(true);
  });

  it('falls back when the stream stalls after the headers (the SDK timeout does not cover the body)', async () => {
    fake.script({ hints: PRICE_HINTS, chunkDelayMs: 400 });
    const { engine } = engineFor(fake, { anthropic: { timeoutMs: 600, maxRetries: 0 } });
    const c = collect();
    const t0 = Date.now();
    const result = await engine.run(makeRequest(), c.onEvent);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(result.fallback).toBe(true);
    expect(c.text(0)).toBe(result.hints[0]!.text);
  });

  it.each([
    ['not JSON at all', '{"hints": [{"category": "NEXT_STEP", "te'],
    [
      'an unknown category',
      JSON.stringify({ hints: [{ category: 'SMALL_TALK', text: 'x', rationale: 'y', confidence: 0.5 }] }),
    ],
    [
      'text over 400 characters',
      JSON.stringify({
        hints: [{ category: 'NEXT_STEP', text: 'x'.repeat(401), rationale: 'y', confidence: 0.5 }],
      }),
    ],
    [
      'confidence above 1',
      JSON.stringify({ hints: [{ category: 'NEXT_STEP', text: 'x', rationale: 'y', confidence: 1.5 }] }),
    ],
    ['no hints', JSON.stringify({ hints: [] })],
    [
      'four hints',
      JSON.stringify({
        hints: Array(4).fill({ category: 'NEXT_STEP', text: 'x', rationale: 'y', confidence: 0.5 }),
      }),
    ],
  ])('treats invalid tool input (%s) as a model failure → fallback', async (_label, rawInput) => {
    fake.script({ rawInput });
    const { engine } = engineFor(fake);
    const result = await engine.run(makeRequest());
    expect(fake.count).toBe(1);
    expect(result.fallback).toBe(true);
    expect(result.provider).toBe('offline');
  });

  it('drops an objection on a hint that is not objection handling, accepts null', async () => {
    fake.script({
      rawInput: JSON.stringify({
        hints: [
          {
            category: 'NEXT_STEP',
            objection: 'PRICE',
            text: 'Book a showing.',
            rationale: 'r',
            confidence: 0.6,
          },
          {
            category: 'OBJECTION_HANDLING',
            objection: null,
            text: 'Acknowledge it.',
            rationale: 'r',
            confidence: 0.6,
          },
        ],
      }),
    });
    const { engine } = engineFor(fake);
    const result = await engine.run(makeRequest());
    expect(result.fallback).toBe(false);
    expect(result.hints[0]!.objection).toBeUndefined();
    expect(result.hints[1]!.objection).toBeUndefined();
  });

  it('without an API key the engine is offline-only and never calls the API', async () => {
    const { engine } = engineFor(fake, { anthropic: { apiKey: '' } });
    const c = collect();
    const result = await engine.run(makeRequest(), c.onEvent);
    expect(fake.count).toBe(0);
    expect(result.provider).toBe('offline');
    expect(result.fallback).toBe(false);
    expect(result.model).toBe(OFFLINE_MODEL);
    expect(result.costMicros).toBe(0);
    expect(result.tokensIn).toBe(0);
    expect(c.events[0]).toEqual({ type: 'started', index: 0 });
    expect(c.deltas(0)).toBeGreaterThan(1);
    expect(c.text(0)).toBe(result.hints[0]!.text);
  });

  it('logs why it fell back', async () => {
    fake.script({ status: 529, retryAfterMs: 1 });
    const warnings: Array<{ obj: object; msg?: string }> = [];
    const logger = {
      debug: () => {},
      info: () => {},
      error: () => {},
      warn: (obj: object, msg?: string) => warnings.push({ obj, msg }),
    };
    const { engine } = engineFor(fake, { logger, anthropic: { maxRetries: 0 } });
    await engine.run(makeRequest());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.obj).toMatchObject({ kind: 'overloaded', status: 529, model: 'claude-haiku-4-5' });
  });

  it('coaches the opening of a conversation with no turns yet', async () => {
    fake.script({ hints: PRICE_HINTS });
    const { engine } = engineFor(fake);
    const result = await engine.run(makeRequest({ turns: [], question: 'How should I open?' }));
    expect(result.fallback).toBe(false);
    const user = JSON.stringify(fake.requests[0]!.body!.messages);
    expect(user).toContain('no messages yet');
    expect(user).toContain('How should I open?');
  });

  it('an onEvent that throws does not break the run', async () => {
    fake.script({ hints: PRICE_HINTS });
    const { engine } = engineFor(fake);
    const result = await engine.run(makeRequest(), () => {
      throw new Error('widget bug');
    });
    expect(result.fallback).toBe(false);
    expect(result.hints).toHaveLength(2);
  });
});
