import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207061110_contact_erasures extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."contact_erasures" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "contact_id" varchar(64) not null, "requested_by" varchar(200) not null, "requested_at" timestamptz not null, constraint "contact_erasures_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "contact_erasures_tenant_id_contact_id_index" on ${s}."contact_erasures" ("tenant_id", "contact_id");`,
    );

    this.addSql(
      `create table ${s}."contact_erasure_parts" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "request_id" varchar(36) not null, "subgraph" varchar(20) not null, "erased_at" timestamptz null, "erased" jsonb null, constraint "contact_erasure_parts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."contact_erasure_parts" add constraint "contact_erasure_parts_tenant_id_request_id_subgraph_unique" unique ("tenant_id", "request_id", "subgraph");`,
    );

    this.addSql(`alter table ${s}."contact_erasures" enable row level security;`);
    this.addSql(`alter table ${s}."contact_erasures" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."contact_erasures";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."contact_erasures" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );

    this.addSql(`alter table ${s}."contact_erasure_parts" enable row level security;`);
    this.addSql(`alter table ${s}."contact_erasure_parts" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."contact_erasure_parts";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."contact_erasure_parts" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."contact_erasures" cascade;`);

    this.addSql(`drop table if exists ${s}."contact_erasure_parts" cascade;`);
  }
}
