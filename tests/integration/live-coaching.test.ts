/**
 * The live coaching path end to end through the gateway: a widget subscribes to `coachingHints` over
 * graphql-ws on the gateway, a signed GoHighLevel webhook (or a partner app's mutation) brings the lead's
 * message, and streamed hints arrive whose `session { agent { … } }` the gateway resolves from the agents
 * subgraph. Another tenant's principal cannot subscribe; forged, stale and duplicate webhooks are refused.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { demoAgents } from '../../bin/demo-plan';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

interface HintEvent {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  index: number;
  delta: string | null;
  error: string | null;
  hint: {
    id: string;
    text: string;
    category: string;
    session: { id: string; agent: { name: string; role: string } };
  } | null;
}

const SUBSCRIPTION = `subscription ($sessionId: ID!) {
  coachingHints(sessionId: $sessionId) {
    type index delta error
    hint { id text category session { id agent { name role } } }
  }
}`;

function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

function client(t: TestPlatform, apiKey: string): Client {
  return createClient({
    url: wsUrl(t.url),
    webSocketImpl: WebSocket,
    connectionParams: { 'x-api-key': apiKey },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and collects events until a COMPLETED (or FAILED) for every started hint, or the timeout. */
function collectRun(c: Client, sessionId: string, timeoutMs = 15_000) {
  const events: HintEvent[] = [];
  let settle: (v: HintEvent[]) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<HintEvent[]>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const timer = setTimeout(
    () => fail(new Error(`timed out; got ${JSON.stringify(events.map((e) => e.type))}`)),
    timeoutMs,
  );
  const started = new Set<number>();
  const finished = new Set<number>();
  const unsubscribe = c.subscribe<{ coachingHints: HintEvent }>(
    { query: SUBSCRIPTION, variables: { sessionId } },
    {
      next: (msg) => {
        if (msg.errors) {
          clearTimeout(timer);
          fail(Object.assign(new Error(msg.errors[0]!.message), { errors: msg.errors }));
          return;
        }
        const e = msg.data!.coachingHints;
        events.push(e);
        if (e.type === 'STARTED') started.add(e.index);
        if (e.type === 'COMPLETED' || e.type === 'FAILED') finished.add(e.index);
        // every hint started so far has ended: what the tests check has arrived (no guessing at trailing hints)
        if ((e.type === 'COMPLETED' || e.type === 'FAILED') && [...started].every((i) => finished.has(i))) {
          clearTimeout(timer);
          settle(events);
        }
      },
      error: (err) => {
        clearTimeout(timer);
        fail(err);
      },
      complete: () => undefined,
    },
  );
  return { done, unsubscribe };
}

/** graphql-ws `subscribe` resolves its first message only after the server accepted the subscription. */
async function subscribed(c: Client, sessionId: string) {
  // A round trip on the same socket guarantees the subscribe message was processed before we mutate.
  const run = collectRun(c, sessionId);
  await new Promise((r) => setTimeout(r, 300));
  return run;
}

function signedBody(body: Record<string, unknown>, key: KeyObject): { raw: Buffer; signature: string } {
  const raw = Buffer.from(JSON.stringify(body));
  return { raw, signature: sign(null, raw, key).toString('base64') };
}

describeEachDb('live coaching through the gateway (%s)', (kind) => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let t: TestPlatform;
  const agent = demoAgents('acme')[0]!;
  const ghlUserId = 'ghl-user-maya';
  let sessionId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestPlatform(kind, {
      GHL_ED25519_PUBLIC_KEY: pem,
      QUERY_PLANNER: process.env['QP'] ?? 'rust',
    });
    const upd = await t.gql(
      'mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }',
      { id: agent.id, input: { ghlUserId } },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(upd.errors).toBeUndefined();
    const started = await t.gql<{ startAgentSession: { id: string } }>(
      'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
      { input: { agentId: agent.id, contactId: 'ghl-contact-e2e', channel: 'SMS' } },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(started.errors).toBeUndefined();
    sessionId = started.data!.startAgentSession.id;
    // coaching learns the session and the agent's GHL id from events; wait until it knows the session
    await eventually(
      async () => {
        const r = await t.gql<{ agentSession: { turns: unknown[] } | null }>(
          'query ($id: ID!) { agentSession(id: $id) { turns { id } } }',
          { id: sessionId },
          { 'x-api-key': t.apiKeys.acme },
        );
        return !r.errors && !!r.data?.agentSession;
      },
      { timeoutMs: 10_000, what: 'coaching to know the session' },
    );
    // no event tells when coaching's read model has the agent's GHL id (part 2 of issue 7 makes it wait for it)
    await new Promise((res) => setTimeout(res, 500));
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  });

  function newClient(apiKey: string): Client {
    const c = client(t, apiKey);
    clients.push(c);
    return c;
  }

  test('a partner app adds the lead turn; hints stream to the widget with the agent resolved from the agents subgraph', async () => {
    const c = newClient(t.apiKeys.acme);
    const run = await subscribed(c, sessionId);
    const add = await t.gql(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id speaker } }',
      {
        input: {
          sessionId,
          speaker: 'LEAD',
          text: "Honestly the list price feels way too high, we're pre-approved for 450k max",
        },
      },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(add.errors).toBeUndefined();
    const events = await run.done;
    run.unsubscribe();
    expect(events[0]!.type).toBe('STARTED');
    expect(events.some((e) => e.type === 'DELTA' && (e.delta ?? '').length > 0)).toBe(true);
    const completed = events.filter((e) => e.type === 'COMPLETED');
    expect(completed.length).toBeGreaterThan(0);
    const first = completed[0]!.hint!;
    expect(first.category).toBe('OBJECTION_HANDLING');
    expect(first.session.id).toBe(sessionId);
    expect(first.session.agent).toEqual({ name: agent.name, role: agent.role });
    // the streamed deltas of hint 0 reassemble to its final text
    const idx0 = events.filter((e) => e.index === 0);
    const lastStart = idx0.map((e) => e.type).lastIndexOf('STARTED');
    const text = idx0
      .slice(lastStart)
      .filter((e) => e.type === 'DELTA')
      .map((e) => e.delta)
      .join('');
    expect(text).toBe(first.text);
  });

  test('a signed GoHighLevel InboundMessage posted to the gateway streams hints to the subscriber', async () => {
    const c = newClient(t.apiKeys.acme);
    const run = await subscribed(c, sessionId);
    const { raw, signature } = signedBody(
      {
        type: 'InboundMessage',
        webhookId: randomUUID(),
        timestamp: new Date().toISOString(),
        locationId: 'ghl-acme-austin',
        contactId: 'ghl-contact-e2e',
        userId: ghlUserId,
        messageId: `msg-${randomUUID()}`,
        body: 'We are just looking for now, maybe next spring. Any 3 bedroom condos in Round Rock?',
      },
      privateKey,
    );
    const res = await fetch(new URL('/webhooks/ghl', t.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ghl-signature': signature },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(202);
    const events = await run.done;
    run.unsubscribe();
    const completed = events.filter((e) => e.type === 'COMPLETED');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed[0]!.hint!.session.agent.name).toBe(agent.name);
    const turns = await t.gql<{ agentSession: { turns: { text: string; source: string }[] } }>(
      'query ($id: ID!) { agentSession(id: $id) { turns { text source } } }',
      { id: sessionId },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(
      turns.data!.agentSession.turns.some((x) => x.source === 'GHL' && x.text.includes('Round Rock')),
    ).toBe(true);
  });

  test('forged, stale and duplicate webhooks through the gateway store nothing new', async () => {
    const turnTexts = async () =>
      (
        await t.gql<{ agentSession: { turns: { text: string }[] } }>(
          'query ($id: ID!) { agentSession(id: $id) { turns(last: 100) { text } } }',
          { id: sessionId },
          { 'x-api-key': t.apiKeys.acme },
        )
      ).data!.agentSession.turns.map((x) => x.text);
    const before = (await turnTexts()).length;
    const base = {
      type: 'InboundMessage',
      locationId: 'ghl-acme-austin',
      contactId: 'ghl-contact-e2e',
      userId: ghlUserId,
      body: 'forged?',
    };
    const post = (raw: Buffer, signature?: string) =>
      fetch(new URL('/webhooks/ghl', t.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-ghl-signature': signature } : {}),
        },
        body: new Uint8Array(raw),
      });
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = signedBody(
      { ...base, webhookId: randomUUID(), timestamp: new Date().toISOString() },
      other,
    );
    expect((await post(forged.raw, forged.signature)).status).toBe(401);
    const unsigned = Buffer.from(
      JSON.stringify({ ...base, webhookId: randomUUID(), timestamp: new Date().toISOString() }),
    );
    expect((await post(unsigned)).status).toBe(401);
    const good = signedBody(
      { ...base, webhookId: randomUUID(), timestamp: new Date().toISOString() },
      privateKey,
    );
    const tampered = Buffer.from(good.raw.toString().replace('forged?', 'tampered'));
    expect((await post(tampered, good.signature)).status).toBe(401);
    const stale = signedBody(
      { ...base, webhookId: randomUUID(), timestamp: new Date(Date.now() - 600_000).toISOString() },
      privateKey,
    );
    expect([400, 401]).toContain((await post(stale.raw, stale.signature)).status);
    const dupId = randomUUID();
    const first = signedBody(
      {
        ...base,
        body: 'duplicate delivery',
        messageId: `m-${dupId}`,
        webhookId: dupId,
        timestamp: new Date().toISOString(),
      },
      privateKey,
    );
    expect((await post(first.raw, first.signature)).status).toBe(202);
    const again = await post(first.raw, first.signature);
    expect(again.status).toBe(200);
    // a marker delivery after the duplicate: once it is stored, the deliveries before it have been processed
    const markerId = randomUUID();
    const marker = signedBody(
      {
        ...base,
        body: 'marker delivery',
        messageId: `m-${markerId}`,
        webhookId: markerId,
        timestamp: new Date().toISOString(),
      },
      privateKey,
    );
    expect((await post(marker.raw, marker.signature)).status).toBe(202);
    const stored = await eventually(
      async () => {
        const texts = await turnTexts();
        return texts.includes('marker delivery') && texts;
      },
      { timeoutMs: 10_000, what: 'the marker delivery to be stored' },
    );
    expect(stored.filter((x) => x === 'duplicate delivery')).toHaveLength(1);
    expect(stored.filter((x) => x === 'forged?')).toHaveLength(0);
    expect(stored).toHaveLength(before + 2);
  });

  test('a principal of another tenant cannot subscribe to the session', async () => {
    const c = newClient(t.apiKeys.summit);
    const run = collectRun(c, sessionId, 5_000);
    await expect(run.done).rejects.toMatchObject({ message: expect.stringMatching(/not found/i) });
  });

  test('an unknown API key cannot open a WebSocket connection', async () => {
    const c = newClient('cpk_00000000_thisisnotarealkeyforsure');
    const run = collectRun(c, sessionId, 5_000);
    await expect(run.done).rejects.toBeTruthy();
  });
});
