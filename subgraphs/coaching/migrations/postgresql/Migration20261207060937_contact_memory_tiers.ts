import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207060937_contact_memory_tiers extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."contact_facts" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "contact_id" varchar(64) not null, "key" varchar(32) not null, "value" jsonb not null, "source_session_id" varchar(64) not null, "stated_at" timestamptz not null, "updated_at" timestamptz not null, constraint "contact_facts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "contact_facts_tenant_id_updated_at_index" on ${s}."contact_facts" ("tenant_id", "updated_at");`,
    );
    this.addSql(
      `alter table ${s}."contact_facts" add constraint "contact_facts_tenant_id_contact_id_key_unique" unique ("tenant_id", "contact_id", "key");`,
    );

    this.addSql(
      `create table ${s}."contact_session_summaries" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "contact_id" varchar(64) not null, "session_id" varchar(64) not null, "agent_id" varchar(36) not null, "text" text not null, "source" varchar(16) not null, "model" varchar(64) null, "ended_at" timestamptz not null, constraint "contact_session_summaries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "contact_session_summaries_tenant_id_contact_id_ended_at_index" on ${s}."contact_session_summaries" ("tenant_id", "contact_id", "ended_at");`,
    );
    this.addSql(
      `alter table ${s}."contact_session_summaries" add constraint "contact_session_summaries_tenant_id_session_id_unique" unique ("tenant_id", "session_id");`,
    );

    this.addSql(
      `create table ${s}."memory_retention_settings" ("tenant_id" varchar(36) not null, "days" int not null, "updated_at" timestamptz not null, constraint "memory_retention_settings_pkey" primary key ("tenant_id"));`,
    );

    this.addSql(`alter table ${s}."contact_facts" enable row level security;`);
    this.addSql(`alter table ${s}."contact_facts" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."contact_facts";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."contact_facts" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."contact_session_summaries" enable row level security;`);
    this.addSql(`alter table ${s}."contact_session_summaries" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."contact_session_summaries";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."contact_session_summaries" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."memory_retention_settings" enable row level security;`);
    this.addSql(`alter table ${s}."memory_retention_settings" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."memory_retention_settings";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."memory_retention_settings" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    // The retention sweep (service/memory-retention.ts) runs outside any tenant scope and must learn which
    // tenants hold memory: this function answers their ids only (no content), and nothing inside a tenant
    // scope. It runs as the owner; the owner-only policies let a non-superuser owner read through FORCEd RLS.
    for (const t of ['contact_facts', 'contact_session_summaries', 'contact_memories']) {
      this.addSql(`drop policy if exists memory_sweep_owner on ${s}."${t}";`);
      this.addSql(`create policy memory_sweep_owner on ${s}."${t}" to current_user using (true);`);
    }
    this.addSql(
      `create or replace function ${s}."memory_tenants"() returns table (tenant_id text) ` +
        `language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ ` +
        `select t.tenant_id::text from (select tenant_id from ${s}."contact_facts" ` +
        `union select tenant_id from ${s}."contact_session_summaries" ` +
        `union select tenant_id from ${s}."contact_memories") t ` +
        `where coalesce(current_setting('app.tenant_id', true), '') = '' $fn$;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop function if exists ${s}."memory_tenants"();`);
    this.addSql(`drop policy if exists memory_sweep_owner on ${s}."contact_memories";`);
    this.addSql(`drop table if exists ${s}."contact_facts" cascade;`);

    this.addSql(`drop table if exists ${s}."contact_session_summaries" cascade;`);

    this.addSql(`drop table if exists ${s}."memory_retention_settings" cascade;`);
  }
}
