/**
 * The coaching widget's pure rules: rebuilding hints from HintEvents (replace, withdraw, no duplicate after
 * a catch-up), where the API is, how the token is sent, backoff bounds, readable brand text and the
 * qualification summary.
 */
import { HintBoard, type HintEventMessage, type StoredHint } from '../../../web/coaching-widget/hints';
import {
  backoffMs,
  connectionParams,
  contrastRatio,
  credentialHeaders,
  isAuthClose,
  normalizeHex,
  qualificationText,
  readableTextOn,
  resolveEndpoints,
  RetryPolicy,
  summarizeQualification,
} from '../../../web/coaching-widget/logic';

const stored = (id: string, text: string, requestId = 'run-1'): StoredHint => ({
  id,
  requestId,
  category: 'OBJECTION_HANDLING',
  text,
  status: 'SHOWN',
});

const ev = (e: Partial<HintEventMessage> & Pick<HintEventMessage, 'type'>): HintEventMessage => ({
  runId: 'run-1',
  index: 0,
  ...e,
});

describe('HintBoard', () => {
  test('deltas build the text; COMPLETED replaces it with the stored text and reports the completion', () => {
    const b = new HintBoard();
    b.apply(ev({ type: 'STARTED' }));
    b.apply(ev({ type: 'DELTA', delta: 'Ask about ' }));
    b.apply(ev({ type: 'DELTA', delta: 'the budget' }));
    expect(b.list()[0]).toMatchObject({
      text: 'Ask about the budget',
      phase: 'streaming',
      deltas: 2,
      id: null,
    });
    const done = b.apply(ev({ type: 'COMPLETED', hint: stored('h1', 'Ask about the budget.') }));
    expect(done.completed).toMatchObject({
      id: 'h1',
      text: 'Ask about the budget.',
      phase: 'complete',
      deltas: 2,
    });
    expect(b.list()).toHaveLength(1);
  });

  test('a repeated STARTED clears a hint (even a completed one) in place; FAILED withdraws it', () => {
    const b = new HintBoard();
    b.apply(ev({ type: 'STARTED', index: 0 }));
    b.apply(ev({ type: 'STARTED', index: 1 }));
    b.apply(ev({ type: 'COMPLETED', index: 0, hint: stored('h1', 'first') }));
    const replaced = b.apply(ev({ type: 'STARTED', index: 0 }));
    expect(replaced.changed).toEqual(['r:run-1:0']);
    expect(b.get('r:run-1:0')).toMatchObject({ text: '', phase: 'streaming', id: null });
    expect(b.list().map((v) => v.key)).toEqual(['r:run-1:0', 'r:run-1:1']);
    const failed = b.apply(ev({ type: 'FAILED', index: 1, error: 'SUPERSEDED' }));
    expect(failed.removed).toEqual(['r:run-1:1']);
    expect(b.list().map((v) => v.key)).toEqual(['r:run-1:0']);
  });

  test('a DELTA whose STARTED was missed is ignored; its COMPLETED still shows the hint', () => {
    const b = new HintBoard();
    expect(b.apply(ev({ type: 'DELTA', delta: 'lost' })).changed).toEqual([]);
    expect(b.list()).toEqual([]);
    b.apply(ev({ type: 'COMPLETED', hint: stored('h1', 'whole') }));
    expect(b.list()[0]).toMatchObject({ id: 'h1', text: 'whole' });
  });

  test("a catch-up lists the newest run first and each run's hints in the order they were made", () => {
    const b = new HintBoard();
    b.merge([stored('b1', 'b1', 'run-b'), stored('b0', 'b0', 'run-b'), stored('a0', 'a0', 'run-a')], false);
    expect(b.list().map((v) => v.id)).toEqual(['b0', 'b1', 'a0']);
  });

  test('a catch-up never duplicates a shown hint, drops broken streams, and a later COMPLETED updates the fetched copy in place', () => {
    const b = new HintBoard();
    b.apply(ev({ type: 'COMPLETED', runId: 'run-0', hint: stored('h0', 'old', 'run-0') }));
    b.apply(ev({ type: 'STARTED' }));
    b.apply(ev({ type: 'DELTA', delta: 'half' }));
    const merged = b.merge([stored('h1', 'done while offline'), stored('h0', 'old', 'run-0')], true);
    expect(merged.removed).toEqual(['r:run-1:0']);
    expect(merged.changed).toEqual(['h:h1']);
    expect(b.list().map((v) => v.id)).toEqual(['h0', 'h1']);
    const again = b.apply(ev({ type: 'COMPLETED', hint: stored('h1', 'done while offline') }));
    // the same node: a keyboard user's focus inside it stays where it was
    expect(again).toEqual({ changed: ['h:h1'], removed: [], completed: null });
    expect(
      b
        .list()
        .map((v) => v.id)
        .sort(),
    ).toEqual(['h0', 'h1']);
  });
  test('a rating made in the widget survives a replayed COMPLETED that still says SHOWN', () => {
    const b = new HintBoard();
    b.merge([stored('h1', 'Ask about the budget.')], false);
    b.setStatus('h:h1', 'DISMISSED');
    b.apply(ev({ type: 'COMPLETED', hint: stored('h1', 'Ask about the budget.') }));
    expect(b.list()).toEqual([expect.objectContaining({ key: 'h:h1', status: 'DISMISSED' })]);
    b.apply(
      ev({ type: 'COMPLETED', runId: 'run-2', hint: { ...stored('h2', 'x', 'run-2'), status: 'ACCEPTED' } }),
    );
    expect(b.get('r:run-2:0')?.status).toBe('ACCEPTED');
  });
});

describe('HintBoard since', () => {
  test('tracks the newest createdAt (what the widget passes as `since`); a replayed hint is not announced again', () => {
    const b = new HintBoard();
    expect(b.newestCreatedAt).toBeNull();
    b.merge([{ ...stored('h2', 'two'), createdAt: '2026-01-01T10:00:02.000Z' }], false);
    const live = b.apply(
      ev({ type: 'COMPLETED', hint: { ...stored('h3', 'three'), createdAt: '2026-01-01T10:00:03.500Z' } }),
    );
    expect(live.completed?.id).toBe('h3');
    b.merge([{ ...stored('h1', 'one'), createdAt: '2026-01-01T10:00:01.000Z' }], false);
    expect(b.newestCreatedAt).toBe('2026-01-01T10:00:03.500Z');
    const replayed = b.apply(
      ev({ type: 'COMPLETED', hint: { ...stored('h3', 'three'), createdAt: '2026-01-01T10:00:03.500Z' } }),
    );
    expect(replayed.completed).toBeNull();
    expect(b.list().filter((v) => v.id === 'h3')).toHaveLength(1);
  });
});

describe('widget rules', () => {
  test('the API defaults to /graphql on the script origin, ws or wss alike', () => {
    expect(
      resolveEndpoints(null, 'https://api.example.com/widget/coaching-widget.js', 'https://crm.test/x'),
    ).toEqual({ http: 'https://api.example.com/graphql', ws: 'wss://api.example.com/graphql' });
    expect(resolveEndpoints('/api/graphql', null, 'http://localhost:4000/page')).toEqual({
      http: 'http://localhost:4000/api/graphql',
      ws: 'ws://localhost:4000/api/graphql',
    });
  });

  test('a JWT goes as a bearer token, anything else as an API key', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';
    expect(credentialHeaders(jwt)).toEqual({ authorization: `Bearer ${jwt}` });
    expect(credentialHeaders(`Bearer ${jwt}`)).toEqual({ authorization: `Bearer ${jwt}` });
    expect(connectionParams('cpk_ab12_secret')).toEqual({ 'x-api-key': 'cpk_ab12_secret' });
  });

  test('backoff doubles from 0.5–1 s with jitter, capped at 30 s; only 4401/4403 stop retrying', () => {
    expect([backoffMs(0, 0), backoffMs(0, 0.999)]).toEqual([500, 1000]);
    expect([backoffMs(3, 0), backoffMs(3, 0.5)]).toEqual([4000, 6000]);
    expect(backoffMs(20, 0.999)).toBeLessThanOrEqual(30_000);
    expect([4401, 4403, 1006, 4500].map(isAuthClose)).toEqual([true, true, false, false]);
  });

  test('brand text is white or black, whichever reads better: always 4.5:1 or more', () => {
    for (const bg of ['#0b6e4f', '#ffd400', '#1f4e79', '#e91e63', '#777777']) {
      const fg = readableTextOn(normalizeHex(bg)!);
      expect(contrastRatio(bg, fg)).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableTextOn('#ffd400')).toBe('#000000');
    expect(normalizeHex('#ABC')).toBe('#aabbcc');
    expect(normalizeHex('red')).toBeNull();
  });

  test("qualification: the API's score and missing slots, never a count of slots that do not apply", () => {
    expect(summarizeQualification(null)).toBeNull();
    // a listing agent's session: the lead gave buyer facts (budget, pre-approval, bedrooms) that do not
    // apply to the role; the API scores 0 with its 5 slots missing, and so does the widget
    const listing = summarizeQualification({
      score: 0,
      missing: ['timelineMonths', 'priceExpectation', 'motivation', 'propertyType', 'areas'],
      nextQuestion: 'When would you like to have the home sold?',
      slots: { budget: 450000, preApproved: true, bedrooms: 3, areas: [], timelineMonths: null },
    })!;
    expect(listing).toEqual({
      score: 0,
      missing: 5,
      nextQuestion: 'When would you like to have the home sold?',
    });
    expect(qualificationText(listing)).toBe('Qualification: 0% · 5 slots to ask about');
    expect(qualificationText({ score: 100, missing: 0, nextQuestion: null })).toBe(
      'Qualification: 100% · nothing left to ask',
    );
    expect(qualificationText({ score: 80, missing: 1, nextQuestion: null })).toBe(
      'Qualification: 80% · 1 slot to ask about',
    );
  });
});

describe('RetryPolicy', () => {
  const waits = (p: RetryPolicy, code: string, n: number, retryAfterSeconds?: number) =>
    Array.from({ length: n }, () => {
      const d = p.decide({ code, retryAfterSeconds }, 0);
      return 'waitMs' in d ? d.waitMs : d.stop;
    });

  test('a malformed request or a refused credential stops at once; NOT_FOUND after 3 tries', () => {
    expect(new RetryPolicy().decide({ code: 'BAD_USER_INPUT' }, 0.5)).toEqual({ stop: 'input' });
    expect(new RetryPolicy().decide({ code: 'FORBIDDEN' }, 0.5)).toEqual({ stop: 'credential' });
    expect(new RetryPolicy().decide({ code: 'UNAUTHENTICATED' }, 0.5)).toEqual({ stop: 'credential' });
    expect(waits(new RetryPolicy(), 'NOT_FOUND', 4)).toEqual([500, 1000, 2000, 'not-found']);
  });

  test('the wait keeps growing across connects that fail at once, until the subscription proves healthy', () => {
    const p = new RetryPolicy();
    // nothing but healthy() resets it: a socket that connects and is refused right away backs off further
    expect(waits(p, 'INTERNAL_SERVER_ERROR', 7)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
    p.healthy();
    expect(waits(p, 'NETWORK', 2)).toEqual([500, 1000]);
  });

  test('RATE_LIMITED waits what the API asks (plus jitter), or backs off exponentially without a hint', () => {
    const p = new RetryPolicy();
    expect(waits(p, 'RATE_LIMITED', 2, 42)).toEqual([42000, 42000]);
    expect(p.decide({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }, 0.999)).toEqual({ waitMs: 42999 });
    expect(waits(new RetryPolicy(), 'RATE_LIMITED', 4)).toEqual([500, 1000, 2000, 4000]);
    // the backoff wins when it is already longer than what the API asks
    const grown = new RetryPolicy();
    waits(grown, 'NETWORK', 6);
    expect(grown.decide({ code: 'RATE_LIMITED', retryAfterSeconds: 1 }, 0)).toEqual({ waitMs: 15000 });
  });

  test('a subscription whose service restarted is resumed after the wait the gateway suggests, never given up', () => {
    const p = new RetryPolicy();
    // the gateway's SUBSCRIPTION_UPSTREAM_CLOSED carries retryAfterSeconds: 1 (gateway/plugins/use-subscription-upstream-end.ts)
    expect(waits(p, 'SUBSCRIPTION_UPSTREAM_CLOSED', 3, 1)).toEqual([1000, 1000, 2000]);
    expect(waits(p, 'SUBSCRIPTION_UPSTREAM_CLOSED', 5)).toEqual([4000, 8000, 15000, 15000, 15000]);
  });
});
