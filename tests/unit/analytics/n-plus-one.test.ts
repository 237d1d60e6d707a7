/**
 * No N+1: `Agent.performance` for 100 agents is one SQL statement (DataLoader, grouped by agent), and
 * `roi` under it one more (the tenant's settings) — the same count as for a single agent.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { createAnalyticsSubgraph } from '../../../subgraphs/analytics';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { delivered } from './fixtures';

const QUERY = `query($reps: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $reps) {
  ... on Agent { id performance(from: $from, to: $to) { hintsDelivered latencyP95Ms costMicros roi } } } }`;

const CONTROL = /^(begin|commit|rollback|savepoint|release|select set_config)/i;
/** The outbox relay polls in the background (on PostgreSQL through `outbox_claim` / `outbox_mark_published`). */
const RELAY = /outbox_(event|claim|mark_published)/i;

describeEachDb('Agent.performance batching (%s)', (kind) => {
  let h: SubgraphHarness;
  const tenantId = randomUUID();
  const agents = Array.from({ length: 100 }, () => randomUUID());
  const when = new Date('2025-04-01T10:00:00Z');

  beforeAll(async () => {
    h = await startHarness(createAnalyticsSubgraph(), kind);
    for (const [i, agentId] of agents.entries()) {
      await h.events.publish(
        delivered(tenantId, when, { agentId, sessionId: randomUUID(), locationId: null, latencyMs: 100 + i }),
      );
    }
    await h.events.drain();
  });
  afterAll(() => h.close());

  async function countStatements(
    ids: string[],
  ): Promise<{ sql: string[]; data: { performance: { hintsDelivered: number } }[] }> {
    const knex = (h.db.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    const sql: string[] = [];
    const onQuery = (q: { sql: string }) => {
      // The outbox relay's passes are not part of the request.
      if (!CONTROL.test(q.sql.trim()) && !RELAY.test(q.sql)) sql.push(q.sql);
    };
    knex.on('query', onQuery);
    try {
      const res = await h.exec<{ _entities: { performance: { hintsDelivered: number } }[] }>(
        principal({ tenantId }),
        QUERY,
        {
          reps: ids.map((id) => ({ __typename: 'Agent', id })),
          from: '2025-04-01T00:00:00Z',
          to: '2025-04-02T00:00:00Z',
        },
      );
      expect(res.errors).toBeUndefined();
      return { sql, data: res.data!._entities };
    } finally {
      knex.off('query', onQuery);
    }
  }

  it('issues one statement per nesting level for 100 agents', async () => {
    const many = await countStatements(agents);
    expect(many.data).toHaveLength(100);
    expect(many.data.every((e) => e.performance.hintsDelivered === 1)).toBe(true);
    expect(many.sql.filter((s) => s.includes('analytics_hour_buckets'))).toHaveLength(1);
    expect(many.sql.filter((s) => s.includes('analytics_settings'))).toHaveLength(1);
    expect(many.sql).toHaveLength(2);
    const one = await countStatements(agents.slice(0, 1));
    expect(one.sql).toHaveLength(many.sql.length);
  });
});
