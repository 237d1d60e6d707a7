import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261206234153_baseline extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."agent_profiles" ("agent_id" varchar(36) not null, "tenant_id" varchar(36) not null, "location_id" varchar(36) null, "name" varchar(120) not null, "role" text check ("role" in ('BUYER_AGENT', 'LISTING_AGENT', 'TRANSACTION_COORDINATOR')) not null, "experience" text check ("experience" in ('NOVICE', 'EXPERIENCED', 'EXPERT')) not null, "specializations" jsonb not null, "tags" jsonb not null, "active" boolean not null, "ghl_user_id" varchar(64) null, "event_at" timestamptz not null, constraint "agent_profiles_pkey" primary key ("agent_id"));`,
    );
    this.addSql(
      `create index "agent_profiles_tenant_id_ghl_user_id_index" on ${s}."agent_profiles" ("tenant_id", "ghl_user_id");`,
    );
    this.addSql(
      `create index "agent_profiles_tenant_id_location_id_active_index" on ${s}."agent_profiles" ("tenant_id", "location_id", "active");`,
    );

    this.addSql(
      `create table ${s}."coaching_hints" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "session_id" varchar(64) not null, "agent_id" varchar(36) not null, "location_id" varchar(36) null, "request_id" varchar(36) not null, "category" text check ("category" in ('OBJECTION_HANDLING', 'QUALIFYING_QUESTION', 'NEXT_STEP', 'COMPLIANCE_WARNING', 'RAPPORT', 'INFORMATION')) not null, "objection" text check ("objection" in ('PRICE', 'COMMISSION', 'TIMING', 'TRUST', 'COMPETITOR', 'JUST_LOOKING')) null, "text" text not null, "rationale" text not null, "confidence" double precision not null, "model" varchar(80) not null, "cached" boolean not null, "fallback" boolean not null, "latency_ms" int not null, "tokens_in" int not null, "tokens_out" int not null, "cost_micros" int not null, "status" text check ("status" in ('SHOWN', 'ACCEPTED', 'DISMISSED')) not null, "feedback_comment" text null, "rated_at" timestamptz null, "created_at" timestamptz not null, constraint "coaching_hints_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "coaching_hints_tenant_id_agent_id_created_at_id_index" on ${s}."coaching_hints" ("tenant_id", "agent_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "coaching_hints_tenant_id_session_id_created_at_index" on ${s}."coaching_hints" ("tenant_id", "session_id", "created_at");`,
    );

    this.addSql(
      `create table ${s}."contact_memories" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "contact_id" varchar(64) not null, "notes" jsonb not null, "updated_at" timestamptz not null, constraint "contact_memories_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."contact_memories" add constraint "contact_memories_tenant_id_contact_id_unique" unique ("tenant_id", "contact_id");`,
    );

    this.addSql(
      `create table ${s}."conversation_turns" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "session_id" varchar(64) not null, "speaker" text check ("speaker" in ('LEAD', 'AGENT')) not null, "text" text not null, "at" timestamptz not null, "source" text check ("source" in ('API', 'GHL')) not null, "external_id" varchar(100) null, constraint "conversation_turns_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "conversation_turns_tenant_id_session_id_at_index" on ${s}."conversation_turns" ("tenant_id", "session_id", "at");`,
    );
    this.addSql(
      `alter table ${s}."conversation_turns" add constraint "conversation_turns_tenant_id_external_id_unique" unique ("tenant_id", "external_id");`,
    );

    this.addSql(
      `create table ${s}."ghl_location_routes" ("id" varchar(110) not null, "tenant_id" varchar(36) not null, "ghl_location_id" varchar(64) not null, "location_id" varchar(36) not null, "installed_at" timestamptz not null, "company_id" varchar(64) null, constraint "ghl_location_routes_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "ghl_location_routes_tenant_id_location_id_index" on ${s}."ghl_location_routes" ("tenant_id", "location_id");`,
    );
    this.addSql(
      `create index "ghl_location_routes_ghl_location_id_installed_at_index" on ${s}."ghl_location_routes" ("ghl_location_id", "installed_at");`,
    );
    this.addSql(
      `alter table ${s}."ghl_location_routes" add constraint "ghl_location_routes_tenant_id_ghl_location_id_unique" unique ("tenant_id", "ghl_location_id");`,
    );

    this.addSql(
      `create table ${s}."ghl_webhook_deliveries" ("seq" bigserial primary key, "webhook_id" varchar(100) not null, "type" varchar(64) not null, "tenant_id" varchar(36) null, "ghl_location_id" varchar(64) null, "location_id" varchar(36) null, "order_key" varchar(140) not null, "body" text not null, "signature_scheme" varchar(16) not null, "status" text check ("status" in ('PENDING', 'DONE', 'DEAD')) not null default 'PENDING', "reason" text check ("reason" in ('UNKNOWN_LOCATION', 'NO_MATCHING_AGENT', 'INVALID_PAYLOAD', 'PROCESSING_FAILED')) null, "detail" varchar(300) null, "error" text null, "attempts" int not null default 0, "received_at" timestamptz not null, "available_at" timestamptz not null, "processed_at" timestamptz null);`,
    );
    this.addSql(
      `alter table ${s}."ghl_webhook_deliveries" add constraint "ghl_webhook_deliveries_webhook_id_unique" unique ("webhook_id");`,
    );
    this.addSql(
      `create index "ghl_webhook_deliveries_tenant_id_status_received_at_index" on ${s}."ghl_webhook_deliveries" ("tenant_id", "status", "received_at");`,
    );
    this.addSql(
      `create index "ghl_webhook_deliveries_order_key_status_seq_index" on ${s}."ghl_webhook_deliveries" ("order_key", "status", "seq");`,
    );
    this.addSql(
      `create index "ghl_webhook_deliveries_status_available_at_seq_index" on ${s}."ghl_webhook_deliveries" ("status", "available_at", "seq");`,
    );

    this.addSql(
      `create table ${s}."location_views" ("location_id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "ghl_location_id" varchar(64) null, "name" varchar(200) not null, "event_at" timestamptz not null, constraint "location_views_pkey" primary key ("location_id"));`,
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

    this.addSql(
      `create table ${s}."qualifications" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "session_id" varchar(64) not null, "slots" jsonb not null, "score" int not null, "missing" jsonb not null, "next_question" text null, "stage" text check ("stage" in ('INITIAL_CONTACT', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPERTY_SEARCH', 'SHOWING', 'NEGOTIATION', 'UNDER_CONTRACT', 'CLOSING', 'FOLLOW_UP')) not null, "updated_at" timestamptz not null, constraint "qualifications_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."qualifications" add constraint "qualifications_tenant_id_session_id_unique" unique ("tenant_id", "session_id");`,
    );

    this.addSql(
      `create table ${s}."session_views" ("session_id" varchar(64) not null, "tenant_id" varchar(36) not null, "agent_id" varchar(36) not null, "location_id" varchar(36) null, "contact_id" varchar(64) not null, "stage" text check ("stage" in ('INITIAL_CONTACT', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPERTY_SEARCH', 'SHOWING', 'NEGOTIATION', 'UNDER_CONTRACT', 'CLOSING', 'FOLLOW_UP')) not null, "active" boolean not null, "origin" text check ("origin" in ('AGENTS', 'COACHING')) not null, "event_at" timestamptz not null, constraint "session_views_pkey" primary key ("session_id"));`,
    );
    this.addSql(
      `create index "session_views_tenant_id_agent_id_index" on ${s}."session_views" ("tenant_id", "agent_id");`,
    );
    this.addSql(
      `create index "session_views_tenant_id_location_id_contact_id_active_index" on ${s}."session_views" ("tenant_id", "location_id", "contact_id", "active");`,
    );

    this.addSql(`alter table ${s}."agent_profiles" enable row level security;`);
    this.addSql(`alter table ${s}."agent_profiles" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."agent_profiles";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."agent_profiles" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."coaching_hints" enable row level security;`);
    this.addSql(`alter table ${s}."coaching_hints" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."coaching_hints";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."coaching_hints" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."contact_memories" enable row level security;`);
    this.addSql(`alter table ${s}."contact_memories" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."contact_memories";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."contact_memories" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."conversation_turns" enable row level security;`);
    this.addSql(`alter table ${s}."conversation_turns" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."conversation_turns";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."conversation_turns" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."ghl_location_routes" enable row level security;`);
    this.addSql(`alter table ${s}."ghl_location_routes" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."ghl_location_routes";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."ghl_location_routes" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."ghl_webhook_deliveries" enable row level security;`);
    this.addSql(`alter table ${s}."ghl_webhook_deliveries" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."ghl_webhook_deliveries";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."ghl_webhook_deliveries" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."location_views" enable row level security;`);
    this.addSql(`alter table ${s}."location_views" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."location_views";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."location_views" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
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

    this.addSql(`alter table ${s}."qualifications" enable row level security;`);
    this.addSql(`alter table ${s}."qualifications" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."qualifications";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."qualifications" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."session_views" enable row level security;`);
    this.addSql(`alter table ${s}."session_views" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."session_views";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."session_views" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    // Hand-written (not in the entity metadata): the two narrow paths that work across tenants.
    // The inbox's second policy: rows of every tenant (and of none) are visible to a transaction that set
    // `app.ghl_inbox` — the webhook receiver and the inbox worker do, in their own transactions; GraphQL
    // requests never do.
    this.addSql(`drop policy if exists "ghl_inbox_worker" on ${s}."ghl_webhook_deliveries";`);
    this.addSql(
      `create policy "ghl_inbox_worker" on ${s}."ghl_webhook_deliveries" using (current_setting('app.ghl_inbox', true) = 'on') with check (current_setting('app.ghl_inbox', true) = 'on');`,
    );
    // Lets a non-superuser owner through the FORCEd RLS inside the two functions below (a superuser or
    // BYPASSRLS owner does not need it); it applies to the owner role only.
    this.addSql(`drop policy if exists ghl_route_owner on ${s}."ghl_location_routes";`);
    this.addSql(
      `create policy ghl_route_owner on ${s}."ghl_location_routes" to current_user using (true) with check (true);`,
    );
    // `ghl_route_for(ghl_location_id)` → (tenant_id, location_id) of the newest route of one GHL location: all
    // the webhook receiver may learn before it knows the tenant. SECURITY DEFINER: runs as the table owner.
    this.addSql(
      `create or replace function ${s}."ghl_route_for"(ghl_location_id text) returns table (tenant_id text, location_id text) language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ select r.tenant_id::text, r.location_id::text from ${s}."ghl_location_routes" r where r.ghl_location_id = $1 order by r.installed_at desc, r.tenant_id limit 1 $fn$;`,
    );
    // `ghl_route_uninstall(ghl_location_id)` → routes removed: an UNINSTALL ends every tenant's route.
    this.addSql(
      `create or replace function ${s}."ghl_route_uninstall"(ghl_location_id text) returns integer language sql volatile security definer set search_path = pg_catalog, pg_temp as $fn$ with gone as (delete from ${s}."ghl_location_routes" r where r.ghl_location_id = $1 returning 1) select count(*)::integer from gone $fn$;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop function if exists ${s}."ghl_route_uninstall"(text);`);
    this.addSql(`drop function if exists ${s}."ghl_route_for"(text);`);
    this.addSql(`drop table if exists ${s}."agent_profiles" cascade;`);

    this.addSql(`drop table if exists ${s}."coaching_hints" cascade;`);

    this.addSql(`drop table if exists ${s}."contact_memories" cascade;`);

    this.addSql(`drop table if exists ${s}."conversation_turns" cascade;`);

    this.addSql(`drop table if exists ${s}."ghl_location_routes" cascade;`);

    this.addSql(`drop table if exists ${s}."ghl_webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists ${s}."location_views" cascade;`);

    this.addSql(`drop table if exists ${s}."outbox_event" cascade;`);

    this.addSql(`drop table if exists ${s}."processed_event" cascade;`);

    this.addSql(`drop table if exists ${s}."qualifications" cascade;`);

    this.addSql(`drop table if exists ${s}."session_views" cascade;`);
  }
}
