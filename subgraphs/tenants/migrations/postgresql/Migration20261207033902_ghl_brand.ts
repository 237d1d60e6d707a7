import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207033902_ghl_brand extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."processed_event" ("id" varchar(120) not null, "consumer" varchar(80) not null, "event_id" varchar(36) not null, "tenant_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."processed_event" add constraint "processed_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );

    this.addSql(`alter table ${s}."organizations" add column "branding_updated_at" timestamptz null;`);

    this.addSql(`alter table ${s}."processed_event" enable row level security;`);
    this.addSql(`alter table ${s}."processed_event" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."processed_event";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."processed_event" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."processed_event" cascade;`);

    this.addSql(`alter table ${s}."organizations" drop column "branding_updated_at";`);
  }
}
