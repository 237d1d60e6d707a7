import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207061618_organization_views extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."organization_views" ("organization_id" varchar(36) not null, "tenant_id" varchar(36) not null, "parent_id" varchar(36) null, "vertical" varchar(40) not null, "event_at" timestamptz not null, constraint "organization_views_pkey" primary key ("organization_id"));`,
    );

    this.addSql(`alter table ${s}."organization_views" enable row level security;`);
    this.addSql(`alter table ${s}."organization_views" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."organization_views";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."organization_views" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."organization_views" cascade;`);
  }
}
