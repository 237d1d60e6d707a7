/**
 * Migration helpers. A subgraph's first migration creates its tables from the entity metadata for
 * whichever dialect is running; later migrations are explicit SQL.
 */
import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import type { SqlSchemaGenerator } from '@mikro-orm/knex';

export function initialSchemaMigration(name: string): MigrationObject {
  class InitialSchema extends Migration {
    override async up(): Promise<void> {
      const generator = this.config.getExtension<SqlSchemaGenerator>('@mikro-orm/schema-generator');
      if (!generator) throw new Error('schema generator unavailable');
      const sql = await generator.getCreateSchemaSQL({ wrap: false });
      for (const stmt of sql.split(/;\s*\n/).map((s) => s.trim())) {
        if (stmt && !/^create schema/i.test(stmt) && !/^set names/i.test(stmt)) this.addSql(stmt);
      }
    }
  }
  return { name, class: InitialSchema };
}
