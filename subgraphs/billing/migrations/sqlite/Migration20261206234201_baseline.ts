import { Migration } from '@mikro-orm/migrations';

export class Migration20261206234201_baseline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`billing_adjustments\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`kind\` text check (\`kind\` in ('PRORATION_CREDIT', 'PRORATION_CHARGE')) not null, \`description\` text not null, \`amount_cents\` integer not null, \`created_at\` datetime not null, \`invoice_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`billing_adjustments_tenant_id_invoice_id_index\` on \`billing_adjustments\` (\`tenant_id\`, \`invoice_id\`);`,
    );

    this.addSql(
      `create table \`invoices\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`plan_code\` text not null, \`period_start\` datetime not null, \`period_end\` datetime not null, \`lines\` json not null, \`total_cents\` integer not null, \`partner_share_cents\` integer not null, \`hints\` integer not null, \`tokens\` integer not null, \`cost_micros\` bigint not null, \`issued_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`invoices_tenant_id_period_end_index\` on \`invoices\` (\`tenant_id\`, \`period_end\`);`,
    );
    this.addSql(
      `create unique index \`invoices_tenant_id_organization_id_period_end_unique\` on \`invoices\` (\`tenant_id\`, \`organization_id\`, \`period_end\`);`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`tenant\` text not null, \`at\` datetime not null, \`version\` integer not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(
      `create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`partner_apps\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`revenue_share_bps\` integer not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`plans\` (\`code\` text not null, \`name\` text not null, \`monthly_fee_cents\` integer not null, \`included_hints\` integer not null, \`hint_limit\` integer not null, \`overage_price_micros\` integer not null, \`token_allowance\` integer not null, \`seats\` integer not null, \`seat_price_cents\` integer not null, \`sort_order\` integer not null, primary key (\`code\`));`,
    );

    this.addSql(
      `create table \`processed_event\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`tenant_id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`processed_event_consumer_event_id_unique\` on \`processed_event\` (\`consumer\`, \`event_id\`);`,
    );

    this.addSql(
      `create table \`subscriptions\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`plan_code\` text not null, \`period_plan_code\` text not null, \`status\` text check (\`status\` in ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')) not null, \`current_period_start\` datetime not null, \`current_period_end\` datetime not null, \`trial_ends_at\` datetime null, \`seats\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`subscriptions_tenant_id_unique\` on \`subscriptions\` (\`tenant_id\`);`,
    );

    this.addSql(
      `create table \`usage_records\` (\`id\` text not null, \`tenant_id\` text not null, \`event_id\` text not null, \`hint_id\` text not null, \`at\` datetime not null, \`hints\` integer not null, \`tokens_in\` integer not null, \`tokens_out\` integer not null, \`cost_micros\` bigint not null, \`agent_id\` text null, \`location_id\` text null, \`api_key_id\` text null, \`partner_app_id\` text null, \`invoice_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`usage_records_event_id_unique\` on \`usage_records\` (\`event_id\`);`);
    this.addSql(
      `create index \`usage_records_tenant_id_invoice_id_at_index\` on \`usage_records\` (\`tenant_id\`, \`invoice_id\`, \`at\`);`,
    );
  }
}
