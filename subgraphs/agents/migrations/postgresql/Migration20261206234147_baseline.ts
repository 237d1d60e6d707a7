import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261206234147_baseline extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."agents" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "location_id" varchar(36) null, "name" varchar(120) not null, "email" varchar(254) not null, "phone" varchar(16) null, "ghl_user_id" varchar(64) null, "role" text check ("role" in ('BUYER_AGENT', 'LISTING_AGENT', 'TRANSACTION_COORDINATOR')) not null, "experience" text check ("experience" in ('NOVICE', 'EXPERIENCED', 'EXPERT')) not null, "specializations" jsonb not null, "tags" jsonb not null, "active" boolean not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "agents_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "agents_tenant_id_location_id_name_id_index" on ${s}."agents" ("tenant_id", "location_id", "name", "id");`,
    );
    this.addSql(
      `create index "agents_tenant_id_name_id_index" on ${s}."agents" ("tenant_id", "name", "id");`,
    );
    this.addSql(
      `alter table ${s}."agents" add constraint "agents_tenant_id_ghl_user_id_unique" unique ("tenant_id", "ghl_user_id");`,
    );

    this.addSql(
      `create table ${s}."agent_sessions" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "agent_id" varchar(36) not null, "location_id" varchar(36) null, "contact_id" varchar(64) not null, "channel" text check ("channel" in ('SMS', 'EMAIL', 'CALL', 'CHAT', 'SOCIAL')) not null, "stage" text check ("stage" in ('INITIAL_CONTACT', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPERTY_SEARCH', 'SHOWING', 'NEGOTIATION', 'UNDER_CONTRACT', 'CLOSING', 'FOLLOW_UP')) not null, "context" jsonb not null, "started_at" timestamptz not null, "ended_at" timestamptz null, "updated_at" timestamptz not null, constraint "agent_sessions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "agent_sessions_tenant_id_contact_id_index" on ${s}."agent_sessions" ("tenant_id", "contact_id");`,
    );
    this.addSql(
      `create index "agent_sessions_tenant_id_agent_id_started_at_index" on ${s}."agent_sessions" ("tenant_id", "agent_id", "started_at");`,
    );
    this.addSql(
      `create index "agent_sessions_tenant_id_started_at_id_index" on ${s}."agent_sessions" ("tenant_id", "started_at", "id");`,
    );

    this.addSql(
      `create table ${s}."known_locations" ("tenant_id" varchar(36) not null, "location_id" varchar(36) not null, "organization_id" varchar(36) not null, "event_at" timestamptz not null, constraint "known_locations_pkey" primary key ("tenant_id", "location_id"));`,
    );

    this.addSql(
      `create table ${s}."outbox_event" ("seq" bigserial primary key, "event_id" varchar(36) not null, "type" varchar(80) not null, "tenant" varchar(36) not null, "at" timestamptz not null, "version" int not null, "payload" jsonb not null, "published_at" timestamptz null);`,
    );
    this.addSql(
      `alter table ${s}."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `create index "outbox_event_published_at_seq_index" on ${s}."outbox_event" ("published_at", "seq");`,
    );

    this.addSql(
      `create table ${s}."processed_event" ("id" varchar(120) not null, "consumer" varchar(80) not null, "event_id" varchar(36) not null, "tenant_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."processed_event" add constraint "processed_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );

    this.addSql(`alter table ${s}."agents" enable row level security;`);
    this.addSql(`alter table ${s}."agents" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."agents";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."agents" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."agent_sessions" enable row level security;`);
    this.addSql(`alter table ${s}."agent_sessions" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."agent_sessions";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."agent_sessions" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."known_locations" enable row level security;`);
    this.addSql(`alter table ${s}."known_locations" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."known_locations";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."known_locations" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."outbox_event" enable row level security;`);
    this.addSql(`alter table ${s}."outbox_event" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."outbox_event";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."outbox_event" using ("tenant"::text = current_setting('app.tenant_id', true)) with check ("tenant"::text = current_setting('app.tenant_id', true));`,
    );
    this.addSql(`drop policy if exists outbox_owner on ${s}."outbox_event";`);
    this.addSql(
      `create policy outbox_owner on ${s}."outbox_event" to current_user using (true) with check (true);`,
    );
    this.addSql(
      `create or replace function ${s}."outbox_claim"(batch integer) returns table (seq bigint, event_id text, type text, tenant text, at timestamptz, version integer, payload jsonb) language sql volatile security definer set search_path = pg_catalog, pg_temp as $fn$ select o.seq::bigint, o.event_id::text, o.type::text, o.tenant::text, o.at::timestamptz, o.version::integer, o.payload::jsonb from ${s}."outbox_event" o where o.published_at is null and coalesce(current_setting('app.tenant_id', true), '') = '' order by o.seq limit batch for update skip locked $fn$;`,
    );
    this.addSql(
      `create or replace function ${s}."outbox_mark_published"(seqs bigint[]) returns integer language sql volatile security definer set search_path = pg_catalog, pg_temp as $fn$ with done as (update ${s}."outbox_event" o set published_at = now() where o.seq = any(seqs) and o.published_at is null and coalesce(current_setting('app.tenant_id', true), '') = '' returning 1) select count(*)::integer from done $fn$;`,
    );

    this.addSql(`alter table ${s}."processed_event" enable row level security;`);
    this.addSql(`alter table ${s}."processed_event" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."processed_event";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."processed_event" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."agents" cascade;`);

    this.addSql(`drop table if exists ${s}."agent_sessions" cascade;`);

    this.addSql(`drop table if exists ${s}."known_locations" cascade;`);

    this.addSql(`drop table if exists ${s}."outbox_event" cascade;`);

    this.addSql(`drop table if exists ${s}."processed_event" cascade;`);
  }
}
