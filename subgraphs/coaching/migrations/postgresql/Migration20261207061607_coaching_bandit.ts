import { PostgresMigration } from '../../../../core/db/postgres-migration';

const TENANT_TABLES = ['coaching_strategy_arms', 'coaching_strategy_outcomes'];

export class Migration20261207061607_coaching_bandit extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `alter table ${s}."coaching_hints" add column "variant" varchar(16) null, add column "strategy_role" varchar(32) null, add column "strategy_stage" varchar(32) null;`,
    );

    this.addSql(
      `create table ${s}."coaching_strategy_arms" ("id" varchar(36) not null, "tenant_id" varchar(36) not null, "role" varchar(32) not null, "stage" varchar(32) not null, "category" varchar(32) not null, "variant" varchar(16) not null, "successes" int not null, "failures" int not null, "updated_at" timestamptz not null, constraint "coaching_strategy_arms_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table ${s}."coaching_strategy_arms" add constraint "coaching_strategy_arms_arm_unique" unique ("tenant_id", "role", "stage", "category", "variant");`,
    );

    this.addSql(
      `create table ${s}."coaching_strategy_outcomes" ("id" varchar(64) not null, "tenant_id" varchar(36) not null, "hint_id" varchar(36) not null, "signal" varchar(16) not null, "value" varchar(8) not null, "event_id" varchar(100) not null, "role" varchar(32) not null, "stage" varchar(32) not null, "category" varchar(32) not null, "variant" varchar(16) not null, "agent_id" varchar(36) not null, "location_id" varchar(36) null, "at" timestamptz not null, constraint "coaching_strategy_outcomes_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "coaching_strategy_outcomes_strategy_index" on ${s}."coaching_strategy_outcomes" ("tenant_id", "signal", "category", "variant");`,
    );

    for (const table of TENANT_TABLES) {
      this.addSql(`alter table ${s}."${table}" enable row level security;`);
      this.addSql(`alter table ${s}."${table}" force row level security;`);
      this.addSql(`drop policy if exists tenant_isolation on ${s}."${table}";`);
      this.addSql(
        `create policy tenant_isolation on ${s}."${table}" using ("tenant_id"::text = current_setting('app.tenant_id', true)) with check ("tenant_id"::text = current_setting('app.tenant_id', true));`,
      );
    }
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop table if exists ${s}."coaching_strategy_outcomes" cascade;`);
    this.addSql(`drop table if exists ${s}."coaching_strategy_arms" cascade;`);
    this.addSql(
      `alter table ${s}."coaching_hints" drop column "variant", drop column "strategy_role", drop column "strategy_stage";`,
    );
  }
}
