import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207003054_published_limits extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."published_limits" ("tenant_id" varchar(36) not null, "digest" varchar(64) not null, "event_id" varchar(36) not null, "staged_at" timestamptz not null, constraint "published_limits_pkey" primary key ("tenant_id"));`,
    );

    this.addSql(`alter table ${s}."published_limits" enable row level security;`);
    this.addSql(`alter table ${s}."published_limits" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."published_limits";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."published_limits" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    // Hand-written: `billing_limit_records(after_tenant, batch)` → every subscription's limit facts and the digest
    // billing recorded for it, a page in tenant order (service/limit-records.ts: what billing compares on
    // start to republish the limits it has no record of). SECURITY DEFINER: runs as the owner, read-only,
    // and answers nothing inside a tenant scope. The owner-only SELECT policies let a non-superuser owner
    // read through the FORCEd row-level security inside the function; they apply to the owner role only.
    this.addSql(
      `create policy limits_owner on ${s}."subscriptions" for select to current_user using (true);`,
    );
    this.addSql(
      `create policy limits_owner on ${s}."published_limits" for select to current_user using (true);`,
    );
    this.addSql(
      `create or replace function ${s}."billing_limit_records"(after_tenant text, batch integer) returns table (tenant_id text, organization_id text, plan_code text, status text, seats integer, current_period_start timestamptz, current_period_end timestamptz, hint_limit integer, digest text) language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ select s.tenant_id::text, s.organization_id::text, s.plan_code::text, s.status::text, s.seats::integer, s.current_period_start::timestamptz, s.current_period_end::timestamptz, p.hint_limit::integer, l.digest::text from ${s}."subscriptions" s left join ${s}."plans" p on p.code = s.plan_code left join ${s}."published_limits" l on l.tenant_id = s.tenant_id where s.tenant_id > $1 and coalesce(current_setting('app.tenant_id', true), '') = '' order by s.tenant_id limit $2 $fn$;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop function if exists ${s}."billing_limit_records"(text, integer);`);
    this.addSql(`drop policy if exists limits_owner on ${s}."subscriptions";`);
    this.addSql(`drop table if exists ${s}."published_limits" cascade;`);
  }
}
