/**
 * One Relay pagination for every list, through the real gateway: agents and agentSessions (agents),
 * Agent.coachingHistory (coaching) and auditLog (tenants), paged by two tenants at once, several walks
 * of each list in flight together. Every walk returns every item exactly once and in the list's order
 * (the same as one big page), never a row of the other tenant; a cursor that was altered, that belongs
 * to another list or that was issued to the other tenant is BAD_USER_INPUT on `after` (not a 500).
 */
import { randomUUID } from 'node:crypto';
import { demoAgents } from '../../bin/demo-plan';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

type Tenant = 'acme' | 'summit';
const TENANTS: Tenant[] = ['acme', 'summit'];
const SESSIONS = 7;
const COACHED = 3;
const KEYS = 5;
const WALKS = 4;

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface List {
  name: string;
  query: string;
  /** The connection inside an answer's data. */
  page(data: Record<string, unknown>): Page;
  vars(tenant: Tenant): Record<string, unknown>;
}

const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor }';

describeEachDb('one Relay pagination through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  const agentOf: Record<Tenant, string> = {
    acme: demoAgents('acme').find((a) => a.locationId)!.id,
    summit: demoAgents('summit').find((a) => a.locationId)!.id,
  };
  const headers = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });

  const lists: List[] = [
    {
      name: 'agents',
      query: `query ($first: Int, $after: String) { agents(first: $first, after: $after) { ${PAGE} } }`,
      page: (d) => d['agents'] as Page,
      vars: () => ({}),
    },
    {
      name: 'agentSessions',
      query: `query ($first: Int, $after: String) { agentSessions(first: $first, after: $after) { ${PAGE} } }`,
      page: (d) => d['agentSessions'] as Page,
      vars: () => ({}),
    },
    {
      name: 'coachingHistory',
      query: `query ($id: ID!, $first: Int, $after: String) {
        agent(id: $id) { coachingHistory(first: $first, after: $after) { ${PAGE} } } }`,
      page: (d) => (d['agent'] as { coachingHistory: Page }).coachingHistory,
      vars: (tenant) => ({ id: agentOf[tenant] }),
    },
    {
      name: 'auditLog',
      query: `query ($first: Int!, $after: String) { auditLog(first: $first, after: $after) { ${PAGE} } }`,
      page: (d) => d['auditLog'] as Page,
      vars: () => ({}),
    },
  ];

  async function ok<T = Record<string, unknown>>(
    tenant: Tenant,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const r = await t.gql<T>(query, variables, headers(tenant));
    expect({ status: r.status, errors: r.errors }).toEqual({ status: 200, errors: undefined });
    return r.data!;
  }

  const pageOf = async (list: List, tenant: Tenant, first: number, after: string | null) =>
    list.page(await ok(tenant, list.query, { ...list.vars(tenant), first, after }));

  /** Follows endCursor to the end; the ids in the order they came. */
  async function walk(list: List, tenant: Tenant, first: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 200; pages++) {
      const p: Page = await pageOf(list, tenant, first, after);
      ids.push(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
      if (!p.pageInfo.hasNextPage) return ids;
      after = p.pageInfo.endCursor;
    }
    throw new Error(`${list.name} did not end`);
  }

  async function seed(tenant: Tenant): Promise<void> {
    const agentId = agentOf[tenant];
    const sessions = await Promise.all(
      Array.from({ length: SESSIONS }, (_, i) =>
        ok<{ startAgentSession: { id: string } }>(
          tenant,
          'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
          { input: { agentId, contactId: `page-${tenant}-${i}`, channel: 'SMS' } },
        ),
      ),
    );
    await Promise.all(
      sessions.slice(0, COACHED).map((s) =>
        ok(
          tenant,
          'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
          {
            input: {
              sessionId: s.startAgentSession.id,
              speaker: 'LEAD',
              text: 'The price feels too high; we are pre-approved for 450k and want a yard',
            },
          },
        ),
      ),
    );
    await Promise.all(
      Array.from({ length: KEYS }, (_, i) =>
        ok(tenant, 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
          input: { name: `pagination ${i}`, scopes: ['agents:read'] },
        }),
      ),
    );
  }

  /** Each list of each tenant in one page, once the coaching runs have stored their hints. */
  const full: Record<string, string[]> = {};
  const keyOf = (list: List, tenant: Tenant) => `${list.name}:${tenant}`;

  beforeAll(async () => {
    t = await startTestPlatform(kind, { RATE_LIMIT_PER_MINUTE: '100000' });
    await Promise.all(TENANTS.map(seed));
    for (const tenant of TENANTS) {
      for (const list of lists) {
        full[keyOf(list, tenant)] = await eventually(
          async () => {
            const once = (await pageOf(list, tenant, 100, null)).edges.map((e) => e.node.id);
            // the history grows while coaching runs store hints: settled when two reads agree
            const again = (await pageOf(list, tenant, 100, null)).edges.map((e) => e.node.id);
            expect(again).toEqual(once);
            if (list.name === 'coachingHistory') expect(once.length).toBeGreaterThanOrEqual(COACHED);
            return once;
          },
          { timeoutMs: 30_000, what: `${list.name} of ${tenant} to settle` },
        );
      }
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  test('each list has several pages and no row of the other tenant', () => {
    for (const list of lists) {
      const [acme, summit] = TENANTS.map((tenant) => full[keyOf(list, tenant)]!);
      expect({ list: list.name, shared: acme!.filter((id) => summit!.includes(id)) }).toEqual({
        list: list.name,
        shared: [],
      });
      for (const ids of [acme!, summit!]) expect(ids.length).toBeGreaterThan(2);
    }
    expect(full[keyOf(lists[1]!, 'acme')]).toHaveLength(SESSIONS);
  });

  test(`${WALKS} walks of every list by both tenants at once: every item exactly once, in order`, async () => {
    const walks = TENANTS.flatMap((tenant) =>
      lists.flatMap((list) =>
        Array.from({ length: WALKS }, async (_, w) => ({
          key: keyOf(list, tenant),
          ids: await walk(list, tenant, 1 + (w % 3)),
        })),
      ),
    );
    const done = await Promise.all(walks);
    const wrong = done.filter((d) => JSON.stringify(d.ids) !== JSON.stringify(full[d.key]));
    expect(wrong).toEqual([]);
    expect(done).toHaveLength(TENANTS.length * lists.length * WALKS);
  }, 120_000);

  test('an altered cursor, another list’s cursor and the other tenant’s cursor: BAD_USER_INPUT on after', async () => {
    const cursors = async (tenant: Tenant) =>
      Promise.all(lists.map(async (l) => (await pageOf(l, tenant, 1, null)).pageInfo.endCursor!));
    const [acme, summit] = await Promise.all(TENANTS.map(cursors));
    const alter = (c: string) => `${c[0] === 'A' ? 'B' : 'A'}${c.slice(1)}`;
    const cases = lists.flatMap((list, i) => [
      { list, what: 'altered', after: alter(acme![i]!) },
      { list, what: 'another list', after: acme![(i + 1) % lists.length]! },
      { list, what: 'the other tenant', after: summit![i]! },
      { list, what: 'not a cursor', after: randomUUID() },
    ]);
    const answers = await Promise.all(
      cases.map((c) =>
        t.gql(c.list.query, { ...c.list.vars('acme'), first: 2, after: c.after }, headers('acme')),
      ),
    );
    const seen = answers.map((a, i) => ({
      list: cases[i]!.list.name,
      what: cases[i]!.what,
      status: a.status,
      code: a.errors?.[0]?.extensions?.['code'],
      field: a.errors?.[0]?.extensions?.['field'],
    }));
    expect(seen).toEqual(
      cases.map((c) => ({
        list: c.list.name,
        what: c.what,
        status: 200,
        code: 'BAD_USER_INPUT',
        field: 'after',
      })),
    );
  });
});
