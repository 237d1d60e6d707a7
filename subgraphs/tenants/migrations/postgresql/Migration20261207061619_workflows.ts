import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207061619_workflows extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."follow_up_tasks" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "workflow_id" varchar(36) not null, "trigger_key" varchar(120) not null, "trigger" varchar(32) not null, "title" varchar(200) not null, "detail" varchar(500) not null, "agent_id" varchar(36) null, "session_id" varchar(36) null, "location_id" varchar(36) null, "status" varchar(8) not null default 'OPEN', "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "follow_up_tasks_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "follow_up_tasks_tenant_id_status_created_at_index" on ${s}."follow_up_tasks" ("tenant_id", "status", "created_at");`,
    );
    this.addSql(
      `alter table ${s}."follow_up_tasks" add constraint "follow_up_tasks_workflow_id_trigger_key_unique" unique ("workflow_id", "trigger_key");`,
    );

    this.addSql(
      `create table ${s}."webhook_deliveries" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "workflow_id" varchar(36) not null, "trigger_key" varchar(120) not null, "trigger" varchar(32) not null, "url" varchar(2000) not null, "body" text not null, "status" varchar(16) not null, "attempts" int not null default 0, "last_status_code" int null, "last_error" varchar(500) null, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "redelivery_of" varchar(36) null, "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_deliveries_tenant_id_created_at_index" on ${s}."webhook_deliveries" ("tenant_id", "created_at");`,
    );
    this.addSql(
      `create index "webhook_deliveries_status_next_attempt_at_index" on ${s}."webhook_deliveries" ("status", "next_attempt_at");`,
    );
    this.addSql(
      `alter table ${s}."webhook_deliveries" add constraint "webhook_deliveries_workflow_id_trigger_key_unique" unique ("workflow_id", "trigger_key");`,
    );

    this.addSql(
      `create table ${s}."webhook_delivery_attempts" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "delivery_id" varchar(36) not null, "attempt" int not null, "at" timestamptz not null, "status_code" int null, "error" varchar(500) null, "duration_ms" int not null, constraint "webhook_delivery_attempts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."webhook_delivery_attempts" add constraint "webhook_delivery_attempts_delivery_id_attempt_unique" unique ("delivery_id", "attempt");`,
    );

    this.addSql(
      `create table ${s}."workflows" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "name" varchar(200) not null, "trigger" varchar(32) not null, "min_score" int null, "stage" varchar(32) null, "action" varchar(16) not null, "url" varchar(2000) null, "secret" varchar(100) null, "task_title" varchar(200) null, "enabled" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "workflows_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "workflows_tenant_id_trigger_index" on ${s}."workflows" ("tenant_id", "trigger");`,
    );

    this.addSql(`alter table ${s}."follow_up_tasks" enable row level security;`);
    this.addSql(`alter table ${s}."follow_up_tasks" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."follow_up_tasks";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."follow_up_tasks" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."webhook_deliveries" enable row level security;`);
    this.addSql(`alter table ${s}."webhook_deliveries" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."webhook_deliveries";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."webhook_deliveries" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."webhook_delivery_attempts" enable row level security;`);
    this.addSql(`alter table ${s}."webhook_delivery_attempts" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."webhook_delivery_attempts";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."webhook_delivery_attempts" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."workflows" enable row level security;`);
    this.addSql(`alter table ${s}."workflows" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."workflows";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."workflows" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    // The delivery worker finds due deliveries of every tenant through ONE narrow path (workflows/due.ts):
    // ids and tenants only, outside any tenant scope. The owner-only policy lets a non-superuser owner
    // through the FORCEd RLS inside the SECURITY DEFINER function; it applies to the owner role only.
    this.addSql(`drop policy if exists webhook_deliveries_owner on ${s}."webhook_deliveries";`);
    this.addSql(
      `create policy webhook_deliveries_owner on ${s}."webhook_deliveries" to current_user using (true) with check (true);`,
    );
    // `webhook_deliveries_due(batch)` → (id, tenant_id): PENDING deliveries whose attempt is due and SENDING ones
    // whose worker's lease lapsed; nothing inside a tenant scope. SECURITY DEFINER: runs as the table owner.
    this.addSql(
      `create or replace function ${s}."webhook_deliveries_due"(batch integer) returns table (id text, tenant_id text) language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ select d.id::text, d.tenant_id::text from ${s}."webhook_deliveries" d where coalesce(current_setting('app.tenant_id', true), '') = '' and ((d.status = 'PENDING' and d.next_attempt_at <= now()) or (d.status = 'SENDING' and d.lease_until <= now())) order by d.next_attempt_at limit batch $fn$;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop function if exists ${s}."webhook_deliveries_due"(integer);`);
    this.addSql(`drop table if exists ${s}."follow_up_tasks" cascade;`);

    this.addSql(`drop table if exists ${s}."webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists ${s}."webhook_delivery_attempts" cascade;`);

    this.addSql(`drop table if exists ${s}."workflows" cascade;`);
  }
}
