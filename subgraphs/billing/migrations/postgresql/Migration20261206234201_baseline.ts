import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261206234201_baseline extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."billing_adjustments" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "kind" text check ("kind" in ('PRORATION_CREDIT', 'PRORATION_CHARGE')) not null, "description" varchar(200) not null, "amount_cents" int not null, "created_at" timestamptz not null, "invoice_id" varchar(36) null, constraint "billing_adjustments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "billing_adjustments_tenant_id_invoice_id_index" on ${s}."billing_adjustments" ("tenant_id", "invoice_id");`,
    );

    this.addSql(
      `create table ${s}."invoices" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "plan_code" varchar(32) not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "lines" jsonb not null, "total_cents" int not null, "partner_share_cents" int not null, "hints" int not null, "tokens" int not null, "cost_micros" bigint not null, "issued_at" timestamptz not null, constraint "invoices_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "invoices_tenant_id_period_end_index" on ${s}."invoices" ("tenant_id", "period_end");`,
    );
    this.addSql(
      `alter table ${s}."invoices" add constraint "invoices_tenant_id_organization_id_period_end_unique" unique ("tenant_id", "organization_id", "period_end");`,
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
      `create table ${s}."partner_apps" ("id" varchar(64) not null, "tenant_id" varchar(36) not null, "name" varchar(200) not null, "revenue_share_bps" int not null, "updated_at" timestamptz not null, constraint "partner_apps_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table ${s}."plans" ("code" varchar(32) not null, "name" varchar(80) not null, "monthly_fee_cents" int not null, "included_hints" int not null, "hint_limit" int not null, "overage_price_micros" int not null, "token_allowance" int not null, "seats" int not null, "seat_price_cents" int not null, "sort_order" int not null, constraint "plans_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table ${s}."processed_event" ("id" varchar(120) not null, "consumer" varchar(80) not null, "event_id" varchar(36) not null, "tenant_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."processed_event" add constraint "processed_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );

    this.addSql(
      `create table ${s}."subscriptions" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "organization_id" varchar(36) not null, "plan_code" varchar(32) not null, "period_plan_code" varchar(32) not null, "status" text check ("status" in ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')) not null, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "trial_ends_at" timestamptz null, "seats" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."subscriptions" add constraint "subscriptions_tenant_id_unique" unique ("tenant_id");`,
    );

    this.addSql(
      `create table ${s}."usage_records" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "event_id" varchar(36) not null, "hint_id" varchar(64) not null, "at" timestamptz not null, "hints" int not null, "tokens_in" int not null, "tokens_out" int not null, "cost_micros" bigint not null, "agent_id" varchar(36) null, "location_id" varchar(36) null, "api_key_id" varchar(64) null, "partner_app_id" varchar(64) null, "invoice_id" varchar(36) null, constraint "usage_records_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."usage_records" add constraint "usage_records_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `create index "usage_records_tenant_id_invoice_id_at_index" on ${s}."usage_records" ("tenant_id", "invoice_id", "at");`,
    );

    this.addSql(`alter table ${s}."billing_adjustments" enable row level security;`);
    this.addSql(`alter table ${s}."billing_adjustments" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."billing_adjustments";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."billing_adjustments" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."invoices" enable row level security;`);
    this.addSql(`alter table ${s}."invoices" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."invoices";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."invoices" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
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

    this.addSql(`alter table ${s}."processed_event" enable row level security;`);
    this.addSql(`alter table ${s}."processed_event" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."processed_event";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."processed_event" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."subscriptions" enable row level security;`);
    this.addSql(`alter table ${s}."subscriptions" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."subscriptions";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."subscriptions" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."usage_records" enable row level security;`);
    this.addSql(`alter table ${s}."usage_records" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."usage_records";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."usage_records" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."billing_adjustments" cascade;`);

    this.addSql(`drop table if exists ${s}."invoices" cascade;`);

    this.addSql(`drop table if exists ${s}."outbox_event" cascade;`);

    this.addSql(`drop table if exists ${s}."partner_apps" cascade;`);

    this.addSql(`drop table if exists ${s}."plans" cascade;`);

    this.addSql(`drop table if exists ${s}."processed_event" cascade;`);

    this.addSql(`drop table if exists ${s}."subscriptions" cascade;`);

    this.addSql(`drop table if exists ${s}."usage_records" cascade;`);
  }
}
