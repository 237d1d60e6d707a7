import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261206234144_baseline extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."api_keys" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "name" varchar(200) not null, "prefix" varchar(16) not null, "key_hash" varchar(64) not null, "scopes" jsonb not null, "partner_app_id" varchar(36) null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table ${s}."api_keys" add constraint "api_keys_key_hash_unique" unique ("key_hash");`);
    this.addSql(
      `create index "api_keys_tenant_id_organization_id_index" on ${s}."api_keys" ("tenant_id", "organization_id");`,
    );

    this.addSql(
      `create table ${s}."audit_entries" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "seq" int not null, "actor" varchar(200) not null, "action" varchar(80) not null, "target_type" varchar(40) not null, "target_id" varchar(64) not null, "at" timestamptz not null, "change" jsonb not null, "change_digest" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_entries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."audit_entries" add constraint "audit_entries_tenant_id_seq_unique" unique ("tenant_id", "seq");`,
    );

    this.addSql(
      `create table ${s}."audit_heads" ("tenant_id" varchar(36) not null, "seq" int not null, "hash" varchar(64) not null, constraint "audit_heads_pkey" primary key ("tenant_id"));`,
    );

    this.addSql(
      `create table ${s}."locations" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "ghl_location_id" varchar(64) not null, "name" varchar(200) not null, "timezone" varchar(64) not null, "created_at" timestamptz not null, constraint "locations_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "locations_tenant_id_organization_id_index" on ${s}."locations" ("tenant_id", "organization_id");`,
    );
    this.addSql(
      `alter table ${s}."locations" add constraint "locations_tenant_id_ghl_location_id_unique" unique ("tenant_id", "ghl_location_id");`,
    );

    this.addSql(
      `create table ${s}."members" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "user_id" varchar(200) not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" text check ("role" in ('OWNER', 'ADMIN', 'MANAGER', 'AGENT')) not null, "location_ids" jsonb not null, "agent_id" varchar(64) null, "created_at" timestamptz not null, constraint "members_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "members_tenant_id_organization_id_index" on ${s}."members" ("tenant_id", "organization_id");`,
    );
    this.addSql(
      `alter table ${s}."members" add constraint "members_tenant_id_user_id_unique" unique ("tenant_id", "user_id");`,
    );

    this.addSql(
      `create table ${s}."organizations" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "parent_id" varchar(36) null, "name" varchar(200) not null, "vertical" varchar(40) not null default 'REAL_ESTATE', "branding" jsonb not null, "created_at" timestamptz not null, constraint "organizations_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "organizations_tenant_id_parent_id_index" on ${s}."organizations" ("tenant_id", "parent_id");`,
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
      `create table ${s}."partner_apps" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "name" varchar(200) not null, "revenue_share_bps" int not null, "created_at" timestamptz not null, constraint "partner_apps_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "partner_apps_tenant_id_index" on ${s}."partner_apps" ("tenant_id");`);

    this.addSql(
      `create table ${s}."revoked_subjects" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "subject" varchar(200) not null, "revoked_at" timestamptz not null, constraint "revoked_subjects_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."revoked_subjects" add constraint "revoked_subjects_tenant_id_subject_unique" unique ("tenant_id", "subject");`,
    );

    this.addSql(`alter table ${s}."api_keys" enable row level security;`);
    this.addSql(`alter table ${s}."api_keys" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."api_keys";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."api_keys" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."audit_entries" enable row level security;`);
    this.addSql(`alter table ${s}."audit_entries" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."audit_entries";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."audit_entries" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."audit_heads" enable row level security;`);
    this.addSql(`alter table ${s}."audit_heads" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."audit_heads";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."audit_heads" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."locations" enable row level security;`);
    this.addSql(`alter table ${s}."locations" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."locations";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."locations" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."members" enable row level security;`);
    this.addSql(`alter table ${s}."members" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."members";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."members" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."organizations" enable row level security;`);
    this.addSql(`alter table ${s}."organizations" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."organizations";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."organizations" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
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

    this.addSql(`alter table ${s}."partner_apps" enable row level security;`);
    this.addSql(`alter table ${s}."partner_apps" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."partner_apps";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."partner_apps" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."revoked_subjects" enable row level security;`);
    this.addSql(`alter table ${s}."revoked_subjects" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."revoked_subjects";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."revoked_subjects" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    // Hand-written (not in the entity metadata): `resolve_api_key(hash)` → (api_key_id, tenant_id) of the
    // live key with that hash, for the gateway's API-key resolution. The runtime role is under row-level
    // security and cannot see another tenant's keys; this SECURITY DEFINER function runs as the table owner.
    // The extra SELECT policy lets a non-superuser owner read through the FORCEd RLS too (a superuser or
    // BYPASSRLS owner does not need it); it applies to the owner role only.
    this.addSql(`drop policy if exists api_key_resolver on ${s}."api_keys";`);
    this.addSql(`create policy api_key_resolver on ${s}."api_keys" for select to current_user using (true);`);
    this.addSql(
      `create or replace function ${s}.resolve_api_key(hash text) returns table (api_key_id text, tenant_id text) language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ select k.id::text, k.tenant_id::text from ${s}."api_keys" k where k.key_hash = $1 and k.revoked_at is null $fn$;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop function if exists ${s}.resolve_api_key(text);`);
    this.addSql(`drop table if exists ${s}."api_keys" cascade;`);

    this.addSql(`drop table if exists ${s}."audit_entries" cascade;`);

    this.addSql(`drop table if exists ${s}."audit_heads" cascade;`);

    this.addSql(`drop table if exists ${s}."locations" cascade;`);

    this.addSql(`drop table if exists ${s}."members" cascade;`);

    this.addSql(`drop table if exists ${s}."organizations" cascade;`);

    this.addSql(`drop table if exists ${s}."outbox_event" cascade;`);

    this.addSql(`drop table if exists ${s}."partner_apps" cascade;`);

    this.addSql(`drop table if exists ${s}."revoked_subjects" cascade;`);
  }
}
