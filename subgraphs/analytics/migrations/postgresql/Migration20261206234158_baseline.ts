import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261206234158_baseline extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."analytics_alerts" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "kind" varchar(24) not null, "location_id" varchar(36) null, "scope_key" varchar(36) not null, "window_start" timestamptz not null, "window_end" timestamptz not null, "value" double precision not null, "threshold" double precision not null, "raised_at" timestamptz not null, constraint "analytics_alerts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "analytics_alerts_tenant_id_window_start_index" on ${s}."analytics_alerts" ("tenant_id", "window_start");`,
    );
    this.addSql(
      `alter table ${s}."analytics_alerts" add constraint "analytics_alerts_tenant_id_kind_scope_key_window_start_unique" unique ("tenant_id", "kind", "scope_key", "window_start");`,
    );

    this.addSql(
      `create table ${s}."analytics_settings" ("tenant_id" varchar(36) not null, "value_per_won_deal_cents" int not null default 900000, "p95latency_threshold_ms" int not null default 2500, "daily_cost_threshold_micros" int not null default 50000000, "acceptance_drop_threshold" double precision not null default 0.2, "min_samples" int not null default 20, constraint "analytics_settings_pkey" primary key ("tenant_id"));`,
    );

    this.addSql(
      `create table ${s}."analytics_hints" ("id" varchar(64) not null, "tenant_id" varchar(36) not null, "session_id" varchar(36) not null, "agent_id" varchar(36) not null, "location_id" varchar(36) null, "delivered_at" timestamptz null, "verdict" varchar(16) null, "feedback_at" timestamptz null, "counted_verdict" varchar(16) null, constraint "analytics_hints_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "analytics_hints_tenant_id_session_id_index" on ${s}."analytics_hints" ("tenant_id", "session_id");`,
    );

    this.addSql(
      `create table ${s}."analytics_hour_buckets" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "hour_start" timestamptz not null, "location_id" varchar(36) not null, "agent_id" varchar(36) not null, "hints_delivered" int not null default 0, "latency_histogram" text null, "tokens_in" bigint not null default 0, "tokens_out" bigint not null default 0, "cost_micros" bigint not null default 0, "cache_hits" int not null default 0, "accepted" int not null default 0, "dismissed" int not null default 0, "qual_sessions" int not null default 0, "qual_score_sum" int not null default 0, "deals_won" int not null default 0, constraint "analytics_hour_buckets_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "analytics_hour_buckets_tenant_id_agent_id_hour_start_index" on ${s}."analytics_hour_buckets" ("tenant_id", "agent_id", "hour_start");`,
    );
    this.addSql(
      `alter table ${s}."analytics_hour_buckets" add constraint "analytics_hour_buckets_tenant_id_hour_start_locat_91cf1_unique" unique ("tenant_id", "hour_start", "location_id", "agent_id");`,
    );

    this.addSql(
      `create table ${s}."analytics_invoices" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "period_end" timestamptz not null, "total_cents" int not null, constraint "analytics_invoices_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table ${s}."analytics_opportunities" ("id" varchar(64) not null, "tenant_id" varchar(36) not null, "contact_id" varchar(64) not null, "location_id" varchar(36) null, "status" varchar(32) not null, "won_at" timestamptz null, "attributed" boolean not null default false, "attributed_agent_id" varchar(36) null, constraint "analytics_opportunities_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "analytics_opportunities_tenant_id_contact_id_index" on ${s}."analytics_opportunities" ("tenant_id", "contact_id");`,
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
      `create table ${s}."analytics_sessions" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "agent_id" varchar(36) null, "location_id" varchar(36) null, "contact_id" varchar(64) null, "qual_hour" timestamptz null, "qual_location_id" varchar(36) null, "qual_agent_id" varchar(36) null, "last_score" int null, "last_score_at" timestamptz null, constraint "analytics_sessions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "analytics_sessions_tenant_id_contact_id_index" on ${s}."analytics_sessions" ("tenant_id", "contact_id");`,
    );

    this.addSql(`alter table ${s}."analytics_alerts" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_alerts" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_alerts";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_alerts" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."analytics_settings" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_settings" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_settings";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_settings" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."analytics_hints" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_hints" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_hints";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_hints" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."analytics_hour_buckets" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_hour_buckets" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_hour_buckets";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_hour_buckets" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."analytics_invoices" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_invoices" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_invoices";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_invoices" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."analytics_opportunities" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_opportunities" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_opportunities";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_opportunities" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
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

    this.addSql(`alter table ${s}."analytics_sessions" enable row level security;`);
    this.addSql(`alter table ${s}."analytics_sessions" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."analytics_sessions";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."analytics_sessions" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."analytics_alerts" cascade;`);

    this.addSql(`drop table if exists ${s}."analytics_settings" cascade;`);

    this.addSql(`drop table if exists ${s}."analytics_hints" cascade;`);

    this.addSql(`drop table if exists ${s}."analytics_hour_buckets" cascade;`);

    this.addSql(`drop table if exists ${s}."analytics_invoices" cascade;`);

    this.addSql(`drop table if exists ${s}."analytics_opportunities" cascade;`);

    this.addSql(`drop table if exists ${s}."outbox_event" cascade;`);

    this.addSql(`drop table if exists ${s}."processed_event" cascade;`);

    this.addSql(`drop table if exists ${s}."analytics_sessions" cascade;`);
  }
}
