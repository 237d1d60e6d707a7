/**
 * The base entity (core/db/base-entity.ts) declares `id` and `tenant_id` once and carries the fail-closed
 * tenant filter to every entity that extends it. For every subgraph, each entity with a tenant column is
 * under the filter; and, on SQLite and on PostgreSQL, a base-derived entity read without a tenant throws,
 * while two tenants writing and reading at the same time each see exactly their own rows.
 */
import { randomUUID } from 'node:crypto';
import { TenantEntity } from '../../../core/db/base-entity';
import { createOrm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import { TENANT_FILTER } from '../../../core/db/tenant-filter';
import type { SubgraphModule } from '../../../core/server/subgraph-module';
import { AgentRole, Experience } from '../../../core/vocabulary';
import { Agent, agentsSubgraph } from '../../../subgraphs/agents';
import { analyticsSubgraph } from '../../../subgraphs/analytics';
import { billingSubgraph } from '../../../subgraphs/billing';
import { coachingSubgraph } from '../../../subgraphs/coaching';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { createTestDb, dbOptions, type TestDb } from '../../helpers/db';
import { describeEachDb } from '../../helpers/variants';

const MODULES: SubgraphModule[] = [
  tenantsSubgraph,
  agentsSubgraph,
  coachingSubgraph,
  analyticsSubgraph,
  billingSubgraph,
];

describe('base entity: the tenant filter of every tenant-owned entity', () => {
  it.each(MODULES.map((m) => [m.name, m] as const))('%s', async (_name, m) => {
    const orm = await createOrm({
      name: m.name,
      entities: m.entities,
      migrations: [],
      database: dbOptions('sqlite'),
      memory: true,
    });
    try {
      const metas = Object.values(orm.getMetadata().getAll()).filter((meta) => !meta.abstract);
      const tenantOwned = metas.filter((meta) => meta.properties['tenantId'] !== undefined);
      const unfiltered = tenantOwned
        .filter((meta) => meta.filters[TENANT_FILTER]?.default !== true)
        .map((meta) => meta.className);
      expect(unfiltered).toEqual([]);
      const based = metas.filter((meta) => meta.class.prototype instanceof TenantEntity);
      expect(based.length).toBeGreaterThan(0);
      for (const meta of based) {
        expect([meta.className, meta.properties['id']?.primary]).toEqual([meta.className, true]);
        expect([meta.className, meta.properties['tenantId']?.fieldNames]).toEqual([
          meta.className,
          ['tenant_id'],
        ]);
      }
    } finally {
      await orm.close(true);
    }
  });
});

describeEachDb('base entity: tenant isolation of a derived entity (%s)', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind, 'agents', agentsSubgraph.entities, agentsSubgraph.migrations);
  });
  afterAll(async () => {
    await db?.close();
  });

  function agent(tenantId: string, i: number): Agent {
    const now = new Date();
    return Object.assign(new Agent(), {
      id: randomUUID(),
      tenantId,
      locationId: null,
      name: `Agent ${i}`,
      email: `agent${i}@example.com`,
      phone: null,
      ghlUserId: null,
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      specializations: [],
      tags: [],
      active: true,
      createdAt: now,
      updatedAt: now,
    });
  }

  it('throws on a read without a tenant; two tenants at once each see only their rows', async () => {
    const tenants = [randomUUID(), randomUUID()];
    const writes = tenants.flatMap((t) =>
      Array.from({ length: 20 }, (_, i) =>
        withTenantScope(db.orm, t, async (em) => {
          await em.persistAndFlush(agent(t, i));
        }),
      ),
    );
    await Promise.all(writes);
    const reads = await Promise.all(
      tenants.flatMap((t) =>
        Array.from({ length: 5 }, () =>
          withTenantScope(db.orm, t, (em) => em.find(Agent, {}, { orderBy: { id: 'asc' } })),
        ),
      ),
    );
    reads.forEach((rows, i) => {
      const tenant = tenants[Math.floor(i / 5)];
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => r.tenantId === tenant)).toBe(true);
    });
    await expect(db.orm.em.fork({ clear: true }).find(Agent, {})).rejects.toThrow(/tenant/);
  });
});
