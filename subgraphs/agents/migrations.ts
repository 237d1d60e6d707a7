/**
 * The agents subgraph's migrations. 0001 creates the tables from the entity metadata of the code that
 * runs it, so on a fresh database it already has everything later migrations add: those check what
 * exists and only add what is missing, on SQLite and PostgreSQL alike.
 *
 * 0002: `agents.ghl_user_id` (GoHighLevel user id) with its per-tenant unique index, and the outbox and
 * processed-event tables (the subgraph now stages its events in the outbox and consumes events).
 */
import type { MigrationObject } from '@mikro-orm/core';
import { initialSchemaMigration } from '../../core/db/migration';
import { SchemaAwareMigration } from '../../core/db/schema-migration';
import { quoteIdent } from '../../core/db/rls';
import { AGENTS_GHL_USER_UNIQUE } from './entities/agent';

/** Schema inspection and DDL helpers that work on both dialects (core/db/schema-migration.ts). */
abstract class AgentsMigration extends SchemaAwareMigration {}

class AgentsGhlUserAndOutbox extends AgentsMigration {
  override async up(): Promise<void> {
    if (!(await this.hasColumn('agents', 'ghl_user_id'))) {
      this.addSql(`alter table ${this.table('agents')} add column "ghl_user_id" varchar(64) null`);
    }
    // NULLs are distinct in unique indexes on both dialects: any number of agents may have none
    this.addSql(
      `create unique index if not exists ${quoteIdent(AGENTS_GHL_USER_UNIQUE)} ` +
        `on ${this.table('agents')} ("tenant_id", "ghl_user_id")`,
    );
    const missing: string[] = [];
    for (const t of ['outbox_event', 'processed_event']) if (!(await this.hasTable(t))) missing.push(t);
    if (missing.length) for (const stmt of await this.createTablesSql(missing)) this.addSql(stmt);
  }

  override async down(): Promise<void> {
    const index = this.isPostgres()
      ? `${quoteIdent(this.schema())}.${quoteIdent(AGENTS_GHL_USER_UNIQUE)}`
      : quoteIdent(AGENTS_GHL_USER_UNIQUE);
    if (this.isPostgres()) {
      // a fresh database has it as a constraint (from 0001), a migrated one as an index
      this.addSql(
        `alter table ${this.table('agents')} drop constraint if exists ${quoteIdent(AGENTS_GHL_USER_UNIQUE)}`,
      );
    }
    this.addSql(`drop index if exists ${index}`);
    this.addSql(`alter table ${this.table('agents')} drop column "ghl_user_id"`);
  }
}

/**
 * 0003: `known_locations`, the read model of the tenants' locations (an agent may only be put at one of
 * its own tenant's). Backfilled with the locations agents already have, so existing agents can be edited
 * before the tenants' events replay; new locations arrive through `tenants.location.upserted`.
 */
class AgentsKnownLocations extends AgentsMigration {
  override async up(): Promise<void> {
    if (!(await this.hasTable('known_locations'))) {
      for (const stmt of await this.createTablesSql(['known_locations'])) this.addSql(stmt);
    }
    // the organization is unknown here (the tenant stands in) and the time is the epoch, so the
    // location's first event overwrites the row
    const epoch = this.isPostgres() ? `timestamptz '1970-01-01 00:00:00+00'` : '0';
    this.addSql(
      `insert into ${this.table('known_locations')} ("tenant_id", "location_id", "organization_id", "event_at") ` +
        `select distinct "tenant_id", "location_id", "tenant_id", ${epoch} from ${this.table('agents')} ` +
        `where "location_id" is not null on conflict do nothing`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists ${this.table('known_locations')}`);
  }
}

export const agentsMigrations: MigrationObject[] = [
  initialSchemaMigration('Migration0001AgentsInitial'),
  { name: 'Migration0002AgentsGhlUser', class: AgentsGhlUserAndOutbox },
  { name: 'Migration0003AgentsKnownLocations', class: AgentsKnownLocations },
];
