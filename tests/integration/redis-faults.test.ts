/**
 * Redis failing under a running platform (issue 12, "Faults"), against the real Redis and PostgreSQL:
 * - Redis restarted empty: every consumer group is gone. Consumers recreate their group (one warning each)
 *   and carry on: an event published afterwards is delivered, and a newly created agent reaches coaching.
 * - Redis down — refused connections, or a connection that hangs — behind a TCP proxy the test takes down
 *   (tests/helpers/tcp-proxy.ts; the shared Redis stays up): GraphQL keeps answering 200 with data in < 1 s
 *   (the rate limit counts locally, warning once) and goes back to Redis by itself; a mutation that
 *   publishes on a live channel answers too (the publish gives up instead of waiting); a GoHighLevel webhook
 *   is stored and answered 202 at once, and processed once Redis is back.
 * - A webhook the owner cannot take now answers 429 through the gateway with its Retry-After.
 * "Restarted empty" deletes only this run's keys (its own prefix), never other tests' data. Figures printed.
 */
import http from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import { makeEvent } from '../../core/events/envelope';
import { RedisStreamsEventBus } from '../../core/events/redis-streams-event-bus';
import { EventTypes, type EventEnvelope } from '../../core/vocabulary';
import { demoAgents } from '../../bin/demo-plan';
import { webhookProxy } from '../../gateway/routes/webhook-proxy';
import { REDIS_URL } from '../helpers/db';
import { eventually } from '../helpers/eventually';
import { describeNeeding } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { startTcpProxy, type ProxyState, type TcpProxy } from '../helpers/tcp-proxy';

interface LogLine {
  level: number;
  time: number;
  msg: string;
  group?: string;
  err?: { message: string };
}

function captureLogger() {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'info', name: 'it' }, sink), lines };
}

const said = (lines: LogLine[], fragment: string) => lines.filter((l) => l.msg.includes(fragment));

function figure(label: string, value: Record<string, unknown>): void {
  process.stdout.write(`[redis-faults] ${label}: ${JSON.stringify(value)}\n`);
}

/** "Redis restarted empty" for the keys under `prefix` only (other tests share this Redis). */
async function emptyRedis(redis: Redis, prefix: string): Promise<number> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  return keys.length;
}

/** Resolves with the next event of `n` the handler saw. */
function deliveries() {
  const seen = new Map<number, () => void>();
  const got = new Set<number>();
  return {
    handler: async (e: EventEnvelope) => {
      const n = (e.payload as { n: number }).n;
      got.add(n);
      seen.get(n)?.();
    },
    arrived: (n: number) => new Promise<void>((resolve) => (got.has(n) ? resolve() : seen.set(n, resolve))),
  };
}

describeNeeding(['REDIS_URL'], 'event bus consumers after Redis restarted empty', () => {
  const prefix = `it-faults-${randomBytes(4).toString('hex')}`;
  const { logger, lines } = captureLogger();
  let redis: Redis;
  const buses: RedisStreamsEventBus[] = [];
  const bus = () => {
    const b = new RedisStreamsEventBus({ url: REDIS_URL!, prefix, blockMs: 100, logger });
    buses.push(b);
    return b;
  };
  beforeAll(() => {
    redis = new Redis(REDIS_URL!);
  });
  afterAll(async () => {
    for (const b of buses) await b.close();
    await emptyRedis(redis, prefix);
    redis.disconnect();
  });

  test('every consumer recreates its group once and events published after the flush are delivered', async () => {
    const type = EventTypes.coachingHintFeedback;
    const producer = bus();
    const a = deliveries(); // group A has two members (two instances of one service)
    const b = deliveries();
    await bus().subscribe('group-a', [type], a.handler);
    await bus().subscribe('group-a', [type], a.handler);
    await bus().subscribe('group-b', [type], b.handler);
    await producer.publish(makeEvent(type, 't1', { n: 1 }));
    await Promise.all([a.arrived(1), b.arrived(1)]);

    expect(await emptyRedis(redis, prefix)).toBeGreaterThan(0);
    const flushedAt = Date.now();
    await producer.publish(makeEvent(type, 't1', { n: 2 }));
    await Promise.all([a.arrived(2), b.arrived(2)]);
    const recoveredMs = Date.now() - flushedAt;
    await producer.publish(makeEvent(type, 't1', { n: 3 }));
    await Promise.all([a.arrived(3), b.arrived(3)]);
    figure('event bus: flush → event delivered to every group', { recoveredMs });

    // one warning per group that was recreated, not one per second
    const recreated = said(lines, 'consumer group was gone');
    expect(recreated.map((l) => l.group).sort()).toEqual(['group-a', 'group-b']);
    expect(said(lines, 'read failed')).toEqual([]); // neither NOGROUP nor the blocked read's UNBLOCKED
  });
});

const AGENTS_FIRST = '{ agents(first: 1) { edges { node { id name } } } }';
const DELIVERIES = `{ ghlWebhookDeliveries(first: 50) { webhookId status } }`;
const CREATE_AGENT = `mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id } }`;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;

describeNeeding(['DATABASE_URL', 'REDIS_URL'], 'the platform when Redis fails (postgres)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { logger, lines } = captureLogger();
  const agent = demoAgents('acme')[0]!;
  let proxy: TcpProxy;
  let redis: Redis;
  let t: TestPlatform;
  let sessionId: string;
  const acme = () => ({ 'x-api-key': t.apiKeys.acme });

  beforeAll(async () => {
    proxy = await startTcpProxy(REDIS_URL!);
    redis = new Redis(REDIS_URL!);
    t = await startTestPlatform(
      'postgres',
      {
        REDIS_URL: proxy.url,
        GHL_ED25519_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
      logger,
    );
    const upd = await t.gql(
      'mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }',
      { id: agent.id, input: { ghlUserId: 'ghl-user-faults' } },
      acme(),
    );
    expect(upd.errors).toBeUndefined();
    const started = await t.gql<{ startAgentSession: { id: string } }>(
      START,
      { input: { agentId: agent.id, contactId: 'faults-session', channel: 'SMS' } },
      acme(),
    );
    sessionId = started.data!.startAgentSession.id;
    // coaching learns of the session through Redis: a first turn while Redis is up waits until it has
    const first = await t.gql(
      ADD_TURN,
      { input: { sessionId, speaker: 'LEAD', text: 'Hello', coach: false } },
      acme(),
    );
    expect(first.errors).toBeUndefined();
  }, 60_000);
  afterEach(() => proxy.up()); // a failed test must not leave the next one without Redis
  afterAll(async () => {
    proxy?.up();
    await t?.close();
    if (t) await emptyRedis(redis, t.config.redisPrefix);
    redis?.disconnect();
    await proxy?.close();
  });

  /** The query a partner app sends, given up after 5 s (a request stalled on Redis fails here, visibly). */
  async function timedQuery() {
    const started = Date.now();
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...acme() },
      body: JSON.stringify({ query: AGENTS_FIRST }),
      signal: AbortSignal.timeout(5_000),
    }).catch((err: unknown) => ({ status: `no answer: ${String(err)}`, json: async () => ({}) }));
    const body = (await res.json()) as { data?: { agents: { edges: unknown[] } }; errors?: unknown[] };
    return { status: res.status, ...body, ms: Date.now() - started };
  }

  async function postWebhook() {
    const webhookId = randomUUID();
    const raw = Buffer.from(
      JSON.stringify({
        type: 'InboundMessage',
        webhookId,
        timestamp: new Date().toISOString(),
        locationId: 'ghl-acme-austin',
        contactId: `faults-${webhookId}`,
        userId: 'ghl-user-faults',
        messageId: `msg-${webhookId}`,
        body: 'Can we see the house on Saturday?',
      }),
    );
    const started = Date.now();
    const res = await fetch(new URL('/webhooks/ghl', t.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ghl-signature': sign(null, raw, privateKey).toString('base64'),
      },
      body: new Uint8Array(raw),
    });
    await res.text();
    return { webhookId, status: res.status, ms: Date.now() - started };
  }

  /** The limiter's fallback warnings (their error messages) and its back-on-Redis notices. */
  const fellBack = () => said(lines, 'rate limit: Redis unavailable').map((l) => l.err?.message);
  const cameBack = () => said(lines, 'rate limit: Redis answers again').length;

  test.each<Exclude<ProxyState, 'up'>>(['hang', 'refuse'])(
    'Redis down (%s): GraphQL answers 200 with data in < 1 s, webhooks are stored, all recovers by itself',
    async (kind) => {
      expect((await timedQuery()).status).toBe(200);
      const warnedBefore = fellBack().length;
      proxy.down(kind);
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await timedQuery());
      for (const a of answers) {
        expect({ status: a.status, errors: a.errors }).toEqual({ status: 200, errors: undefined });
        expect(a.data!.agents.edges.length).toBe(1);
        expect(a.ms).toBeLessThan(1_000);
      }
      // at most one warning for the whole outage (none when a request never needed Redis meanwhile)
      expect(fellBack().slice(warnedBefore).length).toBeLessThanOrEqual(1);
      // a mutation that publishes on the session's live channel (Redis pub/sub) answers too, bounded
      const turnStarted = Date.now();
      const turn = await t.gql<{ addConversationTurn: { id: string } }>(
        ADD_TURN,
        { input: { sessionId, speaker: 'LEAD', text: `While Redis is ${kind}`, coach: false } },
        acme(),
      );
      const turnMs = Date.now() - turnStarted;
      expect({ status: turn.status, errors: turn.errors }).toEqual({ status: 200, errors: undefined });
      expect(turnMs).toBeLessThan(5_000); // each live PUBLISH gives up after 1 s
      const hook = await postWebhook();
      expect(hook.status).toBe(202); // committed to the inbox: GoHighLevel will not retry, nothing is lost
      const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
      figure(`Redis down (${kind})`, {
        firstMs: answers[0]!.ms,
        maxMs: ms.at(-1),
        turnMs,
        webhookMs: hook.ms,
      });

      const upAt = Date.now();
      proxy.up();
      // every fallback ends with the limiter back on Redis, by itself
      await eventually(() => cameBack() === fellBack().length, {
        timeoutMs: 10_000,
        what: 'back on Redis',
      });
      const limiterBackMs = Date.now() - upAt;
      await eventually(
        async () => {
          const r = await t.gql<{ ghlWebhookDeliveries: { webhookId: string; status: string }[] }>(
            DELIVERIES,
            {},
            acme(),
          );
          return r.data?.ghlWebhookDeliveries.find((d) => d.webhookId === hook.webhookId)?.status === 'DONE';
        },
        { timeoutMs: 20_000, intervalMs: 100, what: 'the webhook processed after Redis returned' },
      );
      figure(`Redis back (${kind})`, { limiterBackMs, webhookDoneMs: Date.now() - upAt });
      expect((await timedQuery()).status).toBe(200);
    },
    60_000,
  );

  test('Redis restarted empty: a newly created agent reaches coaching', async () => {
    const busWarnings = said(lines, 'consumer group was gone').length;
    expect(await emptyRedis(redis, t.config.redisPrefix)).toBeGreaterThan(0);
    const flushedAt = Date.now();
    const tag = randomBytes(4).toString('hex');
    const created = await t.gql<{ createAgent: { id: string } }>(
      CREATE_AGENT,
      {
        input: {
          name: `After Flush ${tag}`,
          email: `flush-${tag}@example.com`,
          role: 'LISTING_AGENT',
          experience: 'NOVICE',
          locationId: agent.locationId,
        },
      },
      acme(),
    );
    expect(created.errors).toBeUndefined();
    const agentId = created.data!.createAgent.id;
    const session = await t.gql<{ startAgentSession: { id: string } }>(
      START,
      { input: { agentId, contactId: `flush-${tag}`, channel: 'SMS' } },
      acme(),
    );
    expect(session.errors).toBeUndefined();
    // coaching knows the session only from the agents subgraph's events, through the flushed Redis
    const turn = await t.gql<{ addConversationTurn: { id: string } }>(
      ADD_TURN,
      { input: { sessionId: session.data!.startAgentSession.id, speaker: 'LEAD', text: 'Hi', coach: false } },
      acme(),
    );
    expect(turn.errors).toBeUndefined();
    expect(turn.data!.addConversationTurn.id).toBeTruthy();
    figure('platform: flush → new agent coached', { ms: Date.now() - flushedAt });
    expect(said(lines, 'consumer group was gone').length).toBeGreaterThan(busWarnings);
  }, 60_000);
});

describe('the gateway passes a webhook owner’s 429 on with its Retry-After', () => {
  let owner: http.Server;
  let gateway: http.Server;
  beforeAll(async () => {
    owner = http.createServer((req, res) => {
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end('{"error":"busy, retry later"}');
    });
    await new Promise<void>((r) => owner.listen(0, '127.0.0.1', r));
    const route = webhookProxy({
      path: '/webhooks/ghl',
      target: `http://127.0.0.1:${(owner.address() as AddressInfo).port}/`,
      maxBodyBytes: 1_000_000,
    });
    gateway = http.createServer((req, res) => void route(req, res));
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise((r) => gateway.close(r));
    await new Promise((r) => owner.close(r));
  });

  test('429 and retry-after reach GoHighLevel unchanged', async () => {
    const res = await fetch(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}/webhooks/ghl`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ error: 'busy, retry later' });
  });
});
