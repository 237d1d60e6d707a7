/**
 * Entities and committed migration files agree: a fresh database migrated by the files (and nothing else)
 * has exactly the schema the entities describe, so MikroORM's schema diff (tools/migrations/schema-diff.ts:
 * scoped to the subgraph's schema, SQLite enums read completely) is empty — on SQLite and on PostgreSQL,
 * for every subgraph. Fix a failure with `npm run migrations:create -- <subgraph>` and commit
 * the files it writes together with the entity change.
 */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { tenantsSubgraph } from '../../subgraphs/tenants';
import { agentsSubgraph } from '../../subgraphs/agents';
import { coachingSubgraph } from '../../subgraphs/coaching';
import { analyticsSubgraph } from '../../subgraphs/analytics';
import { billingSubgraph } from '../../subgraphs/billing';
import { createTestDb, type DbKind, type TestDb } from '../helpers/db';
import { describeEachDb } from '../helpers/variants';
import { pendingSchemaChanges } from '../../tools/migrations/schema-diff';

const MODULES: SubgraphModule[] = [
  tenantsSubgraph,
  agentsSubgraph,
  coachingSubgraph,
  analyticsSubgraph,
  billingSubgraph,
];

/** An entity no migration file knows: the check must notice it. */
@Entity({ tableName: 'drift_probe' })
class DriftProbe {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;
}

async function pendingSql(db: TestDb): Promise<string> {
  return (await pendingSchemaChanges(db.owner)).up;
}

describeEachDb('entities and migration files agree (%s)', (kind: DbKind) => {
  test.each(MODULES.map((m) => [m.name, m] as const))(
    '%s: after its migration files, MikroORM finds nothing to change',
    async (name, m) => {
      const db = await createTestDb(kind, name, m.entities, m.migrations);
      try {
        // on failure: npm run migrations:create -- <name>
        expect({ subgraph: name, pendingSql: await pendingSql(db) }).toEqual({
          subgraph: name,
          pendingSql: '',
        });
      } finally {
        await db.close();
      }
    },
  );

  test('an entity without a migration is reported, and nothing else', async () => {
    const [plain, probed] = await Promise.all([
      createTestDb(kind, 'agents', agentsSubgraph.entities, agentsSubgraph.migrations),
      createTestDb(kind, 'agents', [...agentsSubgraph.entities, DriftProbe], agentsSubgraph.migrations),
    ]);
    try {
      const statements = async (db: TestDb) =>
        (await pendingSql(db))
          .split(/;\s*/)
          .filter((s) => s.trim())
          .map((s) => s.split(db.schema).join('<schema>'));
      const before = await statements(plain);
      const after = await statements(probed);
      expect(after.filter((s) => !before.includes(s))).toEqual([
        expect.stringMatching(/^create table .*drift_probe/),
      ]);
    } finally {
      await Promise.all([plain.close(), probed.close()]);
    }
  });
});
