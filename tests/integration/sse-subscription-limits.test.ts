/**
 * Subscriptions over Server-Sent Events (GraphQL over SSE, distinct connections: one stream per request)
 * under the subscription limits (issues 12 and 13):
 *   - 600 SSE streams of one API key held open at once all run and all receive a hint published while they
 *     are open. Before, an SSE stream had no client socket to tell it apart, so every stream of a key shared
 *     one upstream connection to coaching, whose per-connection limit (500) refused the rest: 500 of 600 ran,
 *     100 got RATE_LIMITED "too many subscriptions on this connection" — the upstream's limit, not theirs;
 *   - the upstream stays multiplexed (1 connection for 600 streams: every subscription goes over the
 *     gateway's one mux connection to coaching, issue 13; 6 with the per-key lanes before, one per stream
 *     before those), and once the clients go away it closes. Before, a closed stream's subscription was
 *     never ended (the gateway listened for the request's 'close', which had fired already): its upstream
 *     subscription and tenant slot leaked for good;
 *   - beyond the per-tenant limit the extra stream is refused before it starts: HTTP 429 RATE_LIMITED,
 *     never a masked error; another tenant is not affected; a slot comes back when a stream is closed.
 * A running stream is told apart from a refused one by what it receives: subscribed with `since` before a
 * stored hint, coaching replays that hint to it at once.
 */
import { composeFromCode } from '../../bin/compose';
import { demoAgents } from '../../bin/demo-plan';
import { startGatewayService } from '../../bin/platform';
import type { SubgraphName } from '../../core/config';
import { createLogger } from '../../core/logger';
import type { RunningGateway } from '../../gateway/gateway';
import { SseHintSubscriber, type SubscriptionLog } from '../helpers/hint-subscriber';
import { startSession } from '../helpers/live-session';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { UpstreamSockets } from '../helpers/upstream-sockets';

type Tenant = 'acme' | 'summit';
const HINTS = `subscription Hints($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) { type index hint { id } }
}`;

interface Seeded {
  sessionId: string;
  since: string;
  hintId: string;
}

const hintIds = (log: SubscriptionLog) => log.events.flatMap((e) => (e.event.hint ? [e.event.hint.id] : []));
/** Over coaching's per-connection limit (500 subscriptions, 499 open), under the gateway's per tenant. */
const STREAMS = 600;
const codes = (log: SubscriptionLog) => log.errors.map((e) => e.code);

describe('subscriptions over SSE', () => {
  let t: TestPlatform;
  let upstream: UpstreamSockets;
  const gateways: RunningGateway[] = [];
  const streams: SseHintSubscriber[] = [];
  const seeded = {} as Record<Tenant, Seeded>;

  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });
  const stream = (url: string, tenant: Tenant, label: string, variables = seeded[tenant]) => {
    const { sessionId, since } = variables;
    const s = new SseHintSubscriber(url, key(tenant), sessionId, label, {
      query: HINTS,
      variables: { sessionId, since },
    });
    streams.push(s);
    return s;
  };
  /** Waits until the stream has either run (the replayed hint came) or been refused (an error or its end). */
  const settled = (s: SseHintSubscriber, tenant: Tenant, ms = 60_000) =>
    s.until(
      () => hintIds(s.log).includes(seeded[tenant].hintId) || s.log.errors.length > 0 || !!s.log.completedAt,
      'its replayed hint or its refusal',
      ms,
    );
  const ran = (s: SseHintSubscriber, tenant: Tenant) =>
    s.status === 200 && hintIds(s.log).includes(seeded[tenant].hintId) && s.log.errors.length === 0;

  async function addTurn(tenant: Tenant, sessionId: string, text: string): Promise<void> {
    const turn = await t.gql(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      { input: { sessionId, speaker: 'LEAD', text } },
      key(tenant),
    );
    expect(turn.errors).toBeUndefined();
  }

  /** A session of `tenant` with one stored hint, made while an SSE stream with `since` waits for it. */
  async function seed(tenant: Tenant): Promise<Seeded> {
    const sessionId = await startSession(t, t.apiKeys[tenant], demoAgents(tenant)[0]!.id, `sse-${tenant}`);
    const since = new Date().toISOString();
    const s = stream(t.url, tenant, `seed-${tenant}`, { sessionId, since, hintId: '' });
    await addTurn(tenant, sessionId, 'That price feels too high for us, honestly.');
    // replayed if the stream started after the hint was stored, live if before: either way it comes
    await s.until(() => s.log.events.some((e) => e.event.type === 'COMPLETED'), `${tenant}'s first hint`);
    const hintId = s.log.events.find((e) => e.event.type === 'COMPLETED')!.event.hint!.id;
    await s.dispose();
    return { sessionId, since, hintId };
  }

  async function gatewayWith(perSocket: number, perTenant: number): Promise<RunningGateway> {
    const urls = Object.fromEntries(
      Object.entries(t.platform.services).map(([name, svc]) => [name, svc.subgraph.url]),
    ) as Record<SubgraphName, string>;
    const { supergraph } = await composeFromCode();
    const config = { ...t.config, limits: { ...t.config.limits, subscriptions: { perSocket, perTenant } } };
    const g = await startGatewayService(
      config,
      createLogger({ level: 'silent', name: 'it-sse' }),
      urls,
      supergraph,
    );
    gateways.push(g);
    return g;
  }

  beforeAll(async () => {
    t = await startTestPlatform('sqlite', {
      // an hour: the key's principal and its context token (which key the upstream connection) are not
      // renewed during the test, as within any 15 s in production — renewal must not spread the streams
      CONTEXT_TOKEN_TTL_SECONDS: '3600',
      API_KEY_CACHE_TTL_SECONDS: '3600',
      MAX_SUBSCRIPTIONS_PER_TENANT: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    upstream = new UpstreamSockets(t.platform.services.coaching.subgraph.server);
    seeded.acme = await seed('acme');
    seeded.summit = await seed('summit');
  }, 120_000);

  afterAll(async () => {
    for (const s of streams) await s.dispose();
    for (const g of gateways) await g.close();
    await t?.close();
  });

  test(`${STREAMS} SSE streams of one API key held at once all receive a published hint; upstream multiplexed, released on close`, async () => {
    await upstream.until('the seeding streams released upstream', () => upstream.open === 0);
    upstream.resetMax();
    const many = Array.from({ length: STREAMS }, (_, i) => stream(t.url, 'acme', `sse-${i}`));
    await Promise.all(many.map((s) => settled(s, 'acme', 180_000)));
    const running = many.filter((s) => ran(s, 'acme'));
    const refused = many.filter((s) => !ran(s, 'acme'));
    console.log(
      `SSE streams of one key running: ${running.length}/${STREAMS}; upstream connections: ${upstream.open}`,
    );
    expect(refused.map((s) => ({ status: s.status, errors: s.log.errors }))).toEqual([]);
    // multiplexed: up to 100 streams (the per-socket limit) share an upstream connection, not one each
    expect(upstream.max).toBe(1);

    // a hint published while all of them are open reaches every one of them
    await addTurn('acme', seeded.acme.sessionId, 'We want to wait until spring before we list anything.');
    const isNew = (s: SseHintSubscriber) =>
      s.log.events.some((e) => e.event.type === 'COMPLETED' && e.event.hint?.id !== seeded.acme.hintId);
    await Promise.all(many.map((s) => s.until(() => isNew(s), 'the published hint', 120_000)));
    expect(many.filter(isNew)).toHaveLength(STREAMS);
    expect(JSON.stringify(many.map((s) => s.log))).not.toMatch(/Unexpected error/);

    // the clients go away: every upstream connection closes (waits on the sockets' close events)
    for (const s of many) await s.dispose();
    await upstream.until('every upstream connection closed', () => upstream.open === 0);
    console.log(`upstream connections at most ${upstream.max} for ${STREAMS} streams; 0 after they closed`);
  }, 420_000);

  test('beyond the per-tenant limit the extra SSE stream is answered 429 RATE_LIMITED before it starts', async () => {
    const g = await gatewayWith(100, 5);
    const five = Array.from({ length: 5 }, (_, i) => stream(g.url, 'acme', `limited-${i}`));
    await Promise.all(five.map((s) => settled(s, 'acme')));
    expect(five.filter((s) => ran(s, 'acme'))).toHaveLength(5);

    const over = stream(g.url, 'acme', 'over');
    await settled(over, 'acme');
    expect(over.status).toBe(429);
    expect(over.log.errors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', message: expect.stringMatching(/too many/) }),
    ]);
    expect(over.log.events).toEqual([]);

    // another tenant is not affected
    const neighbour = stream(g.url, 'summit', 'neighbour');
    await settled(neighbour, 'summit');
    expect(ran(neighbour, 'summit')).toBe(true);
    expect(hintIds(neighbour.log)).not.toContain(seeded.acme.hintId);

    // a closed stream gives its slot back: a client retrying on 429 gets in (each try waits for its answer)
    await five[0]!.dispose();
    let retried: SseHintSubscriber | undefined;
    for (let attempt = 0; attempt < 200 && !(retried && ran(retried, 'acme')); attempt++) {
      retried = stream(g.url, 'acme', `retry-${attempt}`);
      await settled(retried, 'acme');
      if (!ran(retried, 'acme')) expect(codes(retried.log)).toEqual(['RATE_LIMITED']);
    }
    expect(ran(retried!, 'acme')).toBe(true);
  }, 120_000);
});
