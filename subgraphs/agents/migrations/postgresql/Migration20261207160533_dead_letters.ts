import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207160533_dead_letters extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create table ${s}."dead_letter" ("id" varchar(120) not null, "consumer" varchar(80) not null, "event_id" varchar(36) not null, "type" varchar(80) not null, "tenant_id" varchar(36) not null, "event" jsonb not null, "attempts" int not null, "last_error" text not null, "dead_at" timestamptz not null, "redelivered_at" timestamptz null, constraint "dead_letter_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "dead_letter_redelivered_at_dead_at_index" on ${s}."dead_letter" ("redelivered_at", "dead_at");`,
    );

    this.addSql(`alter table ${s}."dead_letter" enable row level security;`);
    this.addSql(`alter table ${s}."dead_letter" force row level security;`);
    this.addSql(`drop policy if exists tenant_isolation on ${s}."dead_letter";`);
    this.addSql(
      `create policy tenant_isolation on ${s}."dead_letter" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
    );
    // the owner (operators' tool, bin/dead-letters.ts, npm run dead-letters) sees every tenant's, as with the outbox
    this.addSql(`drop policy if exists dead_letter_owner on ${s}."dead_letter";`);
    this.addSql(
      `create policy dead_letter_owner on ${s}."dead_letter" to current_user using (true) with check (true);`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."dead_letter" cascade;`);
  }
}
