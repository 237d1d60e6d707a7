import { agentsSubgraph, Agent, AgentSession } from '../../../subgraphs/agents';
import { withTenantScope } from '../../../core/db/request-scope';
import { MemberRole } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import {
  announceLocations,
  announceWorld,
  AGENT_FIELDS,
  agentInput,
  agentPrincipal,
  CREATE_AGENT,
  createAgent,
  expectError,
  makeWorld,
  startSession,
  type AgentView,
} from './fixtures';

const GET = `query($id: ID!) { agent(id: $id) { id name } }`;
const LIST = `query($filter: AgentFilter) { agents(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { ${AGENT_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAgent(id: $id) { id } }`;

describeEachDb('agents visibility and tenant isolation (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  let a1: AgentView;
  let a2: AgentView;
  let pool: AgentView;
  let b1: AgentView;
  let sessionA: string;

  async function visibleIds(p = w.owner, filter?: Record<string, unknown>): Promise<string[]> {
    const res = await h.exec<{ agents: { totalCount: number; edges: { node: { id: string } }[] } }>(p, LIST, {
      filter,
    });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    expect(res.data.agents.totalCount).toBe(res.data.agents.edges.length);
    return res.data.agents.edges.map((e) => e.node.id).sort();
  }

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
    a1 = await createAgent(h, w.owner, { name: 'A1', locationId: w.loc1 });
    a2 = await createAgent(h, w.owner, { name: 'A2', locationId: w.loc2 });
    pool = await createAgent(h, w.owner, { name: 'Pool', locationId: null });
    // Tenant B has a location with the same id (generated ids never collide, but if they did): the
    // tenant, not the location, separates them.
    await announceLocations(h, w.tenantB, [w.loc1]);
    b1 = await createAgent(h, w.ownerB, { name: 'B1', locationId: w.loc1 });
    sessionA = (await startSession(h, w.owner, { agentId: a1.id })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('MANAGER', () => {
    it('sees its locations plus the shared pool', async () => {
      expect(await visibleIds(w.manager1)).toEqual([a1.id, pool.id].sort());
      expect(await visibleIds(w.manager2)).toEqual([a2.id, pool.id].sort());
    });

    it('gets NOT_FOUND for another location’s agent, by id and by mutation', async () => {
      expectError(await h.exec(w.manager1, GET, { id: a2.id }), 'NOT_FOUND');
      expectError(await h.exec(w.manager1, UPDATE, { id: a2.id, input: { name: 'x' } }), 'NOT_FOUND');
      expectError(await h.exec(w.manager1, DEACTIVATE, { id: a2.id }), 'NOT_FOUND');
      const ok = await h.exec<{ agent: { id: string } }>(w.manager2, GET, { id: pool.id });
      expect(ok.data?.agent.id).toBe(pool.id);
    });

    it('creates and updates agents only in its own locations', async () => {
      const mine = await createAgent(h, w.manager1, { locationId: w.loc1 });
      expect(mine.locationId).toBe(w.loc1);
      expectError(
        await h.exec(w.manager1, CREATE_AGENT, { input: agentInput({ locationId: w.loc2 }) }),
        'FORBIDDEN',
      );
      expectError(
        await h.exec(w.manager1, CREATE_AGENT, { input: agentInput({ locationId: null }) }),
        'FORBIDDEN',
      );
      expectError(
        await h.exec(w.manager1, UPDATE, { id: mine.id, input: { locationId: w.loc2 } }),
        'FORBIDDEN',
      );
      expectError(
        await h.exec(w.manager1, UPDATE, { id: mine.id, input: { locationId: null } }),
        'FORBIDDEN',
      );
      expectError(
        await h.exec(w.manager1, UPDATE, { id: pool.id, input: { name: 'Mine now' } }),
        'FORBIDDEN',
      );
      expectError(await h.exec(w.manager1, DEACTIVATE, { id: pool.id }), 'FORBIDDEN');
      const renamed = await h.exec<{ updateAgent: AgentView }>(w.manager1, UPDATE, {
        id: mine.id,
        input: { name: 'Renamed' },
      });
      expect(renamed.data?.updateAgent.name).toBe('Renamed');
      await h.exec(w.owner, DEACTIVATE, { id: mine.id });
    });
  });

  describe('ADMIN of a subtree', () => {
    it('sees its locations and the pool, and cannot write the pool', async () => {
      const admin = principal({ tenantId: w.tenantA, role: MemberRole.ADMIN, locationIds: [w.loc2] });
      expect(await visibleIds(admin, { active: true })).toEqual([a2.id, pool.id].sort());
      expectError(await h.exec(admin, UPDATE, { id: pool.id, input: { name: 'x' } }), 'FORBIDDEN');
    });
  });

  describe('AGENT', () => {
    it('sees only its own profile', async () => {
      const me = agentPrincipal(w.tenantA, a1.id, w.loc1);
      expect(await visibleIds(me)).toEqual([a1.id]);
      expect((await h.exec<{ agent: { id: string } }>(me, GET, { id: a1.id })).data?.agent.id).toBe(a1.id);
      expectError(await h.exec(me, GET, { id: a2.id }), 'NOT_FOUND');
      expectError(await h.exec(me, GET, { id: pool.id }), 'NOT_FOUND');
    });

    it('sees nothing without an agent id', async () => {
      const nobody = principal({ tenantId: w.tenantA, role: MemberRole.AGENT, locationIds: [w.loc1] });
      expect(await visibleIds(nobody)).toEqual([]);
    });
  });

  describe('another tenant', () => {
    it('answers NOT_FOUND by id, exactly like a missing id', async () => {
      const res = await h.exec(w.ownerB, GET, { id: a1.id });
      expectError(res, 'NOT_FOUND');
      expect(res.errors?.[0]?.message).toBe(`Agent ${a1.id} not found`);
      expectError(await h.exec(w.ownerB, UPDATE, { id: a1.id, input: { name: 'stolen' } }), 'NOT_FOUND');
      expectError(await h.exec(w.ownerB, DEACTIVATE, { id: a1.id }), 'NOT_FOUND');
      expectError(
        await h.exec(w.ownerB, `query($id: ID!) { agentSession(id: $id) { id } }`, { id: sessionA }),
        'NOT_FOUND',
      );
      expectError(
        await h.exec(w.ownerB, `mutation($id: ID!) { endAgentSession(id: $id) { id } }`, { id: sessionA }),
        'NOT_FOUND',
      );
      expectError(
        await h.exec(
          w.ownerB,
          `mutation($i: StartAgentSessionInput!) { startAgentSession(input: $i) { id } }`,
          {
            i: { agentId: a1.id, contactId: 'c1', channel: 'SMS' },
          },
        ),
        'NOT_FOUND',
      );
    });

    it('lists none of the other tenant’s rows', async () => {
      expect(await visibleIds(w.ownerB)).toEqual([b1.id]);
      expect(await visibleIds(w.ownerB, { locationId: w.loc1 })).toEqual([b1.id]);
      const sessions = await h.exec<{ agentSessions: { totalCount: number } }>(
        w.ownerB,
        `{ agentSessions { totalCount } }`,
      );
      expect(sessions.data?.agentSessions.totalCount).toBe(0);
    });

    it('resolves none of them through _entities (Agent, AgentSession, Location.agents)', async () => {
      const res = await h.exec<{
        _entities: ({
          id?: string;
          agents?: { totalCount: number; edges: { node: { id: string } }[] };
        } | null)[];
      }>(
        w.ownerB,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Agent { id } ... on AgentSession { id } ... on Location { id agents { totalCount edges { node { id } } } } } }`,
        {
          r: [
            { __typename: 'Agent', id: a1.id },
            { __typename: 'AgentSession', id: sessionA },
            { __typename: 'Location', id: w.loc2 },
            { __typename: 'Location', id: w.loc1 },
            { __typename: 'Agent', id: b1.id },
          ],
        },
      );
      expect(res.errors).toBeUndefined();
      const [agent, session, loc2, loc1, own] = res.data!._entities;
      expect(agent).toBeNull();
      expect(session).toBeNull();
      expect(loc2?.agents).toEqual({ totalCount: 0, edges: [] });
      expect(loc1?.agents?.edges.map((e) => e.node.id)).toEqual([b1.id]);
      expect(own?.id).toBe(b1.id);
    });
  });

  if (kind === 'postgres') {
    describe('row-level security', () => {
      it('hides tenant A’s rows from tenant B even with the ORM filter off', async () => {
        const rows = await withTenantScope(h.db.orm, w.tenantB, async (em) => ({
          agents: await em.find(Agent, {}, { filters: false }),
          sessions: await em.find(AgentSession, {}, { filters: false }),
          raw: await em
            .getConnection()
            .execute<{ n: string }[]>(
              `select count(*) as n from "${h.db.schema}"."agents" where tenant_id = ?`,
              [w.tenantA],
              'all',
              em.getTransactionContext(),
            ),
        }));
        expect(rows.agents.map((a) => a.id)).toEqual([b1.id]);
        expect(rows.sessions).toEqual([]);
        expect(Number(rows.raw[0]!.n)).toBe(0);
      });

      it('fails closed outside a tenant scope, and blocks writes into another tenant', async () => {
        const em = h.db.orm.em.fork();
        expect(await em.find(Agent, {}, { filters: false })).toEqual([]);
        await expect(
          withTenantScope(h.db.orm, w.tenantB, async (tem) => {
            const agent = tem.create(Agent, {
              ...(agentInput() as Omit<Agent, 'id'>),
              id: crypto.randomUUID(),
              tenantId: w.tenantA,
              specializations: [],
              tags: [],
              phone: null,
              locationId: null,
              active: true,
              createdAt: new Date(),
              updatedAt: new Date(),
            });
            await tem.persist(agent).flush();
          }),
        ).rejects.toThrow(/row-level security/);
      });
    });
  }
});
