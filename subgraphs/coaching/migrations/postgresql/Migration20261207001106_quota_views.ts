import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207001106_quota_views extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."quota_views" ("tenant_id" varchar(36) not null, "hint_limit" int not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "event_at" timestamptz not null, constraint "quota_views_pkey" primary key ("tenant_id"));`,
    );

    this.addSql(`alter table ${s}."quota_views" enable row level security;`);
    this.addSql(`alter table ${s}."quota_views" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."quota_views";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."quota_views" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."quota_views" cascade;`);
  }
}
