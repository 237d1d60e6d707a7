import { Migration } from '@mikro-orm/migrations';

export class Migration20261206234153_baseline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`agent_profiles\` (\`agent_id\` text not null, \`tenant_id\` text not null, \`location_id\` text null, \`name\` text not null, \`role\` text check (\`role\` in ('BUYER_AGENT', 'LISTING_AGENT', 'TRANSACTION_COORDINATOR')) not null, \`experience\` text check (\`experience\` in ('NOVICE', 'EXPERIENCED', 'EXPERT')) not null, \`specializations\` json not null, \`tags\` json not null, \`active\` integer not null, \`ghl_user_id\` text null, \`event_at\` datetime not null, primary key (\`agent_id\`));`,
    );
    this.addSql(
      `create index \`agent_profiles_tenant_id_ghl_user_id_index\` on \`agent_profiles\` (\`tenant_id\`, \`ghl_user_id\`);`,
    );
    this.addSql(
      `create index \`agent_profiles_tenant_id_location_id_active_index\` on \`agent_profiles\` (\`tenant_id\`, \`location_id\`, \`active\`);`,
    );

    this.addSql(
      `create table \`coaching_hints\` (\`id\` text not null, \`tenant_id\` text not null, \`session_id\` text not null, \`agent_id\` text not null, \`location_id\` text null, \`request_id\` text not null, \`category\` text check (\`category\` in ('OBJECTION_HANDLING', 'QUALIFYING_QUESTION', 'NEXT_STEP', 'COMPLIANCE_WARNING', 'RAPPORT', 'INFORMATION')) not null, \`objection\` text check (\`objection\` in ('PRICE', 'COMMISSION', 'TIMING', 'TRUST', 'COMPETITOR', 'JUST_LOOKING')) null, \`text\` text not null, \`rationale\` text not null, \`confidence\` double not null, \`model\` text not null, \`cached\` integer not null, \`fallback\` integer not null, \`latency_ms\` integer not null, \`tokens_in\` integer not null, \`tokens_out\` integer not null, \`cost_micros\` integer not null, \`status\` text check (\`status\` in ('SHOWN', 'ACCEPTED', 'DISMISSED')) not null, \`feedback_comment\` text null, \`rated_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`coaching_hints_tenant_id_agent_id_created_at_id_index\` on \`coaching_hints\` (\`tenant_id\`, \`agent_id\`, \`created_at\`, \`id\`);`,
    );
    this.addSql(
      `create index \`coaching_hints_tenant_id_session_id_created_at_index\` on \`coaching_hints\` (\`tenant_id\`, \`session_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`contact_memories\` (\`id\` text not null, \`tenant_id\` text not null, \`contact_id\` text not null, \`notes\` json not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`contact_memories_tenant_id_contact_id_unique\` on \`contact_memories\` (\`tenant_id\`, \`contact_id\`);`,
    );

    this.addSql(
      `create table \`conversation_turns\` (\`id\` text not null, \`tenant_id\` text not null, \`session_id\` text not null, \`speaker\` text check (\`speaker\` in ('LEAD', 'AGENT')) not null, \`text\` text not null, \`at\` datetime not null, \`source\` text check (\`source\` in ('API', 'GHL')) not null, \`external_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`conversation_turns_tenant_id_session_id_at_index\` on \`conversation_turns\` (\`tenant_id\`, \`session_id\`, \`at\`);`,
    );
    this.addSql(
      `create unique index \`conversation_turns_tenant_id_external_id_unique\` on \`conversation_turns\` (\`tenant_id\`, \`external_id\`);`,
    );

    this.addSql(
      `create table \`ghl_location_routes\` (\`id\` text not null, \`tenant_id\` text not null, \`ghl_location_id\` text not null, \`location_id\` text not null, \`installed_at\` datetime not null, \`company_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`ghl_location_routes_tenant_id_location_id_index\` on \`ghl_location_routes\` (\`tenant_id\`, \`location_id\`);`,
    );
    this.addSql(
      `create index \`ghl_location_routes_ghl_location_id_installed_at_index\` on \`ghl_location_routes\` (\`ghl_location_id\`, \`installed_at\`);`,
    );
    this.addSql(
      `create unique index \`ghl_location_routes_tenant_id_ghl_location_id_unique\` on \`ghl_location_routes\` (\`tenant_id\`, \`ghl_location_id\`);`,
    );

    this.addSql(
      `create table \`ghl_webhook_deliveries\` (\`seq\` integer not null primary key autoincrement, \`webhook_id\` text not null, \`type\` text not null, \`tenant_id\` text null, \`ghl_location_id\` text null, \`location_id\` text null, \`order_key\` text not null, \`body\` text not null, \`signature_scheme\` text not null, \`status\` text check (\`status\` in ('PENDING', 'DONE', 'DEAD')) not null default 'PENDING', \`reason\` text check (\`reason\` in ('UNKNOWN_LOCATION', 'NO_MATCHING_AGENT', 'INVALID_PAYLOAD', 'PROCESSING_FAILED')) null, \`detail\` text null, \`error\` text null, \`attempts\` integer not null default 0, \`received_at\` datetime not null, \`available_at\` datetime not null, \`processed_at\` datetime null);`,
    );
    this.addSql(
      `create unique index \`ghl_webhook_deliveries_webhook_id_unique\` on \`ghl_webhook_deliveries\` (\`webhook_id\`);`,
    );
    this.addSql(
      `create index \`ghl_webhook_deliveries_tenant_id_status_received_at_index\` on \`ghl_webhook_deliveries\` (\`tenant_id\`, \`status\`, \`received_at\`);`,
    );
    this.addSql(
      `create index \`ghl_webhook_deliveries_order_key_status_seq_index\` on \`ghl_webhook_deliveries\` (\`order_key\`, \`status\`, \`seq\`);`,
    );
    this.addSql(
      `create index \`ghl_webhook_deliveries_status_available_at_seq_index\` on \`ghl_webhook_deliveries\` (\`status\`, \`available_at\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`location_views\` (\`location_id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`ghl_location_id\` text null, \`name\` text not null, \`event_at\` datetime not null, primary key (\`location_id\`));`,
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
      `create table \`qualifications\` (\`id\` text not null, \`tenant_id\` text not null, \`session_id\` text not null, \`slots\` json not null, \`score\` integer not null, \`missing\` json not null, \`next_question\` text null, \`stage\` text check (\`stage\` in ('INITIAL_CONTACT', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPERTY_SEARCH', 'SHOWING', 'NEGOTIATION', 'UNDER_CONTRACT', 'CLOSING', 'FOLLOW_UP')) not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`qualifications_tenant_id_session_id_unique\` on \`qualifications\` (\`tenant_id\`, \`session_id\`);`,
    );

    this.addSql(
      `create table \`session_views\` (\`session_id\` text not null, \`tenant_id\` text not null, \`agent_id\` text not null, \`location_id\` text null, \`contact_id\` text not null, \`stage\` text check (\`stage\` in ('INITIAL_CONTACT', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPERTY_SEARCH', 'SHOWING', 'NEGOTIATION', 'UNDER_CONTRACT', 'CLOSING', 'FOLLOW_UP')) not null, \`active\` integer not null, \`origin\` text check (\`origin\` in ('AGENTS', 'COACHING')) not null, \`event_at\` datetime not null, primary key (\`session_id\`));`,
    );
    this.addSql(
      `create index \`session_views_tenant_id_agent_id_index\` on \`session_views\` (\`tenant_id\`, \`agent_id\`);`,
    );
    this.addSql(
      `create index \`session_views_tenant_id_location_id_contact_id_active_index\` on \`session_views\` (\`tenant_id\`, \`location_id\`, \`contact_id\`, \`active\`);`,
    );
  }
}
