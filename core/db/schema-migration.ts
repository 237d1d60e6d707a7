/**
 * A base for migrations after a subgraph's first one. 0001 creates the tables from the entity metadata of
 * the code that runs it, so on a fresh database it already has everything a later migration adds: later
 * migrations inspect what exists and add only what is missing, on SQLite and PostgreSQL alike.
 */
import type { SqlSchemaGenerator } from '@mikro-orm/knex';
import { Migration } from '@mikro-orm/migrations';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { quoteIdent } from './rls';

export abstract class SchemaAwareMigration extends Migration {
  protected isPostgres(): boolean {
    return this.driver.getPlatform() instanceof PostgreSqlPlatform;
  }

  protected schema(): string {
    return String(this.config.get('schema') ?? 'public');
  }

  /** A quoted, on PostgreSQL schema-qualified, name (table, index, function). */
  protected table(name: string): string {
    return this.isPostgres() ? `${quoteIdent(this.schema())}.${quoteIdent(name)}` : quoteIdent(name);
  }

  protected async hasTable(name: string): Promise<boolean> {
    const rows = this.isPostgres()
      ? await this.execute(
          `select 1 from information_schema.tables where table_schema = ? and table_name = ?`,
          [this.schema(), name],
        )
      : await this.execute(`select 1 from sqlite_master where type = 'table' and name = ?`, [name]);
    return rows.length > 0;
  }

  protected async hasColumn(table: string, column: string): Promise<boolean> {
    const rows = this.isPostgres()
      ? await this.execute(
          `select 1 from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?`,
          [this.schema(), table, column],
        )
      : await this.execute(`select 1 from pragma_table_info(?) where name = ?`, [table, column]);
    return rows.length > 0;
  }

  /**
   * The metadata-generated DDL (tables, indexes, constraints) of `tables` only, for this dialect —
   * exactly what 0001 would have created for them.
   */
  protected async createTablesSql(tables: readonly string[]): Promise<string[]> {
    const generator = this.config.getExtension<SqlSchemaGenerator>('@mikro-orm/schema-generator');
    if (!generator) throw new Error('schema generator unavailable');
    const sql = await generator.getCreateSchemaSQL({ wrap: false });
    const names = tables.map((t) => t.replace(/[^a-z0-9_]/g, '')).join('|');
    const about = new RegExp(
      `^(?:create table|alter table|create (?:unique )?index \\S+ on) (?:["\`][a-z0-9_]+["\`]\\.)?["\`](?:${names})["\`]`,
      'i',
    );
    return sql
      .split(/;\s*\n/)
      .map((s) => s.trim().replace(/;$/, ''))
      .filter((s) => about.test(s));
  }
}
