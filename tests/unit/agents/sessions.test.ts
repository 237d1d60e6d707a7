import { randomUUID } from 'node:crypto';
import { agentsSubgraph, AgentSession } from '../../../subgraphs/agents';
import { withTenantScope } from '../../../core/db/request-scope';
import { ConversationStage, SessionChannel } from '../../../core/vocabulary';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import {
  announceWorld,
  SESSION_FIELDS,
  START_SESSION,
  agentPrincipal,
  createAgent,
  expectError,
  makeWorld,
  settleEvents,
  stopTestRelay,
  startSession,
  type AgentView,
  type ConnectionView,
  type SessionView,
} from './fixtures';

const GET = `query($id: ID!) { agentSession(id: $id) { ${SESSION_FIELDS} agent { id name } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgentSessionInput!) { updateAgentSession(id: $id, input: $input) { ${SESSION_FIELDS} } }`;
const END = `mutation($id: ID!) { endAgentSession(id: $id) { ${SESSION_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: AgentSessionFilter) {
  agentSessions(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id agentId contactId stage active startedAt } } pageInfo { hasNextPage endCursor } totalCount } }`;

type Conn = ConnectionView<
  Pick<SessionView, 'id' | 'agentId' | 'contactId' | 'stage' | 'active' | 'startedAt'>
>;

describeEachDb('agent sessions (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  let a1: AgentView;
  let a2: AgentView;
  let pool: AgentView;
  const received: EventEnvelope[] = [];

  async function list(vars: Record<string, unknown>, p = w.owner): Promise<Conn> {
    const res = await h.exec<{ agentSessions: Conn }>(p, LIST, vars);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.agentSessions;
  }

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
    await h.events.subscribe('test-sessions', [EventTypes.agentSessionUpserted], async (e) => {
      received.push(e);
    });
    a1 = await createAgent(h, w.owner, { name: 'A1', locationId: w.loc1 });
    a2 = await createAgent(h, w.owner, { name: 'A2', locationId: w.loc2 });
    pool = await createAgent(h, w.owner, { name: 'Pool', locationId: null });
  });
  afterAll(async () => {
    if (h) await stopTestRelay(h);
    await h?.close();
  });
  beforeEach(async () => {
    await settleEvents(h);
    received.length = 0;
  });

  it('starts a session with defaults, copying the agent’s location', async () => {
    const s = await startSession(h, w.owner, {
      agentId: a1.id,
      contactId: 'ocQHyuzHvysMo5N5VsXc',
      channel: 'CHAT',
    });
    expect(s).toMatchObject({
      agentId: a1.id,
      locationId: w.loc1,
      contactId: 'ocQHyuzHvysMo5N5VsXc',
      channel: 'CHAT',
      stage: 'INITIAL_CONTACT',
      context: {},
      endedAt: null,
      active: true,
    });
    const res = await h.exec<{ agentSession: SessionView & { agent: { id: string; name: string } } }>(
      w.owner,
      GET,
      { id: s.id },
    );
    expect(res.data?.agentSession).toMatchObject({ ...s, agent: { id: a1.id, name: 'A1' } });
  });

  it('updates stage and context, ends idempotently, and publishes each change after the write', async () => {
    const s = await startSession(h, w.owner, {
      agentId: a1.id,
      stage: 'QUALIFICATION',
      context: { budget: 500000, tags: ['first-home'] },
    });
    expect(s.context).toEqual({ budget: 500000, tags: ['first-home'] });
    const up = await h.exec<{ updateAgentSession: SessionView }>(w.owner, UPDATE, {
      id: s.id,
      input: { stage: 'SHOWING', context: { budget: 450000 } },
    });
    expect(up.data?.updateAgentSession).toMatchObject({
      stage: 'SHOWING',
      context: { budget: 450000 },
      active: true,
    });
    const noop = await h.exec(w.owner, UPDATE, { id: s.id, input: { stage: 'SHOWING' } });
    expect(noop.errors).toBeUndefined();
    const end = await h.exec<{ endAgentSession: SessionView }>(w.owner, END, { id: s.id });
    expect(end.data?.endAgentSession.active).toBe(false);
    expect(Date.parse(end.data!.endAgentSession.endedAt!)).not.toBeNaN();
    const again = await h.exec<{ endAgentSession: SessionView }>(w.owner, END, { id: s.id });
    expect(again.data?.endAgentSession.endedAt).toBe(end.data?.endAgentSession.endedAt);
    expectError(await h.exec(w.owner, UPDATE, { id: s.id, input: { stage: 'CLOSING' } }), 'CONFLICT');

    await settleEvents(h);
    expect(received.map((e) => e.type)).toEqual([
      EventTypes.agentSessionUpserted,
      EventTypes.agentSessionUpserted,
      EventTypes.agentSessionUpserted,
    ]);
    expect(received.map((e) => e.payload)).toEqual([
      {
        sessionId: s.id,
        agentId: a1.id,
        locationId: w.loc1,
        contactId: 'ghlContact01',
        stage: 'QUALIFICATION',
        active: true,
      },
      {
        sessionId: s.id,
        agentId: a1.id,
        locationId: w.loc1,
        contactId: 'ghlContact01',
        stage: 'SHOWING',
        active: true,
      },
      {
        sessionId: s.id,
        agentId: a1.id,
        locationId: w.loc1,
        contactId: 'ghlContact01',
        stage: 'SHOWING',
        active: false,
      },
    ]);
    expect(received.every((e) => e.tenantId === w.tenantA)).toBe(true);
  });

  describe('validation', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['a malformed agentId', { agentId: 'agent-1' }, 'agentId'],
      ['a malformed contactId', { contactId: 'bad id!' }, 'contactId'],
      ['an empty contactId', { contactId: '  ' }, 'contactId'],
      ['a context over 16 KB', { context: { blob: 'x'.repeat(16 * 1024) } }, 'context'],
    ])('rejects %s', async (_label, input, field) => {
      const res = await h.exec(w.owner, START_SESSION, {
        input: { agentId: a1.id, contactId: 'c1', channel: 'SMS', ...input },
      });
      expectError(res, 'BAD_USER_INPUT', field);
    });

    it('rejects a context that is not an object, and an unknown channel, without a 500', async () => {
      const arr = await h.exec(w.owner, START_SESSION, {
        input: { agentId: a1.id, contactId: 'c1', channel: 'SMS', context: [1, 2] },
      });
      expect(arr.status).toBe(400);
      const ch = await h.exec(w.owner, START_SESSION, {
        input: { agentId: a1.id, contactId: 'c1', channel: 'FAX' },
      });
      expect(ch.status).toBe(400);
    });

    it('answers NOT_FOUND for a missing agent and refuses an inactive one', async () => {
      expectError(
        await h.exec(w.owner, START_SESSION, {
          input: { agentId: '00000000-0000-4000-8000-000000000000', contactId: 'c1', channel: 'SMS' },
        }),
        'NOT_FOUND',
      );
      const gone = await createAgent(h, w.owner, { locationId: w.loc1 });
      await h.exec(w.owner, `mutation($id: ID!) { deactivateAgent(id: $id) { id } }`, { id: gone.id });
      expectError(
        await h.exec(w.owner, START_SESSION, {
          input: { agentId: gone.id, contactId: 'c1', channel: 'SMS' },
        }),
        'BAD_USER_INPUT',
        'agentId',
      );
    });
  });

  it('ends the open sessions of an agent that is deactivated', async () => {
    const agent = await createAgent(h, w.owner, { locationId: w.loc2 });
    const s1 = await startSession(h, w.owner, { agentId: agent.id });
    const s2 = await startSession(h, w.owner, { agentId: agent.id, channel: 'CALL' });
    await h.exec(w.owner, `mutation($id: ID!) { deactivateAgent(id: $id) { id } }`, { id: agent.id });
    const c = await list({ filter: { agentId: agent.id } });
    expect(c.edges.map((e) => e.node.active)).toEqual([false, false]);
    await settleEvents(h);
    expect(
      received
        .filter((e) => !(e.payload as { active: boolean }).active)
        .map((e) => (e.payload as { sessionId: string }).sessionId)
        .sort(),
    ).toEqual([s1.id, s2.id].sort());
  });

  describe('AGENT principal', () => {
    it('starts, updates and ends its own sessions with the default AGENT scopes', async () => {
      const me = agentPrincipal(w.tenantA, a2.id, w.loc2);
      const s = await startSession(h, me, { agentId: a2.id, contactId: 'mine' });
      const up = await h.exec<{ updateAgentSession: SessionView }>(me, UPDATE, {
        id: s.id,
        input: { stage: 'NEGOTIATION' },
      });
      expect(up.data?.updateAgentSession.stage).toBe('NEGOTIATION');
      const end = await h.exec<{ endAgentSession: SessionView }>(me, END, { id: s.id });
      expect(end.data?.endAgentSession.active).toBe(false);
    });

    it('sees only its own sessions and gets NOT_FOUND for anyone else’s', async () => {
      const other = await startSession(h, w.owner, { agentId: a1.id, contactId: 'theirs' });
      const me = agentPrincipal(w.tenantA, a2.id, w.loc2);
      const c = await list({ first: 100 }, me);
      expect(c.edges.length).toBeGreaterThan(0);
      expect(c.edges.every((e) => e.node.agentId === a2.id)).toBe(true);
      expectError(await h.exec(me, GET, { id: other.id }), 'NOT_FOUND');
      expectError(await h.exec(me, UPDATE, { id: other.id, input: { stage: 'CLOSING' } }), 'NOT_FOUND');
      expectError(await h.exec(me, END, { id: other.id }), 'NOT_FOUND');
      expectError(
        await h.exec(me, START_SESSION, { input: { agentId: a1.id, contactId: 'c1', channel: 'SMS' } }),
        'NOT_FOUND',
      );
    });

    it('needs a write scope for sessions', async () => {
      const readOnly = principal({ tenantId: w.tenantA, scopes: ['agents:read'] });
      expectError(
        await h.exec(readOnly, START_SESSION, { input: { agentId: a1.id, contactId: 'c1', channel: 'SMS' } }),
        'FORBIDDEN',
      );
    });
  });

  it('shows a MANAGER its locations’ and the shared pool’s sessions only', async () => {
    const inPool = await startSession(h, w.owner, { agentId: pool.id, contactId: 'pooled' });
    const atLoc2 = await startSession(h, w.owner, { agentId: a2.id, contactId: 'loc2only' });
    const c = await list({ first: 100 }, w.manager1);
    const ids = c.edges.map((e) => e.node.id);
    expect(ids).toContain(inPool.id);
    expect(ids).not.toContain(atLoc2.id);
    expect(c.edges.every((e) => [a1.id, pool.id].includes(e.node.agentId))).toBe(true);
    expectError(await h.exec(w.manager1, GET, { id: atLoc2.id }), 'NOT_FOUND');
    const s = await startSession(h, w.manager1, { agentId: pool.id, contactId: 'mgr' });
    expect(s.locationId).toBeNull();
  });

  it('filters by agent, contact, stage and active', async () => {
    const agent = await createAgent(h, w.owner, { locationId: w.loc3 });
    const s1 = await startSession(h, w.owner, { agentId: agent.id, contactId: 'filterA', stage: 'SHOWING' });
    const s2 = await startSession(h, w.owner, { agentId: agent.id, contactId: 'filterB' });
    await h.exec(w.owner, END, { id: s2.id });
    const ids = async (filter: Record<string, unknown>) =>
      (await list({ filter })).edges.map((e) => e.node.id);
    expect(await ids({ agentId: agent.id })).toEqual([s2.id, s1.id]);
    expect(await ids({ contactId: 'filterA' })).toEqual([s1.id]);
    expect(await ids({ agentId: agent.id, stage: 'SHOWING' })).toEqual([s1.id]);
    expect(await ids({ agentId: agent.id, active: true })).toEqual([s1.id]);
    expect(await ids({ agentId: agent.id, active: false })).toEqual([s2.id]);
    expectError(
      await h.exec(w.owner, LIST, { filter: { agentId: 'x' } }),
      'BAD_USER_INPUT',
      'filter.agentId',
    );
  });

  it('pages newest first over 3 pages, and rejects a bad cursor', async () => {
    const agent = await createAgent(h, w.owner, { locationId: w.loc3 });
    const started: string[] = [];
    for (let i = 0; i < 7; i++)
      started.push((await startSession(h, w.owner, { agentId: agent.id, contactId: `page${i}` })).id);
    const seen: Conn[] = [];
    let after: string | null = null;
    do {
      const c: Conn = await list({ first: 3, after, filter: { agentId: agent.id } });
      seen.push(c);
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
    } while (after && seen.length < 5);
    expect(seen.map((c) => c.edges.length)).toEqual([3, 3, 1]);
    const ids = seen.flatMap((c) => c.edges.map((e) => e.node.id));
    expect(new Set(ids).size).toBe(7);
    const starts = seen.flatMap((c) => c.edges.map((e) => Date.parse(e.node.startedAt)));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(ids.sort()).toEqual([...started].sort());
    expectError(await h.exec(w.owner, LIST, { first: 3, after: 'bogus' }), 'BAD_USER_INPUT', 'after');
  });

  it('breaks ties on the same start time by id', async () => {
    const agent = await createAgent(h, w.owner, { locationId: w.loc3 });
    const at = new Date('2025-01-02T03:04:05.678Z');
    const ids = await withTenantScope(h.db.orm, w.tenantA, async (em) => {
      const rows = Array.from({ length: 5 }, (_, i) =>
        em.create(AgentSession, {
          id: randomUUID(),
          tenantId: w.tenantA,
          agentId: agent.id,
          locationId: agent.locationId,
          contactId: `tie${i}`,
          channel: SessionChannel.SMS,
          stage: ConversationStage.INITIAL_CONTACT,
          context: {},
          startedAt: at,
          endedAt: null,
          updatedAt: at,
        }),
      );
      await em.persist(rows).flush();
      return rows.map((r) => r.id);
    });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const c: Conn = await list({ first: 2, after, filter: { agentId: agent.id } });
      seen.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].sort().reverse());
  });
});
