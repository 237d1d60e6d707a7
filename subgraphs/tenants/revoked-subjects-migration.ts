/**
 * Tenants migration 0004: the `revoked_subjects` table (the deny state of removed members' access
 * tokens, entities/revoked-subject.ts). A fresh database already has it from 0001; an existing one gets it
 * here, with the same DDL. Row-level security is applied to it like to every table with a tenant_id.
 */
import { SchemaAwareMigration } from '../../core/db/schema-migration';

export const REVOKED_SUBJECTS_TABLE = 'revoked_subjects';

export class RevokedSubjectsTable extends SchemaAwareMigration {
  override async up(): Promise<void> {
    if (await this.hasTable(REVOKED_SUBJECTS_TABLE)) return;
    for (const stmt of await this.createTablesSql([REVOKED_SUBJECTS_TABLE])) this.addSql(stmt);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${this.table(REVOKED_SUBJECTS_TABLE)}`);
  }
}
