/**
 * For tests whose entity set is not a subgraph's (e.g. the outbox alone): one migration that creates the
 * tables from the entity metadata, and on PostgreSQL puts them under row-level security and adds the
 * outbox relay's functions — what a subgraph's committed migration files do for its own tables.
 * Never used for a subgraph: those run their files (subgraphs/<name>/migrations/).
 */
import type { MigrationObject } from '@mikro-orm/core';
import type { SqlSchemaGenerator } from '@mikro-orm/knex';
import { Migration } from '@mikro-orm/migrations';
import { dialectOf } from '../../core/db/dialect-migrations';
import { rlsStatements } from '../../core/db/rls';
import { OUTBOX_TABLE, outboxPostgresStatements } from '../../core/outbox/outbox-postgres';

export function entitySchemaMigration(name: string): MigrationObject {
  class EntitySchema extends Migration {
    override async up(): Promise<void> {
      const generator = this.config.getExtension<SqlSchemaGenerator>('@mikro-orm/schema-generator');
      if (!generator) throw new Error('schema generator unavailable');
      const sql = await generator.getCreateSchemaSQL({ wrap: false });
      for (const stmt of sql.split(/;\s*\n/).map((s) => s.trim())) {
        if (stmt && !/^create schema/i.test(stmt) && !/^set names/i.test(stmt)) this.addSql(stmt);
      }
      if (dialectOf(this.driver.getPlatform()) !== 'postgresql') return;
      const schema = String(this.config.get('schema') ?? 'public');
      for (const meta of Object.values(this.driver.getMetadata().getAll())) {
        if (meta.embeddable || !meta.tableName) continue;
        if (meta.tableName === OUTBOX_TABLE) outboxPostgresStatements(schema).forEach((s) => this.addSql(s));
        else if (meta.props.some((p) => p.fieldNames?.includes('tenant_id'))) {
          rlsStatements(schema, meta.tableName).forEach((s) => this.addSql(s));
        }
      }
    }
  }
  return { name, class: EntitySchema };
}
