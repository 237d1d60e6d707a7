/**
 * No N+1 across the federation: ONE gateway query for 100 agents with `location` (tenants subgraph),
 * `performance { … roi }` (analytics) and `coachingHistory(first: 5)` (coaching) issues at most one SQL
 * statement per subgraph per nesting level — and the same number for 1 agent as for 100.
 *
 * Statements are counted with knex's `query` event on each service's ORM. What the request does not
 * cause is ignored: transaction control and the PostgreSQL tenant setting (`begin`, `commit`,
 * `set_config`, savepoints), the outbox relays' passes (`outbox_event`, on PostgreSQL through `outbox_claim`
 * and `outbox_mark_published`), the GHL inbox worker's and the outbound webhook worker's polls
 * (`ghl_webhook_deliveries`, `webhook_deliveries`: a poll inside the measured window once failed CI), consumers'
 * `processed_event`, and the gateway's API-key resolution
 * (`api_keys`, cached; not part of the query's data).
 */
import type { Knex } from '@mikro-orm/knex';
import type { SubgraphName } from '../../core/config';
import { SUBGRAPH_NAMES } from '../../core/config';
import { DEMO } from '../../bin/demo-plan';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const N = 100;

/**
 * Nesting levels each subgraph serves in QUERY, so the most statements it may issue:
 * - agents: the page — 1 (its totalCount rides in the same statement when selected; QUERY selects none);
 * - tenants: `Agent.location` → one `_entities` batch of Location — 1, plus the caller's visibility
 *   (the organization tree, loaded once per request whatever the query) — 2;
 * - analytics: `performance` for every agent — 1, and `roi` under it (the tenant's settings) — 1;
 * - coaching: `coachingHistory` for every agent — 1;
 * - billing: not in the query — 0.
 */
const BOUNDS: Record<SubgraphName, number> = { agents: 1, tenants: 2, analytics: 2, coaching: 1, billing: 0 };

const QUERY = `query ($first: Int!, $from: DateTime!, $to: DateTime!) {
  agents(first: $first) {
    edges {
      node {
        id
        name
        location { name }
        performance(from: $from, to: $to) { hintsDelivered latencyP95Ms costMicros roi }
        coachingHistory(first: 5) { edges { node { id text } } }
      }
    }
  }
}`;

const CREATE = 'mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id } }';

const IGNORED =
  /^\s*(begin|commit|rollback|savepoint|release|select set_config)\b|outbox_(event|claim|mark_published)|(ghl_)?webhook_deliveries|processed_event|api_keys/i;

interface AgentNode {
  id: string;
  name: string;
  location: { name: string } | null;
  performance: { hintsDelivered: number; roi: number | null } | null;
  coachingHistory: { edges: { node: { id: string; text: string } }[] };
}

type Counts = Record<SubgraphName, string[]>;

function knexOf(t: TestPlatform, name: SubgraphName): Knex {
  return (t.platform.services[name].orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
}

/** Records the request-caused statements of every subgraph while `fn` runs. */
async function recording<T>(t: TestPlatform, fn: () => Promise<T>): Promise<{ result: T; sql: Counts }> {
  const sql = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, [] as string[]])) as Counts;
  const detach: (() => void)[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const knex = knexOf(t, name);
    const onQuery = (q: { sql: string }) => {
      if (!IGNORED.test(q.sql)) sql[name].push(q.sql);
    };
    knex.on('query', onQuery);
    detach.push(() => knex.off('query', onQuery));
  }
  try {
    return { result: await fn(), sql };
  } finally {
    for (const d of detach) d();
  }
}

/** Waits until no subgraph has run a request-like statement for `quietMs` (event consumers settle). */
async function settle(t: TestPlatform, quietMs = 400, timeoutMs = 30_000): Promise<void> {
  let last = Date.now();
  const started = last;
  const detach: (() => void)[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const knex = knexOf(t, name);
    const onQuery = (q: { sql: string }) => {
      if (!IGNORED.test(q.sql)) last = Date.now();
    };
    knex.on('query', onQuery);
    detach.push(() => knex.off('query', onQuery));
  }
  try {
    while (Date.now() - last < quietMs) {
      if (Date.now() - started > timeoutMs) throw new Error('subgraphs did not settle');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    for (const d of detach) d();
  }
}

function table(label: string, sql: Counts): string {
  const rows = SUBGRAPH_NAMES.map(
    (n) => `  ${n.padEnd(10)} ${String(sql[n].length).padStart(4)}  (bound ${BOUNDS[n]})`,
  );
  const detail = SUBGRAPH_NAMES.flatMap((n) => [
    ...sql[n].slice(0, 3).map((s) => `  [${n}] ${s.slice(0, 200)}`),
    ...(sql[n].length > 3 ? [`  [${n}] … and ${sql[n].length - 3} more`] : []),
  ]);
  return [label, ...rows, ...(detail.length ? ['statements:', ...detail] : [])].join('\n');
}

describeEachDb('no N+1 through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  const headers = (): Record<string, string> => ({ 'x-api-key': t.apiKeys.acme });
  // The last 30 days (analytics refuses ranges over 400 days).
  const range = {
    from: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    to: new Date(Date.now() + 86_400_000).toISOString(),
  };

  beforeAll(async () => {
    t = await startTestPlatform(kind);
    const roles = ['BUYER_AGENT', 'LISTING_AGENT', 'TRANSACTION_COORDINATOR'];
    const levels = ['NOVICE', 'EXPERIENCED', 'EXPERT'];
    const locations = DEMO.acme.locations.map((l) => l.id);
    for (let batch = 0; batch < N; batch += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          const i = batch + j;
          const res = await t.gql(
            CREATE,
            {
              input: {
                name: `Bulk Agent ${String(i).padStart(3, '0')}`,
                email: `bulk.agent.${i}@example.com`,
                phone: `+1512556${String(1000 + i).slice(-4)}`,
                role: roles[i % roles.length],
                experience: levels[i % levels.length],
                specializations: [],
                locationId: locations[i % locations.length],
              },
            },
            headers(),
          );
          if (res.errors) throw new Error(`createAgent ${i}: ${JSON.stringify(res.errors)}`);
        }),
      );
    }
    // The agents' events feed coaching and analytics read models: let them finish first.
    await settle(t);
    // Warm-up: the gateway's API-key cache and query plan; not measured.
    const warm = await t.gql(QUERY, { first: 1, ...range }, headers());
    expect(warm.errors).toBeUndefined();
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  async function measure(first: number): Promise<{ nodes: AgentNode[]; sql: Counts }> {
    const { result, sql } = await recording(t, () =>
      t.gql<{ agents: { edges: { node: AgentNode }[] } }>(QUERY, { first, ...range }, headers()),
    );
    expect(result.errors).toBeUndefined();
    return { nodes: result.data!.agents.edges.map((e) => e.node), sql };
  }

  test(`${N} agents with location, performance and coachingHistory: one statement per subgraph per nesting level`, async () => {
    const many = await measure(N);
    const one = await measure(1);
    console.log(
      `${table(`[${kind}] SQL statements for agents(first: ${N})`, many.sql)}\n${table(`[${kind}] for agents(first: 1)`, one.sql)}`,
    );

    // The data is what was asked for: 100 agents of Acme, each at an Acme location or the shared pool.
    expect(many.nodes).toHaveLength(N);
    const acmeLocations = DEMO.acme.locations.map((l) => l.name);
    const located = many.nodes.filter((a) => a.location !== null);
    expect(located.length).toBeGreaterThanOrEqual(N - 1);
    for (const a of located) expect(acmeLocations).toContain(a.location!.name);
    for (const a of many.nodes) {
      expect(a.performance).not.toBeNull();
      expect(Array.isArray(a.coachingHistory.edges)).toBe(true);
    }

    // Locations are read in one statement, and from the locations table.
    expect(many.sql.tenants.filter((s) => /\blocations\b/.test(s))).toHaveLength(1);

    // At most one statement per nesting level, and independent of N (1 agent costs what 100 cost).
    const problems = SUBGRAPH_NAMES.flatMap((n) => [
      ...(many.sql[n].length > BOUNDS[n]
        ? [`${n}: ${many.sql[n].length} statements for ${N} agents (bound ${BOUNDS[n]})`]
        : []),
      ...(many.sql[n].length > one.sql[n].length
        ? [`${n}: grows with N (${one.sql[n].length} for 1 agent, ${many.sql[n].length} for ${N})`]
        : []),
    ]);
    expect(problems).toEqual([]);
  });
});
