/**
 * The live coaching path through the subgraph's own HTTP and graphql-ws endpoints: read models fed by
 * events, a LEAD turn streamed as STARTED/DELTA/COMPLETED hint events, stored hints and qualification,
 * delivered/feedback events, requestCoaching, history pagination and the engine-failure path.
 */
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { MemberRole, type HintDeliveredPayload, type HintFeedbackPayload } from '../../../core/vocabulary';
import { sessionChannel } from '../../../subgraphs/coaching';
import type { CoachingEngine } from '../../../subgraphs/coaching/engine/types';
import {
  feedReadModels,
  fixture,
  startCoaching,
  subscribe,
  waitFor,
  waitForSubscribers,
  wsClient,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';
import {
  ADD_TURN,
  agentRep,
  HINT_BY_ID,
  HINTS_SUB,
  HISTORY,
  RATE,
  REQUEST,
  SESSION_FIELDS,
  SESSION_SUB,
  sessionRep,
  type HintEventView,
  type SessionFieldsView,
} from './support/operations';

const LEAD_TEXT =
  "We're pre-approved for about $450k and need 3 bedrooms in Austin, but honestly your commission seems high.";

/** Per hint index: STARTED first, then DELTAs, then COMPLETED; returns the completed events. */
function expectOrdered(events: HintEventView[], runId: string): HintEventView[] {
  const mine = events.filter((e) => e.runId === runId);
  const byIndex = new Map<number, string[]>();
  for (const e of mine) byIndex.set(e.index, [...(byIndex.get(e.index) ?? []), e.type]);
  expect(byIndex.size).toBeGreaterThan(0);
  for (const types of byIndex.values()) {
    expect(types[0]).toBe('STARTED');
    expect(types[types.length - 1]).toBe('COMPLETED');
    expect(types.filter((t) => t === 'STARTED')).toHaveLength(1);
    expect(types.slice(1, -1).every((t) => t === 'DELTA')).toBe(true);
  }
  return mine.filter((e) => e.type === 'COMPLETED');
}

describeEachDb('live coaching (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  const owner = () => principal({ tenantId: f.tenantId, apiKeyId: 'key-1', partnerAppId: 'app-1' });

  beforeAll(async () => {
    h = await startCoaching(kind);
    f = fixture();
    await feedReadModels(h, f);
  });
  afterAll(async () => {
    await h.close();
  });

  it('streams a LEAD turn as STARTED/DELTA/COMPLETED hint events and stores the hints', async () => {
    const client = wsClient(h.wsUrl, await h.codec.sign(owner()));
    const hints = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
    const updates = subscribe<{ sessionId: string; qualification: { score: number } | null }>(
      client,
      SESSION_SUB,
      { s: f.sessionId },
      'sessionUpdated',
    );
    await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId), 2);

    const res = await h.exec<{ addConversationTurn: { speaker: string; source: string; sessionId: string } }>(
      owner(),
      ADD_TURN,
      {
        input: { sessionId: f.sessionId, speaker: 'LEAD', text: LEAD_TEXT },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.addConversationTurn).toMatchObject({
      speaker: 'LEAD',
      source: 'API',
      sessionId: f.sessionId,
    });

    await h.settle();
    const stored = await h.exec<SessionFieldsView>(owner(), SESSION_FIELDS, {
      ...sessionRep(f.sessionId),
      last: 10,
    });
    expect(stored.errors).toBeUndefined();
    const session = stored.data!._entities[0]!;
    expect(session.turns.map((t) => t.text)).toEqual([LEAD_TEXT]);
    expect(session.hints.length).toBeGreaterThan(0);
    expect(session.hints.every((x) => x.status === 'SHOWN')).toBe(true);
    expect(session.qualification?.score).toBeGreaterThan(0);
    expect(session.qualification?.slots.bedrooms).toBe(3);

    const runId = session.hints[0]!.requestId;
    const events = await hints.until(
      (items) => items.filter((e) => e.type === 'COMPLETED').length === session.hints.length,
    );
    expect(events[0]?.type).toBe('STARTED');
    const completed = expectOrdered(events, runId);
    expect(completed.map((e) => e.hint!.id).sort()).toEqual(session.hints.map((x) => x.id).sort());
    expect(completed[0]!.hint).toMatchObject({
      status: 'SHOWN',
      sessionId: f.sessionId,
      session: { id: f.sessionId },
    });
    expect(events.some((e) => e.type === 'DELTA' && (e.delta ?? '').length > 0)).toBe(true);

    await updates.until((items) => items.some((u) => (u.qualification?.score ?? 0) > 0));

    const delivered = h.published.filter((e) => e.type === 'coaching.hint.delivered');
    expect(delivered).toHaveLength(session.hints.length);
    expect(delivered[0]!.tenantId).toBe(f.tenantId);
    expect(delivered[0]!.payload as HintDeliveredPayload).toMatchObject({
      sessionId: f.sessionId,
      agentId: f.agentId,
      locationId: f.locationId,
      apiKeyId: 'key-1',
      partnerAppId: 'app-1',
    });
    expect(h.published.some((e) => e.type === 'coaching.qualification.updated')).toBe(true);
    hints.dispose();
    updates.dispose();
    await client.dispose();
    await waitFor(() => h.pubsub.subscriberCount(sessionChannel(f.tenantId, f.sessionId)) === 0);
  });

  it('rateHint stores the verdict and publishes coaching.hint.feedback once per verdict', async () => {
    const stored = await h.exec<SessionFieldsView>(owner(), SESSION_FIELDS, sessionRep(f.sessionId));
    const hintId = stored.data!._entities[0]!.hints[0]!.id;
    const before = h.published.filter((e) => e.type === 'coaching.hint.feedback').length;
    const res = await h.exec<{ rateHint: { status: string; feedbackComment: string } }>(owner(), RATE, {
      id: hintId,
      v: 'ACCEPTED',
      c: 'used it',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.rateHint).toMatchObject({ status: 'ACCEPTED', feedbackComment: 'used it' });
    await h.exec(owner(), RATE, { id: hintId, v: 'ACCEPTED', c: 'used it' });
    await h.settle();
    const feedback = h.published.filter((e) => e.type === 'coaching.hint.feedback').slice(before);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]!.payload as HintFeedbackPayload).toEqual({
      hintId,
      sessionId: f.sessionId,
      agentId: f.agentId,
      verdict: 'ACCEPTED',
    });

    const bad = await h.exec(owner(), RATE, { id: 'no-such-hint', v: 'DISMISSED' });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('requestCoaching returns a running CoachingRun whose hints arrive on the subscription', async () => {
    const client = wsClient(h.wsUrl, await h.codec.sign(owner()));
    const hints = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
    await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId));
    const res = await h.exec<{ requestCoaching: { id: string; status: string; sessionId: string } }>(
      owner(),
      REQUEST,
      {
        s: f.sessionId,
        q: 'How do I answer the commission question?',
        k: 'DEEP',
      },
    );
    expect(res.errors).toBeUndefined();
    const run = res.data!.requestCoaching;
    expect(run).toMatchObject({ status: 'RUNNING', sessionId: f.sessionId });
    await h.settle();
    // A DEEP run may store several hints; wait until every stored one has been completed on the wire.
    const stored = await h.exec<{ _entities: { hints: { id: string; requestId: string | null }[] }[] }>(
      owner(),
      SESSION_FIELDS,
      sessionRep(f.sessionId),
    );
    const runHints = stored.data!._entities[0]!.hints.filter((x) => x.requestId === run.id);
    expect(runHints.length).toBeGreaterThan(0);
    const events = await hints.until((items) =>
      runHints.every((x) => items.some((e) => e.type === 'COMPLETED' && e.hint?.id === x.id)),
    );
    expect(expectOrdered(hints.items, run.id).every((e) => e.hint!.requestId === run.id)).toBe(true);
    expect(events.every((e) => e.type !== 'FAILED')).toBe(true);
    hints.dispose();
    await client.dispose();
  });

  it('pages an agent coaching history and resolves a hint by id', async () => {
    const first = await h.exec<{
      _entities: {
        coachingHistory: {
          edges: { cursor: string; node: { id: string; agentId: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }[];
    }>(owner(), HISTORY, { ...agentRep(f.agentId), first: 1 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!._entities[0]!.coachingHistory;
    expect(page1.edges).toHaveLength(1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await h.exec<typeof first.data & object>(owner(), HISTORY, {
      ...agentRep(f.agentId),
      first: 100,
      after: page1.pageInfo.endCursor,
    });
    const page2 = second.data!._entities[0]!.coachingHistory;
    expect(page2.edges.length).toBeGreaterThan(0);
    expect(page2.edges.map((e) => e.node.id)).not.toContain(page1.edges[0]!.node.id);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const other = await h.exec<typeof first.data & object>(
      principal({ tenantId: f.tenantId, role: MemberRole.AGENT, agentId: f.otherAgentId }),
      HISTORY,
      agentRep(f.agentId),
    );
    expect(other.data!._entities[0]!.coachingHistory.edges).toHaveLength(0);

    const bad = await h.exec(owner(), HISTORY, { ...agentRep(f.agentId), after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const byId = await h.exec<{ coachingHint: { id: string; session: { id: string } } | null }>(
      owner(),
      HINT_BY_ID,
      { id: page1.edges[0]!.node.id },
    );
    expect(byId.data?.coachingHint).toMatchObject({
      id: page1.edges[0]!.node.id,
      session: { id: f.sessionId },
    });
  });

  it('does not coach AGENT turns or LEAD turns with coach: false', async () => {
    const before = (await h.exec<SessionFieldsView>(owner(), SESSION_FIELDS, sessionRep(f.sessionId))).data!
      ._entities[0]!.hints.length;
    for (const input of [
      { sessionId: f.sessionId, speaker: 'AGENT', text: 'Happy to walk you through how my fee works.' },
      { sessionId: f.sessionId, speaker: 'LEAD', text: 'Ok, thanks.', coach: false },
    ]) {
      const res = await h.exec(owner(), ADD_TURN, { input });
      expect(res.errors).toBeUndefined();
    }
    await h.settle();
    const after = (
      await h.exec<SessionFieldsView>(owner(), SESSION_FIELDS, { ...sessionRep(f.sessionId), last: 2 })
    ).data!._entities[0]!;
    expect(after.hints.length).toBe(before);
    expect(after.turns.map((t) => t.speaker)).toEqual(['AGENT', 'LEAD']);
  });

  it('validates input and names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sessionId: f.sessionId, speaker: 'LEAD', text: 'x'.repeat(4001) }, 'input.text'],
      [{ sessionId: f.sessionId, speaker: 'LEAD', text: '   ' }, 'input.text'],
      [{ sessionId: '../etc', speaker: 'LEAD', text: 'hi' }, 'input.sessionId'],
    ];
    for (const [input, field] of cases) {
      const res = await h.exec(owner(), ADD_TURN, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const turns = await h.exec(owner(), SESSION_FIELDS, { ...sessionRep(f.sessionId), last: 0 });
    expect(turns.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    const question = await h.exec(owner(), REQUEST, { s: f.sessionId, q: 'q'.repeat(1001) });
    expect(question.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'question' });
  });
});

describe('live coaching: engine failure', () => {
  const failing: CoachingEngine = {
    async run(_req, onEvent) {
      onEvent?.({ type: 'started', index: 0 });
      onEvent?.({ type: 'delta', index: 0, text: 'Try ' });
      throw new Error('model exploded');
    },
  };

  it('publishes FAILED (masked code) and stores nothing; no unhandled rejection', async () => {
    const h = await startCoaching('sqlite', { engine: failing });
    const f = fixture();
    try {
      await feedReadModels(h, f);
      const p = principal({ tenantId: f.tenantId });
      const client = wsClient(h.wsUrl, await h.codec.sign(p));
      const hints = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
      await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId));
      const res = await h.exec(p, ADD_TURN, {
        input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'Is the price negotiable?' },
      });
      expect(res.errors).toBeUndefined();
      const events = await hints.until((items) => items.some((e) => e.type === 'FAILED'));
      expect(events.map((e) => e.type)).toEqual(['STARTED', 'DELTA', 'FAILED']);
      expect(events[2]).toMatchObject({ index: 0, error: 'INTERNAL_SERVER_ERROR' });
      await h.settle();
      const stored = await h.exec<SessionFieldsView>(p, SESSION_FIELDS, sessionRep(f.sessionId));
      expect(stored.data!._entities[0]!.hints).toHaveLength(0);
      expect(h.published.some((e) => e.type === 'coaching.hint.delivered')).toBe(false);
      hints.dispose();
      await client.dispose();
    } finally {
      await h.close();
    }
  });
});
