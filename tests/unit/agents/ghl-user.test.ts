import { randomUUID } from 'node:crypto';
import { agentsSubgraph, Agent } from '../../../subgraphs/agents';
import { seedAgents, type SeedAgent } from '../../../subgraphs/agents/seed';
import { withTenantScope } from '../../../core/db/request-scope';
import { ConflictError } from '../../../core/errors';
import { OutboxEvent } from '../../../core/outbox';
import {
  AgentRole,
  EventTypes,
  Experience,
  MemberRole,
  type AgentUpsertedPayload,
  type EventEnvelope,
} from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import {
  announceWorld,
  AGENT_FIELDS,
  CREATE_AGENT,
  agentInput,
  createAgent,
  expectError,
  makeWorld,
  settleEvents,
  stopTestRelay,
  type AgentView,
  type ConnectionView,
} from './fixtures';

const UPDATE = `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { ${AGENT_FIELDS} } }`;
const LIST = `query($filter: AgentFilter) { agents(filter: $filter) { edges { node { id ghlUserId } } totalCount } }`;

type Conn = ConnectionView<Pick<AgentView, 'id' | 'ghlUserId'>>;

describeEachDb('agents ghlUserId (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  const received: EventEnvelope<AgentUpsertedPayload>[] = [];

  async function list(filter: Record<string, unknown>, p = w.owner): Promise<Conn> {
    const res = await h.exec<{ agents: Conn }>(p, LIST, { filter });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.agents;
  }

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
    await h.events.subscribe('test-ghl', [EventTypes.agentUpserted], async (e) => {
      received.push(e as EventEnvelope<AgentUpsertedPayload>);
    });
  });
  afterAll(async () => {
    if (h) await stopTestRelay(h);
    await h?.close();
  });
  beforeEach(async () => {
    await settleEvents(h);
    received.length = 0;
  });

  it('creates with a trimmed ghlUserId, reads it back and publishes it', async () => {
    const a = await createAgent(h, w.owner, { ghlUserId: '  ghl_User-01 ' });
    expect(a.ghlUserId).toBe('ghl_User-01');
    const none = await createAgent(h, w.owner);
    expect(none.ghlUserId).toBeNull();
    await settleEvents(h);
    expect(received.map((e) => [e.payload.agentId, e.payload.ghlUserId])).toEqual([
      [a.id, 'ghl_User-01'],
      [none.id, null],
    ]);
  });

  it('filters by ghlUserId (exact, case-sensitive), combined with other filters', async () => {
    const a = await createAgent(h, w.owner, { ghlUserId: 'filterMe', locationId: w.loc1 });
    await createAgent(h, w.owner, { ghlUserId: 'filterme', locationId: w.loc1 });
    const hit = await list({ ghlUserId: ' filterMe ' });
    expect(hit.totalCount).toBe(1);
    expect(hit.edges[0]!.node).toEqual({ id: a.id, ghlUserId: 'filterMe' });
    expect((await list({ ghlUserId: 'filterMe', locationId: w.loc2 })).totalCount).toBe(0);
    expect((await list({ ghlUserId: 'nobody' })).totalCount).toBe(0);
    // visibility still applies: a manager of another location does not see it
    expect((await list({ ghlUserId: 'filterMe' }, w.manager2)).totalCount).toBe(0);
    expectError(
      await h.exec(w.owner, LIST, { filter: { ghlUserId: 'bad id!' } }),
      'BAD_USER_INPUT',
      'filter.ghlUserId',
    );
  });

  it.each([
    ['contains a space', 'ghl user'],
    ['contains punctuation', 'ghl.user'],
    ['is too long', 'x'.repeat(65)],
    ['is not ASCII', 'usér'],
  ])('rejects a ghlUserId that %s, on create and update', async (_why, value) => {
    expectError(
      await h.exec(w.owner, CREATE_AGENT, { input: agentInput({ ghlUserId: value }) }),
      'BAD_USER_INPUT',
      'ghlUserId',
    );
    const a = await createAgent(h, w.owner);
    expectError(
      await h.exec(w.owner, UPDATE, { id: a.id, input: { ghlUserId: value } }),
      'BAD_USER_INPUT',
      'ghlUserId',
    );
  });

  it('accepts exactly 64 characters', async () => {
    const id = `${'a'.repeat(62)}-_`;
    expect((await createAgent(h, w.owner, { ghlUserId: id })).ghlUserId).toBe(id);
  });

  it('answers CONFLICT for a duplicate in the tenant, even one the caller cannot see, and writes nothing', async () => {
    const hidden = await createAgent(h, w.owner, { ghlUserId: 'dup-1', locationId: w.loc2 });
    await settleEvents(h);
    received.length = 0;
    const input = agentInput({ ghlUserId: 'dup-1', locationId: w.loc1, name: 'Would Be Duplicate' });
    expectError(await h.exec(w.owner, CREATE_AGENT, { input }), 'CONFLICT', 'ghlUserId');
    expectError(await h.exec(w.manager1, CREATE_AGENT, { input }), 'CONFLICT', 'ghlUserId');
    const other = await createAgent(h, w.owner, { ghlUserId: 'dup-2', locationId: w.loc1 });
    expectError(
      await h.exec(w.manager1, UPDATE, { id: other.id, input: { ghlUserId: 'dup-1' } }),
      'CONFLICT',
      'ghlUserId',
    );

    await settleEvents(h);
    expect(received.map((e) => e.payload.agentId)).toEqual([other.id]);
    const rows = await withTenantScope(h.db.orm, w.tenantA, (em) => em.find(Agent, { ghlUserId: 'dup-1' }));
    expect(rows.map((r) => r.id)).toEqual([hidden.id]);
    const res = await h.exec<{ agent: AgentView }>(
      w.owner,
      `query($id: ID!) { agent(id: $id) { ghlUserId } }`,
      {
        id: other.id,
      },
    );
    expect(res.data?.agent.ghlUserId).toBe('dup-2');
  });

  it('allows the same ghlUserId in another tenant, and any number of agents without one', async () => {
    await createAgent(h, w.owner, { ghlUserId: 'shared-across' });
    const b = await createAgent(h, w.ownerB, { ghlUserId: 'shared-across' });
    expect(b.ghlUserId).toBe('shared-across');
    await createAgent(h, w.ownerB, { ghlUserId: null });
    await createAgent(h, w.ownerB, { ghlUserId: '' });
    expect((await list({ ghlUserId: 'shared-across' }, w.ownerB)).totalCount).toBe(1);
  });

  it('updates, keeps, clears (null or blank) and re-uses a freed ghlUserId', async () => {
    const a = await createAgent(h, w.owner, { ghlUserId: 'upd-1' });
    const set = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: a.id,
      input: { ghlUserId: 'upd-2' },
    });
    expect(set.data?.updateAgent.ghlUserId).toBe('upd-2');
    const kept = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: a.id,
      input: { name: 'Kept' },
    });
    expect(kept.data?.updateAgent).toMatchObject({ name: 'Kept', ghlUserId: 'upd-2' });
    const same = await h.exec(w.owner, UPDATE, { id: a.id, input: { ghlUserId: 'upd-2' } });
    expect(same.errors).toBeUndefined();
    const cleared = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: a.id,
      input: { ghlUserId: null },
    });
    expect(cleared.data?.updateAgent.ghlUserId).toBeNull();
    const b = await createAgent(h, w.owner, { ghlUserId: 'upd-2' });
    const blank = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: b.id,
      input: { ghlUserId: '  ' },
    });
    expect(blank.data?.updateAgent.ghlUserId).toBeNull();

    await settleEvents(h);
    expect(received.map((e) => e.payload.ghlUserId)).toEqual([
      'upd-1',
      'upd-2',
      'upd-2',
      null,
      'upd-2',
      null,
    ]);
  });

  it('concurrent creates with the same ghlUserId: one wins, the other is a CONFLICT, one event', async () => {
    const input = (n: number) => agentInput({ ghlUserId: 'race-1', name: `Racer ${n}` });
    const results = await Promise.all(
      [1, 2, 3].map((n) => h.exec(w.owner, CREATE_AGENT, { input: input(n) })),
    );
    const ok = results.filter((r) => r.data && !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expectError(r, 'CONFLICT', 'ghlUserId');
    await settleEvents(h);
    expect(received.filter((e) => e.payload.ghlUserId === 'race-1')).toHaveLength(1);
    const staged = await h.db.owner.em
      .fork()
      .find(OutboxEvent, { type: EventTypes.agentUpserted, tenant: w.tenantA });
    const forRace = staged.filter((r) => (r.payload as AgentUpsertedPayload).ghlUserId === 'race-1');
    expect(forRace).toHaveLength(1);
  });

  it('seeds agents with an optional ghlUserId and refuses a duplicate', async () => {
    const tenantId = randomUUID();
    const base = {
      locationId: null,
      email: 'seed@example.com',
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
    };
    const agents: SeedAgent[] = [
      { ...base, id: randomUUID(), name: 'Seed With', ghlUserId: 'seed-ghl' },
      { ...base, id: randomUUID(), name: 'Seed Without' },
    ];
    expect(await seedAgents(h.db.orm, { tenants: [{ tenantId, agents }] })).toEqual({
      created: 2,
      skipped: 0,
    });
    const p = principal({ tenantId, role: MemberRole.OWNER });
    const hit = await list({ ghlUserId: 'seed-ghl' }, p);
    expect(hit.edges.map((e) => e.node.id)).toEqual([agents[0]!.id]);
    const dup: SeedAgent = { ...base, id: randomUUID(), name: 'Seed Dup', ghlUserId: 'seed-ghl' };
    await expect(seedAgents(h.db.orm, { tenants: [{ tenantId, agents: [dup] }] })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      seedAgents(h.db.orm, { tenants: [{ tenantId, agents: [{ ...dup, ghlUserId: 'bad id' }] }] }),
    ).rejects.toMatchObject({ field: 'ghlUserId' });
    expect((await list({}, p)).totalCount).toBe(2);
  });
});
