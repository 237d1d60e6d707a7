import { Migration } from '@mikro-orm/migrations';

export class Migration20261207060937_contact_memory_tiers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`contact_facts\` (\`id\` text not null, \`tenant_id\` text not null, \`contact_id\` text not null, \`key\` text not null, \`value\` json not null, \`source_session_id\` text not null, \`stated_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`contact_facts_tenant_id_updated_at_index\` on \`contact_facts\` (\`tenant_id\`, \`updated_at\`);`,
    );
    this.addSql(
      `create unique index \`contact_facts_tenant_id_contact_id_key_unique\` on \`contact_facts\` (\`tenant_id\`, \`contact_id\`, \`key\`);`,
    );

    this.addSql(
      `create table \`contact_session_summaries\` (\`id\` text not null, \`tenant_id\` text not null, \`contact_id\` text not null, \`session_id\` text not null, \`agent_id\` text not null, \`text\` text not null, \`source\` text not null, \`model\` text null, \`ended_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`contact_session_summaries_tenant_id_contact_id_ended_at_index\` on \`contact_session_summaries\` (\`tenant_id\`, \`contact_id\`, \`ended_at\`);`,
    );
    this.addSql(
      `create unique index \`contact_session_summaries_tenant_id_session_id_unique\` on \`contact_session_summaries\` (\`tenant_id\`, \`session_id\`);`,
    );

    this.addSql(
      `create table \`memory_retention_settings\` (\`tenant_id\` text not null, \`days\` integer not null, \`updated_at\` datetime not null, primary key (\`tenant_id\`));`,
    );
  }
}
