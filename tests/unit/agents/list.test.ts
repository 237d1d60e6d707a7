import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { agentsSubgraph } from '../../../subgraphs/agents';
import { seedAgents, type SeedAgent } from '../../../subgraphs/agents/seed';
import { AgentRole, Experience, Specialization } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import {
  AGENT_FIELDS,
  announceWorld,
  createAgent,
  expectError,
  makeWorld,
  type AgentView,
  type ConnectionView,
} from './fixtures';

const LIST = `query($first: Int, $after: String, $filter: AgentFilter) {
  agents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id name email locationId role experience specializations active } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

type Node = Pick<
  AgentView,
  'id' | 'name' | 'email' | 'locationId' | 'role' | 'experience' | 'specializations' | 'active'
>;

describeEachDb('agents list (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  const ids: Record<string, string> = {};

  async function list(vars: Record<string, unknown>, p = w.owner): Promise<ConnectionView<Node>> {
    const res = await h.exec<{ agents: ConnectionView<Node> }>(p, LIST, vars);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.agents;
  }
  const names = (c: ConnectionView<Node>) => c.edges.map((e) => e.node.name);

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
    const make = async (key: string, o: Record<string, unknown>) => {
      ids[key] = (
        await createAgent(h, w.owner, {
          name: key,
          email: `${key.toLowerCase().replace(/[^a-z0-9]/g, '')}@example.com`,
          ...o,
        })
      ).id;
    };
    await make('Maya Lopez', {
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      specializations: [Specialization.LUXURY, Specialization.RELOCATION],
      locationId: w.loc1,
    });
    await make('Jordan Lee', {
      role: AgentRole.LISTING_AGENT,
      experience: Experience.EXPERT,
      specializations: [Specialization.RELOCATION],
      tags: ['LUXURY'],
      locationId: w.loc1,
    });
    await make('Priya Shah', {
      role: AgentRole.LISTING_AGENT,
      experience: Experience.EXPERIENCED,
      specializations: [Specialization.INVESTMENT],
      locationId: w.loc2,
    });
    await make('Luis Ortega', {
      role: AgentRole.TRANSACTION_COORDINATOR,
      experience: Experience.EXPERT,
      specializations: [],
      locationId: null,
    });
    await make('100% Closer', {
      role: AgentRole.BUYER_AGENT,
      experience: Experience.EXPERT,
      specializations: [Specialization.LUXURY],
      locationId: null,
    });
    await make('Under_Score', {
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      locationId: w.loc2,
      email: 'under_score@example.com',
    });
    await make('Inactive Ian', {
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      locationId: w.loc1,
    });
    const res = await h.exec(w.owner, `mutation($id: ID!) { deactivateAgent(id: $id) { id } }`, {
      id: ids['Inactive Ian'],
    });
    expect(res.errors).toBeUndefined();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists every agent of the tenant by name, with totalCount', async () => {
    const c = await list({});
    expect(names(c)).toEqual([
      '100% Closer',
      'Inactive Ian',
      'Jordan Lee',
      'Luis Ortega',
      'Maya Lopez',
      'Priya Shah',
      'Under_Score',
    ]);
    expect(c.totalCount).toBe(7);
    expect(c.pageInfo.hasNextPage).toBe(false);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['role', { role: 'LISTING_AGENT' }, ['Jordan Lee', 'Priya Shah']],
    ['experience', { experience: 'EXPERT' }, ['100% Closer', 'Jordan Lee', 'Luis Ortega']],
    [
      'specialization (not matched by a tag of the same text)',
      { specialization: 'LUXURY' },
      ['100% Closer', 'Maya Lopez'],
    ],
    ['specialization among several', { specialization: 'RELOCATION' }, ['Jordan Lee', 'Maya Lopez']],
    ['location', { locationId: 'loc1' }, ['Inactive Ian', 'Jordan Lee', 'Maya Lopez']],
    ['shared pool', { sharedPool: true }, ['100% Closer', 'Luis Ortega']],
    [
      'not shared pool',
      { sharedPool: false },
      ['Inactive Ian', 'Jordan Lee', 'Maya Lopez', 'Priya Shah', 'Under_Score'],
    ],
    [
      'active',
      { active: true },
      ['100% Closer', 'Jordan Lee', 'Luis Ortega', 'Maya Lopez', 'Priya Shah', 'Under_Score'],
    ],
    ['inactive', { active: false }, ['Inactive Ian']],
    ['name search, case-insensitive', { search: 'mAyA' }, ['Maya Lopez']],
    ['email search', { search: 'PRIYASHAH@' }, ['Priya Shah']],
    ['a literal % in the search', { search: '100%' }, ['100% Closer']],
    ['a lone % matches only names containing %', { search: '%' }, ['100% Closer']],
    ['a literal _ in the search', { search: 'r_s' }, ['Under_Score']],
    ['the escape character itself', { search: '!' }, []],
    [
      'combined filters',
      { role: 'BUYER_AGENT', experience: 'NOVICE', locationId: 'loc1', active: true },
      ['Maya Lopez'],
    ],
  ])('filters by %s', async (_label, filter, expected) => {
    const f = { ...filter };
    if (f['locationId'] === 'loc1') f['locationId'] = w.loc1;
    const c = await list({ filter: f });
    expect(names(c)).toEqual(expected);
    expect(c.totalCount).toBe(expected.length);
  });

  it('reads only the columns a page selects, and answers each field alike whatever else is selected', async () => {
    const knex = (h.db.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    const statements: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (/ from \S*agents\S* a where /i.test(q.sql)) statements.push(q.sql);
    };
    type Page<N> = { agents: { edges: { node: N }[] } };
    knex.on('query', onQuery);
    try {
      const slim = await h.exec<Page<Pick<AgentView, 'name' | 'role'> & { location: unknown }>>(
        w.owner,
        'query { agents(first: 50) { edges { node { name role location { __typename id } } } } }',
      );
      const full = await h.exec<Page<AgentView>>(
        w.owner,
        `query { agents(first: 50) { edges { node { ...F } } } } fragment F on Agent { ${AGENT_FIELDS} }`,
      );
      const aliased = await h.exec<Page<{ mail: string }>>(
        w.owner,
        'query { agents(first: 50) { edges { n: node { ... on Agent { mail: email } } } } }',
      );
      knex.off('query', onQuery);
      expect(statements).toHaveLength(3);
      expect(statements[0]).toMatch(/\brole\b/);
      expect(statements[0]).not.toMatch(/email|experience|specializations|tags|created_at|updated_at/);
      expect(statements[1]).toMatch(/email.*experience.*specializations.*tags.*created_at.*updated_at/);
      expect(statements[2]).toMatch(/email/);
      expect(statements[2]).not.toMatch(/role|tags/);

      const nodes = full.data!.agents.edges.map((e) => e.node);
      expect(nodes).toHaveLength(7);
      for (const node of nodes) {
        const one = await h.exec<{ agent: AgentView }>(
          w.owner,
          `query($id: ID!) { agent(id: $id) { ${AGENT_FIELDS} } }`,
          {
            id: node.id,
          },
        );
        expect(node).toEqual(one.data?.agent);
      }
      expect(slim.data?.agents.edges.map((e) => e.node)).toEqual(
        nodes.map((n) => ({
          name: n.name,
          role: n.role,
          location: n.location && { __typename: 'Location', id: n.location.id },
        })),
      );
      expect(aliased.data).toEqual({ agents: { edges: nodes.map((n) => ({ n: { mail: n.email } })) } });
    } finally {
      knex.off('query', onQuery);
    }
  });

  it('rejects a malformed location filter and a contradictory one', async () => {
    expectError(
      await h.exec(w.owner, LIST, { filter: { locationId: 'x' } }),
      'BAD_USER_INPUT',
      'filter.locationId',
    );
    expectError(
      await h.exec(w.owner, LIST, { filter: { locationId: w.loc1, sharedPool: true } }),
      'BAD_USER_INPUT',
      'filter.sharedPool',
    );
  });

  describe('pagination', () => {
    const tenantC = randomUUID();
    const ownerC = principal({ tenantId: tenantC });
    const seeded: SeedAgent[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 22; i++) {
        seeded.push({
          id: randomUUID(),
          locationId: null,
          name: `Agent ${String(i).padStart(2, '0')}`,
          email: `p${i}@example.com`,
          phone: null,
          role: AgentRole.BUYER_AGENT,
          experience: Experience.NOVICE,
        });
      }
      // Three agents share a name: the id breaks the tie.
      for (let i = 0; i < 3; i++) {
        seeded.push({
          id: randomUUID(),
          locationId: null,
          name: 'Agent 10',
          email: `tie${i}@example.com`,
          role: AgentRole.BUYER_AGENT,
          experience: Experience.NOVICE,
        });
      }
      await seedAgents(h.db.orm, { tenants: [{ tenantId: tenantC, agents: seeded }] });
    });

    async function pages(first: number): Promise<ConnectionView<Node>[]> {
      const out: ConnectionView<Node>[] = [];
      let after: string | null = null;
      do {
        const c: ConnectionView<Node> = await list({ first, after }, ownerC);
        out.push(c);
        after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      } while (after && out.length < 10);
      return out;
    }

    it('walks 3 pages without duplicates or gaps, ordered by name then id', async () => {
      const all = await pages(10);
      expect(all.map((p) => p.edges.length)).toEqual([10, 10, 5]);
      expect(all.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
      expect(all.every((p) => p.totalCount === 25)).toBe(true);
      const got = all.flatMap((p) => p.edges.map((e) => e.node));
      expect(new Set(got.map((n) => n.id)).size).toBe(25);
      const expected = [...seeded].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
      );
      expect(got.map((n) => n.id)).toEqual(expected.map((a) => a.id));
    });

    it('is stable: the same cursor gives the same page, even after an insert before it', async () => {
      const [p1] = await pages(10);
      const again = await list({ first: 10, after: p1!.pageInfo.endCursor }, ownerC);
      await createAgent(h, ownerC, { name: 'Aaron First' });
      const afterInsert = await list({ first: 10, after: p1!.pageInfo.endCursor }, ownerC);
      expect(afterInsert.edges.map((e) => e.node.id)).toEqual(again.edges.map((e) => e.node.id));
      expect(afterInsert.totalCount).toBe(again.totalCount + 1);
    });

    it('a cursor past the last agent gives an empty page that still counts every match', async () => {
      const all = await pages(100);
      const last = all.at(-1)!;
      const beyond = await list({ first: 10, after: last.pageInfo.endCursor }, ownerC);
      expect(beyond.edges).toEqual([]);
      expect(beyond.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
      expect(beyond.totalCount).toBe(last.totalCount);
    });

    it('a page that selects no totalCount is one SQL statement, with the same agents', async () => {
      const knex = (h.db.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
      const statements: string[] = [];
      // the outbox relay's poll runs on its own timer, not for the request (seen here on a loaded machine)
      const onQuery = (q: { sql: string }) => {
        if (
          !/^\s*(begin|commit|rollback|savepoint|release|select set_config)\b/i.test(q.sql) &&
          !/outbox_/.test(q.sql)
        )
          statements.push(q.sql);
      };
      const counted = await list({ first: 10 }, ownerC);
      knex.on('query', onQuery);
      const res = await h.exec<{ agents: ConnectionView<Node> }>(
        ownerC,
        'query { agents(first: 10) { edges { node { id name } } pageInfo { hasNextPage } } }',
      );
      knex.off('query', onQuery);
      expect(res.data?.agents.edges.map((e) => e.node.id)).toEqual(counted.edges.map((e) => e.node.id));
      expect(res.data?.agents.pageInfo.hasNextPage).toBe(true);
      expect(statements).toHaveLength(1);
      expect(statements[0]).not.toMatch(/count\(/i);
    });

    it('answers first: 0 with the count only, and bounds first', async () => {
      const c = await list({ first: 0 }, ownerC);
      expect(c.edges).toEqual([]);
      expect(c.totalCount).toBeGreaterThanOrEqual(25);
      expectError(await h.exec(ownerC, LIST, { first: 101 }), 'BAD_USER_INPUT', 'first');
      expectError(await h.exec(ownerC, LIST, { first: -1 }), 'BAD_USER_INPUT', 'first');
      expect((await list({ first: 100 }, ownerC)).edges.length).toBeGreaterThanOrEqual(25);
      expect((await list({}, ownerC)).edges).toHaveLength(20);
    });

    it.each([
      ['garbage', 'not a cursor!'],
      ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
      [
        'a session cursor',
        Buffer.from(JSON.stringify(['session', new Date().toISOString(), randomUUID()])).toString(
          'base64url',
        ),
      ],
      [
        'a cursor with a bad id',
        Buffer.from(JSON.stringify(['agent', 'x', "' or 1=1 --"])).toString('base64url'),
      ],
      ['an empty string', ''],
    ])('rejects a malformed cursor (%s) on "after"', async (_label, after) => {
      expectError(await h.exec(ownerC, LIST, { first: 5, after }), 'BAD_USER_INPUT', 'after');
    });
  });
});
