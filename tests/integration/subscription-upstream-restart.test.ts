/**
 * Coaching restarts under a live widget: a real graphql-ws client subscribes to `coachingHints` through the
 * gateway, the coaching subgraph's server is closed (its upstream subscription connection goes with it) and
 * started again on the same port. The client's subscription must not end with a bare `complete`: it gets
 * one last event with SUBSCRIPTION_UPSTREAM_CLOSED naming coaching and a retry hint (no internal address,
 * and none of the previous event's data), then `complete`; one subscribed while coaching is down ends with
 * UPSTREAM_UNAVAILABLE and a retry hint; subscribing again with `since` (what the widget does) delivers the
 * hints of the next lead turn. Before: the transport's DOWNSTREAM_SERVICE_ERROR carrying `connect
 * ECONNREFUSED 127.0.0.1:<port>`, or a bare `complete`; then the last event repeated the previous one's data,
 * and a subscription made while coaching was down said SUBSCRIPTION_UPSTREAM_CLOSED.
 */
import net from 'node:net';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { startSession } from '../helpers/live-session';
import { startService } from '../../bin/platform';
import { demoAgents } from '../../bin/demo-plan';
import { createLogger } from '../../core/logger';

const HINTS = `subscription ($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) { type hint { id } }
}`;

interface Received {
  events: { type: string }[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** The `next` messages that carried errors, whole: the one ending a subscription carries no data. */
  errorMessages: { data?: unknown }[];
  completed: boolean;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Subscribes; `changed` is called on every message, so a test waits on what arrived, never on a clock. */
function subscribe(client: Client, sessionId: string, since: string, changed: () => void): Received {
  const got: Received = { events: [], errors: [], errorMessages: [], completed: false };
  client.subscribe<{ coachingHints: { type: string } }>(
    { query: HINTS, variables: { sessionId, since } },
    {
      next: (msg) => {
        if (msg.errors?.length) got.errorMessages.push(msg);
        else if (msg.data?.coachingHints) got.events.push(msg.data.coachingHints);
        for (const e of msg.errors ?? []) got.errors.push(e as Received['errors'][number]);
        changed();
      },
      error: (err) => {
        got.errors.push({ message: String((err as Error)?.message ?? JSON.stringify(err)) });
        changed();
      },
      complete: () => {
        got.completed = true;
        changed();
      },
    },
  );
  return got;
}

describe('coaching restarts under a live subscription', () => {
  let t: TestPlatform;
  let client: Client;
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((w) => w());
  const until = (what: string, ok: () => boolean, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });

  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { COACHING_PORT: String(await freePort()) });
    client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-api-key': t.apiKeys.acme },
    });
  }, 60_000);

  afterAll(async () => {
    await client?.dispose();
    await t?.close();
  });

  test('the subscription ends with SUBSCRIPTION_UPSTREAM_CLOSED; subscribing again resumes the hints', async () => {
    const headers = { 'x-api-key': t.apiKeys.acme };
    const sessionId = await startSession(t, t.apiKeys.acme, demoAgents('acme')[0]!.id, 'restart-1');
    // coaching knows the session (read model fed by agents' events) before anything is subscribed
    const known = await t.gql(
      'query ($id: ID!) { agentSession(id: $id) { turns { id } } }',
      { id: sessionId },
      headers,
    );
    expect(known.errors).toBeUndefined();
    const since = new Date().toISOString();
    const first = subscribe(client, sessionId, since, changed);
    // the upstream subscription is live once a query on the same socket completed after it
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query: '{ __typename }' },
        { next: () => undefined, error: reject, complete: resolve },
      ),
    );

    // one event arrives before the restart: the event ending the subscription must not repeat its data
    const before = await t.gql(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      { input: { sessionId, speaker: 'LEAD', text: 'Honestly the payment is more than we wanted.' } },
      headers,
    );
    expect(before.errors).toBeUndefined();
    await until('a hint before the restart', () => first.events.some((e) => e.type === 'COMPLETED'));

    const old = t.platform.services.coaching;
    await old.close();
    await until('the subscription to end', () => first.completed);
    expect(first.errorMessages).toHaveLength(1);
    expect(first.errorMessages[0]).not.toHaveProperty('data');
    expect(first.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'SUBSCRIPTION_UPSTREAM_CLOSED',
          serviceName: 'coaching',
          retryAfterSeconds: expect.any(Number),
        }),
      }),
    ]);
    expect(JSON.stringify(first.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

    // subscribing while coaching is down: it was never open, so UPSTREAM_UNAVAILABLE (not "closed")
    const whileDown = subscribe(client, sessionId, since, changed);
    await until('the subscription made while coaching is down to end', () => whileDown.completed);
    expect(whileDown.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'UPSTREAM_UNAVAILABLE',
          serviceName: 'coaching',
          retryAfterSeconds: expect.any(Number),
        }),
      }),
    ]);
    expect(whileDown.errorMessages[0]).not.toHaveProperty('data');

    const logger = createLogger({ level: 'silent', name: 'coaching-again' });
    t.platform.services.coaching = await startService(t.config, 'coaching', {
      events: t.platform.events,
      logger,
    });
    const again = subscribe(client, sessionId, since, changed);
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query: '{ __typename }' },
        { next: () => undefined, error: reject, complete: resolve },
      ),
    );
    const turn = await t.gql(
      'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
      { input: { sessionId, speaker: 'LEAD', text: 'That price feels too high for us, honestly.' } },
      headers,
    );
    expect(turn.errors).toBeUndefined();
    await until('a completed hint after the restart', () => again.events.some((e) => e.type === 'COMPLETED'));
    expect(again.errors).toEqual([]);
    expect(again.completed).toBe(false);
  }, 60_000);
});
