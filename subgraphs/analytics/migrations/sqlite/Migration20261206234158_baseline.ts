import { Migration } from '@mikro-orm/migrations';

export class Migration20261206234158_baseline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`analytics_alerts\` (\`id\` text not null, \`tenant_id\` text not null, \`kind\` text not null, \`location_id\` text null, \`scope_key\` text not null, \`window_start\` datetime not null, \`window_end\` datetime not null, \`value\` double not null, \`threshold\` double not null, \`raised_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`analytics_alerts_tenant_id_window_start_index\` on \`analytics_alerts\` (\`tenant_id\`, \`window_start\`);`,
    );
    this.addSql(
      `create unique index \`analytics_alerts_tenant_id_kind_scope_key_window_start_unique\` on \`analytics_alerts\` (\`tenant_id\`, \`kind\`, \`scope_key\`, \`window_start\`);`,
    );

    this.addSql(
      `create table \`analytics_settings\` (\`tenant_id\` text not null, \`value_per_won_deal_cents\` integer not null default 900000, \`p95latency_threshold_ms\` integer not null default 2500, \`daily_cost_threshold_micros\` integer not null default 50000000, \`acceptance_drop_threshold\` double not null default 0.2, \`min_samples\` integer not null default 20, primary key (\`tenant_id\`));`,
    );

    this.addSql(
      `create table \`analytics_hints\` (\`id\` text not null, \`tenant_id\` text not null, \`session_id\` text not null, \`agent_id\` text not null, \`location_id\` text null, \`delivered_at\` datetime null, \`verdict\` text null, \`feedback_at\` datetime null, \`counted_verdict\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`analytics_hints_tenant_id_session_id_index\` on \`analytics_hints\` (\`tenant_id\`, \`session_id\`);`,
    );

    this.addSql(
      `create table \`analytics_hour_buckets\` (\`id\` text not null, \`tenant_id\` text not null, \`hour_start\` datetime not null, \`location_id\` text not null, \`agent_id\` text not null, \`hints_delivered\` integer not null default 0, \`latency_histogram\` text null, \`tokens_in\` bigint not null default 0, \`tokens_out\` bigint not null default 0, \`cost_micros\` bigint not null default 0, \`cache_hits\` integer not null default 0, \`accepted\` integer not null default 0, \`dismissed\` integer not null default 0, \`qual_sessions\` integer not null default 0, \`qual_score_sum\` integer not null default 0, \`deals_won\` integer not null default 0, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`analytics_hour_buckets_tenant_id_agent_id_hour_start_index\` on \`analytics_hour_buckets\` (\`tenant_id\`, \`agent_id\`, \`hour_start\`);`,
    );
    this.addSql(
      `create unique index \`analytics_hour_buckets_tenant_id_hour_start_location_id_agent_id_unique\` on \`analytics_hour_buckets\` (\`tenant_id\`, \`hour_start\`, \`location_id\`, \`agent_id\`);`,
    );

    this.addSql(
      `create table \`analytics_invoices\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`period_end\` datetime not null, \`total_cents\` integer not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`analytics_opportunities\` (\`id\` text not null, \`tenant_id\` text not null, \`contact_id\` text not null, \`location_id\` text null, \`status\` text not null, \`won_at\` datetime null, \`attributed\` integer not null default false, \`attributed_agent_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`analytics_opportunities_tenant_id_contact_id_index\` on \`analytics_opportunities\` (\`tenant_id\`, \`contact_id\`);`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`tenant\` text not null, \`at\` datetime not null, \`version\` integer not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(
      `create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`processed_event\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`tenant_id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`processed_event_consumer_event_id_unique\` on \`processed_event\` (\`consumer\`, \`event_id\`);`,
    );

    this.addSql(
      `create table \`analytics_sessions\` (\`id\` text not null, \`tenant_id\` text not null, \`agent_id\` text null, \`location_id\` text null, \`contact_id\` text null, \`qual_hour\` datetime null, \`qual_location_id\` text null, \`qual_agent_id\` text null, \`last_score\` integer null, \`last_score_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`analytics_sessions_tenant_id_contact_id_index\` on \`analytics_sessions\` (\`tenant_id\`, \`contact_id\`);`,
    );
  }
}
