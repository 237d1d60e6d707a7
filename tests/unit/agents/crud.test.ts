import { agentsSubgraph } from '../../../subgraphs/agents';
import { EventTypes, MemberRole, type EventEnvelope } from '../../../core/vocabulary';
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
} from './fixtures';

const GET = `query($id: ID!) { agent(id: $id) { ${AGENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { ${AGENT_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAgent(id: $id) { ${AGENT_FIELDS} } }`;

describeEachDb('agents CRUD (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  const received: EventEnvelope[] = [];

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
    await h.events.subscribe('test-crud', [EventTypes.agentUpserted], async (e) => {
      received.push(e);
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

  it('creates an agent with normalized fields and reads it back', async () => {
    const a = await createAgent(h, w.owner, {
      name: '  Maya   Lopez ',
      email: ' Maya@Example.COM ',
      phone: '512.555.0101',
      tags: [' spanish ', 'luxury', 'spanish'],
      locationId: w.loc1,
    });
    expect(a).toMatchObject({
      name: 'Maya Lopez',
      email: 'maya@example.com',
      phone: '+15125550101',
      tags: ['spanish', 'luxury'],
      locationId: w.loc1,
      sharedPool: false,
      active: true,
      location: { id: w.loc1 },
    });
    expect(Date.parse(a.createdAt)).not.toBeNaN();
    const res = await h.exec<{ agent: AgentView }>(w.owner, GET, { id: a.id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.agent).toEqual(a);
  });

  it('creates a shared-pool agent when locationId is omitted', async () => {
    const { locationId: _omit, ...input } = agentInput();
    const res = await h.exec<{ createAgent: AgentView }>(w.owner, CREATE_AGENT, { input });
    expect(res.data?.createAgent).toMatchObject({ locationId: null, sharedPool: true, location: null });
  });

  it('updates only the given fields and publishes agents.agent.upserted after the write', async () => {
    const a = await createAgent(h, w.owner, { locationId: w.loc1 });
    await settleEvents(h);
    received.length = 0;
    const res = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: a.id,
      input: {
        name: 'Renamed',
        phone: '+44 20 7946 0958',
        specializations: ['LUXURY', 'LUXURY'],
        locationId: w.loc2,
      },
    });
    expect(res.errors).toBeUndefined();
    const u = res.data!.updateAgent;
    expect(u).toMatchObject({
      name: 'Renamed',
      phone: '+442079460958',
      specializations: ['LUXURY'],
      locationId: w.loc2,
    });
    expect(u.email).toBe(a.email);
    expect(u.role).toBe(a.role);
    expect(u.tags).toEqual(a.tags);
    expect(Date.parse(u.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a.updatedAt));

    await settleEvents(h);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      type: EventTypes.agentUpserted,
      tenantId: w.tenantA,
      payload: {
        agentId: a.id,
        name: 'Renamed',
        locationId: w.loc2,
        specializations: ['LUXURY'],
        active: true,
      },
    });
    // The event was published after the row was written: reading it now shows the same state.
    const after = await h.exec<{ agent: AgentView }>(w.owner, GET, { id: a.id });
    expect(after.data?.agent.name).toBe('Renamed');
  });

  it('publishes on create with the full payload, and not for a no-op update', async () => {
    const a = await createAgent(h, w.owner, { locationId: w.loc1, tags: ['x'] });
    await settleEvents(h);
    expect(received.map((e) => e.payload)).toEqual([
      {
        agentId: a.id,
        locationId: w.loc1,
        name: a.name,
        role: a.role,
        experience: a.experience,
        specializations: a.specializations,
        tags: ['x'],
        active: true,
        ghlUserId: null,
      },
    ]);
    expect(received[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    received.length = 0;
    const res = await h.exec(w.owner, UPDATE, { id: a.id, input: { name: a.name, tags: ['x'] } });
    expect(res.errors).toBeUndefined();
    await settleEvents(h);
    expect(received).toHaveLength(0);
  });

  it('clears the phone and moves an agent to the shared pool with explicit nulls', async () => {
    const a = await createAgent(h, w.owner, { locationId: w.loc1 });
    const res = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: a.id,
      input: { phone: null, locationId: null },
    });
    expect(res.data?.updateAgent).toMatchObject({
      phone: null,
      locationId: null,
      sharedPool: true,
      location: null,
    });
  });

  it('deactivates idempotently and publishes once', async () => {
    const a = await createAgent(h, w.owner, { locationId: w.loc1 });
    await settleEvents(h);
    received.length = 0;
    const first = await h.exec<{ deactivateAgent: AgentView }>(w.owner, DEACTIVATE, { id: a.id });
    expect(first.data?.deactivateAgent.active).toBe(false);
    const again = await h.exec<{ deactivateAgent: AgentView }>(w.owner, DEACTIVATE, { id: a.id });
    expect(again.data?.deactivateAgent.active).toBe(false);
    await settleEvents(h);
    expect(received.map((e) => (e.payload as { active: boolean }).active)).toEqual([false]);
    const back = await h.exec<{ updateAgent: AgentView }>(w.owner, UPDATE, {
      id: a.id,
      input: { active: true },
    });
    expect(back.data?.updateAgent.active).toBe(true);
  });

  it('answers NOT_FOUND for a missing id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectError(await h.exec(w.owner, GET, { id: missing }), 'NOT_FOUND');
    expectError(await h.exec(w.owner, UPDATE, { id: missing, input: { name: 'x' } }), 'NOT_FOUND');
    expectError(await h.exec(w.owner, DEACTIVATE, { id: missing }), 'NOT_FOUND');
    expectError(await h.exec(w.owner, GET, { id: 'not-a-uuid' }), 'BAD_USER_INPUT', 'id');
    expectError(await h.exec(w.owner, DEACTIVATE, { id: "1' or '1'='1" }), 'BAD_USER_INPUT', 'id');
  });

  describe('validation names the field', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['invalid email', { email: 'not-an-email' }, 'email'],
      ['email without a dotted domain', { email: 'a@localhost' }, 'email'],
      ['phone with letters', { phone: '512-CALL-NOW' }, 'phone'],
      ['phone too short', { phone: '12345' }, 'phone'],
      ['10 digits that are not NANP', { phone: '0123456789' }, 'phone'],
      ['empty name', { name: '   ' }, 'name'],
      ['too long name', { name: 'x'.repeat(121) }, 'name'],
      ['a tag over 40 characters', { tags: ['x'.repeat(41)] }, 'tags'],
      ['more than 20 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      ['an empty tag', { tags: ['ok', '  '] }, 'tags'],
      ['a malformed locationId', { locationId: 'loc-1' }, 'locationId'],
    ];
    it.each(cases)('%s', async (_label, overrides, field) => {
      const res = await h.exec(w.owner, CREATE_AGENT, { input: agentInput(overrides) });
      expectError(res, 'BAD_USER_INPUT', field);
    });

    it('accepts exactly 20 tags of 40 characters', async () => {
      const tags = Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x'));
      const a = await createAgent(h, w.owner, { tags });
      expect(a.tags).toEqual(tags);
    });

    it('rejects an unknown enum value through GraphQL coercion, not as a 500', async () => {
      const res = await h.exec(w.owner, CREATE_AGENT, { input: agentInput({ role: 'SELLER_AGENT' }) });
      // A request error (400), never an execution failure; the agent was not created.
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.data).toBeUndefined();
      const spec = await h.exec(w.owner, CREATE_AGENT, {
        input: agentInput({ specializations: ['CASTLES'] }),
      });
      expect(spec.status).toBe(400);
      const inline = await h.exec(
        w.owner,
        `mutation { createAgent(input: { name: "x", email: "x@y.co", role: NOPE, experience: NOVICE }) { id } }`,
      );
      expect(inline.status).toBe(400);
      expect(inline.data).toBeUndefined();
    });

    it('rejects null for required fields on update', async () => {
      const a = await createAgent(h, w.owner);
      expectError(
        await h.exec(w.owner, UPDATE, { id: a.id, input: { name: null } }),
        'BAD_USER_INPUT',
        'name',
      );
      expectError(
        await h.exec(w.owner, UPDATE, { id: a.id, input: { email: 'nope' } }),
        'BAD_USER_INPUT',
        'email',
      );
      expectError(
        await h.exec(w.owner, UPDATE, { id: a.id, input: { phone: '+1 000 555 0101' } }),
        'BAD_USER_INPUT',
        'phone',
      );
    });
  });

  describe('scopes', () => {
    it('needs agents:read to read and agents:write to write', async () => {
      const noScopes = principal({ tenantId: w.tenantA, scopes: [] });
      expectError(await h.exec(noScopes, `{ agents { totalCount } }`), 'FORBIDDEN');
      const readOnly = principal({ tenantId: w.tenantA, scopes: ['agents:read'] });
      expectError(await h.exec(readOnly, CREATE_AGENT, { input: agentInput() }), 'FORBIDDEN');
    });

    it('does not let an AGENT principal manage profiles, even with agents:write', async () => {
      const a = await createAgent(h, w.owner, { locationId: w.loc1 });
      const self = principal({
        tenantId: w.tenantA,
        role: MemberRole.AGENT,
        agentId: a.id,
        locationIds: [w.loc1],
        scopes: ['agents:read', 'agents:write'],
      });
      expectError(await h.exec(self, UPDATE, { id: a.id, input: { name: 'Me' } }), 'FORBIDDEN');
      expectError(
        await h.exec(self, CREATE_AGENT, { input: agentInput({ locationId: w.loc1 }) }),
        'FORBIDDEN',
      );
    });

    it('rejects a request without a context token', async () => {
      const res = await h.exec(null, `{ agents { totalCount } }`);
      expect(res.status).toBe(401);
    });
  });
});
