/**
 * Conversation state through the gateway (issue 10, part 1): the stage coaching detects reaches
 * `AgentSession.stage` (agents owns it) and `sessionUpdated`; an ended session refuses turns and coaching
 * with CONFLICT / SESSION_ENDED, and a GoHighLevel message for it never becomes its turn or hint; every
 * turn carries intent, sentiment and objection type; every hint carries a next-best action.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { demoAgents } from '../../bin/demo-plan';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { endSession, LiveSession, startSession } from '../helpers/live-session';
import { start as startFakeAnthropic, GENERIC_HINTS, type FakeAnthropic } from '../fixtures/fake-anthropic';

describeEachDb('conversation state through the gateway (%s)', (kind) => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  let t: TestPlatform;
  const agent = demoAgents('acme')[0]!;
  const ghlUserId = 'ghl-user-state';
  const live: LiveSession[] = [];

  beforeAll(async () => {
    t = await startTestPlatform(kind, {
      GHL_ED25519_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    const upd = await t.gql(
      'mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }',
      { id: agent.id, input: { ghlUserId } },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(upd.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    for (const s of live) await s.close();
    await t?.close();
  });

  async function open(contactId: string): Promise<LiveSession> {
    const id = await startSession(t, t.apiKeys.acme, agent.id, contactId);
    const s = await LiveSession.open(t, t.apiKeys.acme, id);
    live.push(s);
    return s;
  }

  const stageOf = async (id: string) =>
    (
      await t.gql<{ agentSession: { stage: string } }>(
        'query ($id: ID!) { agentSession(id: $id) { stage } }',
        { id },
        {
          'x-api-key': t.apiKeys.acme,
        },
      )
    ).data?.agentSession.stage;

  test('the detected stage (SHOWING) reaches sessionUpdated and AgentSession.stage', async () => {
    const s = await open(`c-stage-${randomUUID()}`);
    expect(await stageOf(s.sessionId)).toBe('INITIAL_CONTACT');
    const add = await s.addTurn('LEAD', 'Can we schedule a showing on Saturday at 10am?');
    expect(add.errors).toBeUndefined();
    const update = await s.until(
      () => s.updates.find((u) => u.update.stage === 'SHOWING')?.update,
      'sessionUpdated with SHOWING',
    );
    expect(update).toEqual({ sessionId: s.sessionId, stage: 'SHOWING', ended: false });
    // agents applies coaching's coaching.session.stage_detected: the owner's field follows
    await eventually(async () => (await stageOf(s.sessionId)) === 'SHOWING', {
      timeoutMs: 10_000,
      what: 'AgentSession.stage to become SHOWING',
    });
  });

  test('an ended session refuses turns and coaching with SESSION_ENDED; subscribers are told', async () => {
    const s = await open(`c-end-${randomUUID()}`);
    expect((await s.addTurn('LEAD', 'Hi, we are looking for a 3 bedroom home')).errors).toBeUndefined();
    await endSession(t, t.apiKeys.acme, s.sessionId);
    await s.until(() => s.updates.find((u) => u.update.ended)?.update, 'sessionUpdated with ended');
    const before = s.hints.length;
    const turn = await s.addTurn('LEAD', 'Actually the price is way too high for us');
    expect(turn.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SESSION_ENDED' });
    const coach = await t.gql(
      'mutation ($id: ID!) { requestCoaching(sessionId: $id, question: "what now?") { id } }',
      { id: s.sessionId },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(coach.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SESSION_ENDED' });
    const turns = await t.gql<{ agentSession: { turns: { text: string }[] } }>(
      'query ($id: ID!) { agentSession(id: $id) { turns { text } } }',
      { id: s.sessionId },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(turns.data!.agentSession.turns.map((x) => x.text)).toEqual([
      'Hi, we are looking for a 3 bedroom home',
    ]);
    expect(s.hints.slice(before).filter((h) => h.event.type !== 'FAILED')).toEqual([]);
  });

  test('a GoHighLevel message for an ended session is no turn or hint of it: it opens a new session', async () => {
    const contactId = `ghl-c-end-${randomUUID()}`;
    const s = await open(contactId);
    expect((await s.addTurn('LEAD', 'Hello, is the condo on 5th still available?')).errors).toBeUndefined();
    await endSession(t, t.apiKeys.acme, s.sessionId);
    await s.until(() => s.updates.find((u) => u.update.ended)?.update, 'sessionUpdated with ended');
    const hintsBefore = s.hints.length;
    const raw = Buffer.from(
      JSON.stringify({
        type: 'InboundMessage',
        webhookId: randomUUID(),
        timestamp: new Date().toISOString(),
        locationId: 'ghl-acme-austin',
        contactId,
        userId: ghlUserId,
        messageId: `msg-${randomUUID()}`,
        body: 'The price feels way too high, can you get them down?',
      }),
    );
    const res = await fetch(new URL('/webhooks/ghl', t.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ghl-signature': sign(null, raw, privateKey).toString('base64'),
      },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(202);
    // the message lands in a new session agents opens for the contact
    const newSession = await eventually(
      async () => {
        const r = await t.gql<{
          agentSessions: { edges: { node: { id: string; active: boolean; turns: { text: string }[] } }[] };
        }>(
          'query ($f: AgentSessionFilter) { agentSessions(first: 100, filter: $f) { edges { node { id active turns { text } } } } }',
          { f: { contactId } },
          { 'x-api-key': t.apiKeys.acme },
        );
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        return (
          r
            .data!.agentSessions.edges.map((e) => e.node)
            .find((n) => n.id !== s.sessionId && n.turns.some((x) => x.text.includes('way too high'))) ??
          false
        );
      },
      { timeoutMs: 15_000, what: 'the message in a new session' },
    );
    expect(newSession.active).toBe(true);
    const old = await t.gql<{ agentSession: { turns: { text: string }[] } }>(
      'query ($id: ID!) { agentSession(id: $id) { turns { text } } }',
      { id: s.sessionId },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(old.data!.agentSession.turns.map((x) => x.text)).toEqual([
      'Hello, is the condo on 5th still available?',
    ]);
    expect(s.hints.slice(hintsBefore).filter((h) => h.event.type !== 'FAILED')).toEqual([]);
  });

  test('every turn carries intent, sentiment and objection type; every hint a next-best action', async () => {
    const s = await open(`c-signals-${randomUUID()}`);
    const lines: ['LEAD' | 'AGENT', string][] = [
      ['LEAD', "Honestly the list price feels way too high, we're pre-approved for 450k max"],
      ['AGENT', 'I understand. Would you like me to pull recent comparable sales?'],
      ['LEAD', 'Yes please, sounds great! Can we schedule a showing on Saturday?'],
    ];
    for (const [speaker, text] of lines) expect((await s.addTurn(speaker, text)).errors).toBeUndefined();
    const r = await t.gql<{
      agentSession: {
        turns: { speaker: string; intent: string; sentiment: string; objectionType: string | null }[];
      };
    }>(
      'query ($id: ID!) { agentSession(id: $id) { turns { speaker intent sentiment objectionType } } }',
      { id: s.sessionId },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.agentSession.turns).toEqual([
      { speaker: 'LEAD', intent: 'OBJECTION', sentiment: 'NEGATIVE', objectionType: 'PRICE' },
      { speaker: 'AGENT', intent: 'PROPOSAL', sentiment: 'NEUTRAL', objectionType: null },
      { speaker: 'LEAD', intent: 'BUYING_SIGNAL', sentiment: 'POSITIVE', objectionType: null },
    ]);
    // both lead turns were coached; every hint of theirs (and any pushed unasked) has an action
    await s.until(() => (s.completed().length >= 2 ? true : undefined), 'hints of both lead turns');
    for (const h of s.completed()) expect(h.nextBestAction.trim().length).toBeGreaterThan(0);
    const stored = await t.gql<{ agentSession: { hints: { nextBestAction: string; category: string }[] } }>(
      'query ($id: ID!) { agentSession(id: $id) { hints { nextBestAction category } } }',
      { id: s.sessionId },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(stored.errors).toBeUndefined();
    const price = stored.data!.agentSession.hints.find((h) => h.category === 'OBJECTION_HANDLING');
    expect(price?.nextBestAction).toMatch(/comparable sales/);
  });
});

describeEachDb('a coaching run when its session ends (%s)', (kind) => {
  let fake: FakeAnthropic;
  let t: TestPlatform;
  const live: LiveSession[] = [];
  const agent = demoAgents('acme')[0]!;

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    // the model answers 3 s after the request: the session ends while the run waits for it
    fake.setDefault({ delayMs: 3_000, then: { hints: GENERIC_HINTS } });
    // every live turn to the (fake) model: this test is about that path
    t = await startTestPlatform(kind, {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1',
    });
  }, 120_000);

  afterAll(async () => {
    for (const s of live) await s.close();
    await t?.close();
    await fake?.close();
  });

  test('hints of the model carry a next-best action too', async () => {
    const id = await startSession(t, t.apiKeys.acme, agent.id, `c-model-${randomUUID()}`);
    const s = await LiveSession.open(t, t.apiKeys.acme, id);
    live.push(s);
    expect((await s.addTurn('LEAD', 'The price seems way too high for that street')).errors).toBeUndefined();
    await s.until(() => s.completed()[0], 'a model hint');
    const stored = await t.gql<{ agentSession: { hints: { model: string; nextBestAction: string }[] } }>(
      'query ($id: ID!) { agentSession(id: $id) { hints { model nextBestAction } } }',
      { id },
      { 'x-api-key': t.apiKeys.acme },
    );
    const hints = stored.data!.agentSession.hints;
    expect(hints.length).toBeGreaterThan(0);
    for (const h of hints) {
      expect(h.model).not.toMatch(/offline/);
      expect(h.nextBestAction.trim().length).toBeGreaterThan(0);
    }
    for (const h of s.completed()) expect(h.nextBestAction.trim().length).toBeGreaterThan(0);
  });

  test('a run in flight when the session ends delivers no hint after the end; it is withdrawn', async () => {
    const id = await startSession(t, t.apiKeys.acme, agent.id, `c-inflight-${randomUUID()}`);
    const s = await LiveSession.open(t, t.apiKeys.acme, id);
    live.push(s);
    const requests = fake.count;
    expect(
      (await s.addTurn('LEAD', 'Can you tell me more about the Elm street listing?')).errors,
    ).toBeUndefined();
    await eventually(() => fake.count > requests, { what: 'the model request' });
    await endSession(t, t.apiKeys.acme, id);
    const endedAt = await s.until(
      () => s.updates.find((u) => u.update.ended)?.at,
      'sessionUpdated with ended',
    );
    const failed = await s.until(
      () => s.hints.find((h) => h.event.type === 'FAILED' && h.event.error === 'SESSION_ENDED'),
      'the run withdrawn with SESSION_ENDED',
    );
    expect(failed.at).toBeGreaterThanOrEqual(endedAt);
    // nothing but withdrawals after the end, and nothing stored
    expect(s.hints.filter((h) => h.at >= endedAt && h.event.type !== 'FAILED')).toEqual([]);
    expect(s.completed()).toEqual([]);
    const stored = await t.gql<{ agentSession: { hints: { id: string }[] } }>(
      'query ($id: ID!) { agentSession(id: $id) { hints { id } } }',
      { id },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(stored.data!.agentSession.hints).toEqual([]);
  });
});
