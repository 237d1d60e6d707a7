/**
 * The agents page on SQLite reads past knex's query builder (core/db/sqlite-read.ts) but still through
 * knex's pool: a transaction holding the one connection (another request's write unit) is waited for,
 * never joined, so a page never shows rows that are then rolled back.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { agentsSubgraph } from '../../../subgraphs/agents';
import { Agent } from '../../../subgraphs/agents/entities/agent';
import { AgentRole, Experience } from '../../../core/vocabulary';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { announceWorld, createAgent, makeWorld } from './fixtures';

interface PoolEvents {
  on(event: 'acquireRequest', listener: () => void): void;
  removeListener(event: 'acquireRequest', listener: () => void): void;
}

describe('agents page on SQLite, beside an open transaction', () => {
  let h: SubgraphHarness;
  const w = makeWorld();

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, 'sqlite');
    await announceWorld(h, w);
    await createAgent(h, w.owner, { name: 'Committed Carla' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('waits for the transaction holding the connection and never sees its rolled-back rows', async () => {
    const knex = (h.db.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    const pool = (knex.client as unknown as { pool: PoolEvents }).pool;
    const query = 'query { agents(first: 50) { edges { node { name } } } }';
    let page: Promise<{ data?: { agents: { edges: { node: { name: string } }[] } } | null }> | undefined;
    let first: 'asked for the connection' | 'answered' | undefined;
    const rolledBack = new Error('roll back');
    await expect(
      h.db.orm.em.fork().transactional(async (em) => {
        em.create(Agent, {
          id: randomUUID(),
          tenantId: w.tenantA,
          locationId: null,
          name: 'Uncommitted Uma',
          email: 'uma@example.com',
          phone: null,
          ghlUserId: null,
          role: AgentRole.BUYER_AGENT,
          experience: Experience.NOVICE,
          specializations: [],
          tags: [],
          active: true,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        await em.flush();
        const asked = new Promise<void>((resolve) => {
          const heard = () => {
            pool.removeListener('acquireRequest', heard);
            resolve();
          };
          pool.on('acquireRequest', heard);
        });
        page = h.exec(w.owner, query);
        // the page asks the pool for the connection this transaction holds (or, joining it, answers first)
        first = await Promise.race([
          asked.then(() => 'asked for the connection' as const),
          page.then(() => 'answered' as const),
        ]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    const res = await page!;
    expect(first).toBe('asked for the connection');
    expect(res.data?.agents.edges.map((e) => e.node.name)).toEqual(['Committed Carla']);
  });
});
