import { Migration } from '@mikro-orm/migrations';

export class Migration20261206234147_baseline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`agents\` (\`id\` text not null, \`tenant_id\` text not null, \`location_id\` text null, \`name\` text not null, \`email\` text not null, \`phone\` text null, \`ghl_user_id\` text null, \`role\` text check (\`role\` in ('BUYER_AGENT', 'LISTING_AGENT', 'TRANSACTION_COORDINATOR')) not null, \`experience\` text check (\`experience\` in ('NOVICE', 'EXPERIENCED', 'EXPERT')) not null, \`specializations\` json not null, \`tags\` json not null, \`active\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`agents_tenant_id_location_id_name_id_index\` on \`agents\` (\`tenant_id\`, \`location_id\`, \`name\`, \`id\`);`,
    );
    this.addSql(
      `create index \`agents_tenant_id_name_id_index\` on \`agents\` (\`tenant_id\`, \`name\`, \`id\`);`,
    );
    this.addSql(
      `create unique index \`agents_tenant_id_ghl_user_id_unique\` on \`agents\` (\`tenant_id\`, \`ghl_user_id\`);`,
    );

    this.addSql(
      `create table \`agent_sessions\` (\`id\` text not null, \`tenant_id\` text not null, \`agent_id\` text not null, \`location_id\` text null, \`contact_id\` text not null, \`channel\` text check (\`channel\` in ('SMS', 'EMAIL', 'CALL', 'CHAT', 'SOCIAL')) not null, \`stage\` text check (\`stage\` in ('INITIAL_CONTACT', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPERTY_SEARCH', 'SHOWING', 'NEGOTIATION', 'UNDER_CONTRACT', 'CLOSING', 'FOLLOW_UP')) not null, \`context\` json not null, \`started_at\` datetime not null, \`ended_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`agent_sessions_tenant_id_contact_id_index\` on \`agent_sessions\` (\`tenant_id\`, \`contact_id\`);`,
    );
    this.addSql(
      `create index \`agent_sessions_tenant_id_agent_id_started_at_index\` on \`agent_sessions\` (\`tenant_id\`, \`agent_id\`, \`started_at\`);`,
    );
    this.addSql(
      `create index \`agent_sessions_tenant_id_started_at_id_index\` on \`agent_sessions\` (\`tenant_id\`, \`started_at\`, \`id\`);`,
    );

    this.addSql(
      `create table \`known_locations\` (\`tenant_id\` text not null, \`location_id\` text not null, \`organization_id\` text not null, \`event_at\` datetime not null, primary key (\`tenant_id\`, \`location_id\`));`,
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
  }
}
