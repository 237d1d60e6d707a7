/**
 * A session started while Redis is down (issue 12, partner-style tester): the agents subgraph answers
 * startAgentSession 200 (its event waits in the outbox), but coaching learns of sessions only from those
 * events, over Redis. Before, its next turn answered NOT_FOUND — telling the partner nothing about retrying —
 * while Redis was down and for 15–25 s after it returned (the outbox backlog). Now, while the consumer
 * feeding coaching's read model cannot read or could not a moment ago, a session coaching does not hold
 * answers UPSTREAM_UNAVAILABLE with reason READ_MODEL_BEHIND, serviceName and retryAfterSeconds — the same
 * for an unknown or another tenant's id (no existence leak); once the event arrived the turn works; with a
 * healthy bus an unknown or foreign id answers NOT_FOUND as before. Likewise the agents subgraph's
 * KnownLocation read model: an agent put at a location created while Redis is down answered BAD_USER_INPUT
 * "no such location"; now it is READ_MODEL_BEHIND (serviceName agents) until the location arrives. Redis is taken down behind a TCP proxy
 * (tests/helpers/tcp-proxy.ts): the shared Redis stays up.
 */
import { randomUUID } from 'node:crypto';
import { demoAgents } from '../../bin/demo-plan';
import { REDIS_URL } from '../helpers/db';
import { eventually } from '../helpers/eventually';
import { describeNeeding } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const CREATE_LOCATION = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id } }`;
const CREATE_AGENT = `mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id locationId } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;

interface GqlError {
  message: string;
  path?: string[];
  extensions?: Record<string, unknown>;
}

describeNeeding(['REDIS_URL'], 'a session coaching has not heard of while Redis is down', () => {
  let proxy: TcpProxy;
  let t: TestPlatform;
  let foreignSessionId: string;
  const key = (tenant: 'acme' | 'summit') => ({ 'x-api-key': t.apiKeys[tenant] });

  beforeAll(async () => {
    proxy = await startTcpProxy(REDIS_URL!);
    t = await startTestPlatform('sqlite', { REDIS_URL: proxy.url, READ_MODEL_WAIT_MS: '1000' });
    foreignSessionId = await startSession('summit');
    // coaching knows it once its first turn succeeds (the turn waits for the event)
    expect((await turn(foreignSessionId, 'summit')).errors).toBeUndefined();
  }, 90_000);
  afterEach(() => proxy.up());
  afterAll(async () => {
    proxy?.up();
    await t?.close();
    await proxy?.close();
  });

  async function startSession(tenant: 'acme' | 'summit'): Promise<string> {
    const agent = demoAgents(tenant)[0]!;
    const started = await t.gql<{ startAgentSession: { id: string } }>(
      START,
      { input: { agentId: agent.id, contactId: `behind-${randomUUID()}`, channel: 'SMS' } },
      key(tenant),
    );
    expect({ status: started.status, errors: started.errors }).toEqual({ status: 200, errors: undefined });
    return started.data!.startAgentSession.id;
  }

  function turn(sessionId: string, tenant: 'acme' | 'summit' = 'acme') {
    return t.gql<{ addConversationTurn: { id: string } }>(
      ADD_TURN,
      { input: { sessionId, speaker: 'LEAD', text: 'Is it still available?', coach: false } },
      key(tenant),
    ) as Promise<{ status: number; data?: { addConversationTurn: { id: string } }; errors?: GqlError[] }>;
  }

  test('healthy bus: an unknown id and another tenant’s id both answer NOT_FOUND', async () => {
    const unknown = await turn(randomUUID());
    const foreign = await turn(foreignSessionId);
    expect(unknown.errors?.map((e) => e.extensions?.['code'])).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.map((e) => e.extensions?.['code'])).toEqual(['NOT_FOUND']);
  });

  test('Redis down: a new session’s turn is retryable (READ_MODEL_BEHIND), not NOT_FOUND; after recovery it works', async () => {
    proxy.down('refuse');
    const sessionId = await startSession('acme');
    const behind = await turn(sessionId);
    expect(behind.status).toBe(200);
    expect(behind.errors).toEqual([
      expect.objectContaining({
        path: ['addConversationTurn'],
        extensions: expect.objectContaining({
          code: 'UPSTREAM_UNAVAILABLE',
          reason: 'READ_MODEL_BEHIND',
          serviceName: 'coaching',
          retryAfterSeconds: expect.any(Number),
        }),
      }),
    ]);
    expect(behind.errors![0]!.extensions!['retryAfterSeconds']).toBeGreaterThan(0);

    // no existence leak: an unknown id and another tenant's answer exactly alike
    const unknown = await turn(randomUUID());
    const foreign = await turn(foreignSessionId);
    expect(unknown.errors).toEqual(behind.errors);
    expect(foreign.errors).toEqual(behind.errors);

    const upAt = Date.now();
    proxy.up();
    const ok = await eventually(
      async () => {
        const r = await turn(sessionId);
        return r.errors === undefined ? r : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the turn accepted once the session reached coaching' },
    );
    expect(ok.data?.addConversationTurn.id).toEqual(expect.any(String));
    process.stdout.write(`[read-model-behind] Redis back → turn accepted: ${Date.now() - upAt} ms\n`);
  }, 90_000);

  test('Redis down, both tenants at once: every new session is retryable alike, then each works for its own tenant only', async () => {
    proxy.down('refuse');
    const tenants = ['acme', 'summit'] as const;
    const sessions = await Promise.all(
      tenants.flatMap((tenant) =>
        Array.from({ length: 6 }, async () => ({ tenant, id: await startSession(tenant) })),
      ),
    );
    // own, foreign and unknown ids, all in flight together: one and the same retryable answer
    const other = (x: 'acme' | 'summit') => (x === 'acme' ? 'summit' : 'acme');
    const answers = await Promise.all([
      ...sessions.map((s) => turn(s.id, s.tenant)),
      ...sessions.map((s) => turn(s.id, other(s.tenant))),
      ...tenants.map((tenant) => turn(randomUUID(), tenant)),
    ]);
    const shapes = new Set(
      answers.map((a) =>
        JSON.stringify(
          a.errors?.map((e) => ({ code: e.extensions?.['code'], reason: e.extensions?.['reason'] })) ??
            'accepted',
        ),
      ),
    );
    expect([...shapes]).toEqual([
      JSON.stringify([{ code: 'UPSTREAM_UNAVAILABLE', reason: 'READ_MODEL_BEHIND' }]),
    ]);

    proxy.up();
    // once coaching has heard of them: every session takes its own tenant's turns, never the other tenant's
    await Promise.all(
      sessions.map((s) =>
        eventually(
          async () => {
            const r = await turn(s.id, s.tenant);
            return r.errors === undefined ? r : false;
          },
          {
            timeoutMs: 60_000,
            intervalMs: 250,
            what: `session ${s.id} of ${s.tenant} accepted after recovery`,
          },
        ),
      ),
    );
    const crossed = await Promise.all(sessions.map((s) => turn(s.id, other(s.tenant))));
    expect(crossed.filter((r) => r.errors === undefined)).toEqual([]);
  }, 120_000);

  test('Redis down: an agent at a location created a moment ago is retryable (READ_MODEL_BEHIND from agents), not BAD_USER_INPUT', async () => {
    proxy.down('refuse');
    const tenants = ['acme', 'summit'] as const;
    const locations = await Promise.all(
      tenants.map(async (tenant) => {
        const r = await t.gql<{ createLocation: { id: string } }>(
          CREATE_LOCATION,
          {
            input: {
              ghlLocationId: `ghl-behind-${randomUUID()}`,
              name: 'Opened while Redis is down',
              timezone: 'UTC',
            },
          },
          key(tenant),
        );
        expect({ status: r.status, errors: r.errors }).toEqual({ status: 200, errors: undefined });
        return { tenant, id: r.data!.createLocation.id };
      }),
    );
    const agentAt = (tenant: 'acme' | 'summit', locationId: string) =>
      t.gql<{ createAgent: { id: string; locationId: string } }>(
        CREATE_AGENT,
        {
          input: {
            name: `Behind ${randomUUID().slice(0, 8)}`,
            email: `behind.${randomUUID().slice(0, 8)}@example.com`,
            role: 'BUYER_AGENT',
            experience: 'NOVICE',
            specializations: [],
            locationId,
          },
        },
        key(tenant),
      ) as Promise<{
        status: number;
        data?: { createAgent: { id: string; locationId: string } } | null;
        errors?: GqlError[];
      }>;
    // own new location, the other tenant's new location and an unknown id, both tenants in flight together
    const other = (x: 'acme' | 'summit') => (x === 'acme' ? 'summit' : 'acme');
    const answers = await Promise.all([
      ...locations.map((l) => agentAt(l.tenant, l.id)),
      ...locations.map((l) => agentAt(other(l.tenant), l.id)),
      ...tenants.map((tenant) => agentAt(tenant, randomUUID())),
    ]);
    const shapes = new Set(
      answers.map((a) =>
        JSON.stringify(
          a.errors?.map((e) => ({
            code: e.extensions?.['code'],
            reason: e.extensions?.['reason'],
            serviceName: e.extensions?.['serviceName'],
          })) ?? 'accepted',
        ),
      ),
    );
    expect([...shapes]).toEqual([
      JSON.stringify([{ code: 'UPSTREAM_UNAVAILABLE', reason: 'READ_MODEL_BEHIND', serviceName: 'agents' }]),
    ]);

    proxy.up();
    for (const l of locations) {
      const ok = await eventually(
        async () => {
          const r = await agentAt(l.tenant, l.id);
          return r.errors === undefined ? r : false;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 250,
          what: `an agent at ${l.tenant}'s new location once it arrived`,
        },
      );
      expect(ok.data?.createAgent.locationId).toBe(l.id);
    }
    // the other tenant's location is never accepted: retryable while the bus is still catching up, then
    // refused as a missing one
    const seen = new Set<unknown>();
    await eventually(
      async () => {
        const crossed = await Promise.all(locations.map((l) => agentAt(other(l.tenant), l.id)));
        const codes = crossed.map((r) => r.errors?.[0]?.extensions?.['code'] ?? 'accepted');
        codes.forEach((c) => seen.add(c));
        return codes.every((c) => c === 'BAD_USER_INPUT');
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the foreign location refused as missing once healthy' },
    );
    expect(seen.has('accepted')).toBe(false);
  }, 120_000);
});
