import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';
import { agentsSubgraph } from '../../../subgraphs/agents';
import { seedAgents, type SeedAgent } from '../../../subgraphs/agents/seed';
import { AgentRole, Experience } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { countQueries, makeWorld, SELECT_AGENTS, SELECT_SESSIONS, startSession } from './fixtures';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Agent { id name sharedPool location { id } }
  ... on AgentSession { id agent { id name } }
} }`;

const LOCATION_AGENTS = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) {
  ... on Location { id agents(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name locationId active specializations createdAt } } } }
} }`;

interface EntityRow {
  id?: string;
  name?: string;
  agent?: { id: string; name: string } | null;
  agents?: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        name: string;
        locationId: string;
        active: boolean;
        specializations: string[];
        createdAt: string;
      };
    }[];
  };
}

describeEachDb('agents federation (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  const agents: SeedAgent[] = [];
  const locations = [w.loc1, w.loc2, w.loc3];

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    for (let i = 0; i < 50; i++) {
      agents.push({
        id: randomUUID(),
        locationId: i % 10 === 9 ? null : locations[i % 3]!,
        name: `Agent ${String(i).padStart(2, '0')}`,
        email: `f${i}@example.com`,
        role: AgentRole.BUYER_AGENT,
        experience: Experience.EXPERT,
      });
    }
    await seedAgents(h.db.orm, { tenants: [{ tenantId: w.tenantA, agents }] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('publishes a composable SDL with the entity keys', async () => {
    const res = await h.exec<{ _service: { sdl: string } }>(null, `{ _service { sdl } }`);
    const sdl = res.data!._service.sdl;
    expect(sdl).toMatch(/type Agent\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type AgentSession\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Location\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    const composed = composeServices([{ name: 'agents', typeDefs: parse(sdl), url: 'http://agents' }]);
    expect(composed.errors ?? []).toEqual([]);
  });

  it('resolves 50 Agent references with ONE select on the agents table', async () => {
    const reps = agents.map((a) => ({ __typename: 'Agent', id: a.id }));
    const counter = countQueries(h.db.orm, SELECT_AGENTS);
    const res = await h.exec<{ _entities: (EntityRow | null)[] }>(w.owner, ENTITIES, { r: reps });
    counter.stop();
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e) => e?.id)).toEqual(agents.map((a) => a.id));
    expect(counter.count()).toBe(1);
    expect(counter.sql[0]).toMatch(/ in \(/);
  });

  it('returns null, in place, for missing, malformed and invisible references', async () => {
    const visible = agents.find((a) => a.locationId === w.loc1)!;
    const hidden = agents.find((a) => a.locationId === w.loc2)!;
    const res = await h.exec<{ _entities: (EntityRow | null)[] }>(w.manager1, ENTITIES, {
      r: [
        { __typename: 'Agent', id: randomUUID() },
        { __typename: 'Agent', id: visible.id },
        { __typename: 'Agent', id: 'nope' },
        { __typename: 'Agent', id: hidden.id },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e) => e?.id ?? null)).toEqual([null, visible.id, null, null]);
  });

  it('batches AgentSession references and their agent field: one select per table', async () => {
    const sessions = [];
    for (const a of agents.slice(0, 10))
      sessions.push(await startSession(h, w.owner, { agentId: a.id, contactId: `c${a.name.slice(-2)}` }));
    const agentsCounter = countQueries(h.db.orm, SELECT_AGENTS);
    const sessionsCounter = countQueries(h.db.orm, SELECT_SESSIONS);
    const res = await h.exec<{ _entities: (EntityRow | null)[] }>(w.owner, ENTITIES, {
      r: sessions.map((s) => ({ __typename: 'AgentSession', id: s.id })),
    });
    agentsCounter.stop();
    sessionsCounter.stop();
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e) => e?.agent?.id)).toEqual(agents.slice(0, 10).map((a) => a.id));
    expect(sessionsCounter.count()).toBe(1);
    expect(agentsCounter.count()).toBe(1);
  });

  it('batches Location.agents for many locations: one windowed select and one count', async () => {
    const counter = countQueries(h.db.orm, SELECT_AGENTS);
    const res = await h.exec<{ _entities: EntityRow[] }>(w.owner, LOCATION_AGENTS, {
      r: [...locations, randomUUID()].map((id) => ({ __typename: 'Location', id })),
      first: 5,
    });
    counter.stop();
    expect(res.errors).toBeUndefined();
    expect(counter.count()).toBe(2);
    const [l1, l2, l3, none] = res.data!._entities;
    for (const [i, loc] of [l1, l2, l3].entries()) {
      const expected = agents
        .filter((a) => a.locationId === locations[i])
        .map((a) => a.name)
        .sort();
      expect(loc!.agents!.totalCount).toBe(expected.length);
      expect(loc!.agents!.edges.map((e) => e.node.name)).toEqual(expected.slice(0, 5));
      expect(loc!.agents!.edges.every((e) => e.node.locationId === locations[i])).toBe(true);
      // Rows mapped from the windowed query carry proper types (boolean, JSON array, date).
      expect(loc!.agents!.edges[0]!.node).toMatchObject({ active: true, specializations: [] });
      expect(Date.parse(loc!.agents!.edges[0]!.node.createdAt)).not.toBeNaN();
      expect(loc!.agents!.pageInfo.hasNextPage).toBe(true);
    }
    expect(none!.agents).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });

  it('pages Location.agents with its cursor', async () => {
    const expected = agents
      .filter((a) => a.locationId === w.loc1)
      .map((a) => a.name)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: { data?: { _entities: EntityRow[] } } = await h.exec<{ _entities: EntityRow[] }>(
        w.owner,
        LOCATION_AGENTS,
        {
          r: [{ __typename: 'Location', id: w.loc1 }],
          first: 4,
          after,
        },
      );
      const conn = res.data!._entities[0]!.agents!;
      seen.push(...conn.edges.map((e) => e.node.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('applies visibility to Location.agents', async () => {
    const res = await h.exec<{ _entities: EntityRow[] }>(w.manager1, LOCATION_AGENTS, {
      r: [
        { __typename: 'Location', id: w.loc1 },
        { __typename: 'Location', id: w.loc2 },
      ],
    });
    const [l1, l2] = res.data!._entities;
    expect(l1!.agents!.totalCount).toBeGreaterThan(0);
    expect(l2!.agents).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('returns a Location reference from Agent.location, null for the shared pool', async () => {
    const located = agents.find((a) => a.locationId !== null)!;
    const pooled = agents.find((a) => a.locationId === null)!;
    const res = await h.exec<{ _entities: { location: { id: string } | null; sharedPool: boolean }[] }>(
      w.owner,
      ENTITIES,
      {
        r: [located, pooled].map((a) => ({ __typename: 'Agent', id: a.id })),
      },
    );
    expect(res.data!._entities).toEqual([
      expect.objectContaining({ location: { id: located.locationId }, sharedPool: false }),
      expect.objectContaining({ location: null, sharedPool: true }),
    ]);
  });
});
