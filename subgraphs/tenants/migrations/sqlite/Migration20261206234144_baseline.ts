import { Migration } from '@mikro-orm/migrations';

export class Migration20261206234144_baseline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`api_keys\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`name\` text not null, \`prefix\` text not null, \`key_hash\` text not null, \`scopes\` json not null, \`partner_app_id\` text null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`api_keys_key_hash_unique\` on \`api_keys\` (\`key_hash\`);`);
    this.addSql(
      `create index \`api_keys_tenant_id_organization_id_index\` on \`api_keys\` (\`tenant_id\`, \`organization_id\`);`,
    );

    this.addSql(
      `create table \`audit_entries\` (\`id\` text not null, \`tenant_id\` text not null, \`seq\` integer not null, \`actor\` text not null, \`action\` text not null, \`target_type\` text not null, \`target_id\` text not null, \`at\` datetime not null, \`change\` json not null, \`change_digest\` text not null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`audit_entries_tenant_id_seq_unique\` on \`audit_entries\` (\`tenant_id\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`audit_heads\` (\`tenant_id\` text not null, \`seq\` integer not null, \`hash\` text not null, primary key (\`tenant_id\`));`,
    );

    this.addSql(
      `create table \`locations\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`ghl_location_id\` text not null, \`name\` text not null, \`timezone\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`locations_tenant_id_organization_id_index\` on \`locations\` (\`tenant_id\`, \`organization_id\`);`,
    );
    this.addSql(
      `create unique index \`locations_tenant_id_ghl_location_id_unique\` on \`locations\` (\`tenant_id\`, \`ghl_location_id\`);`,
    );

    this.addSql(
      `create table \`members\` (\`id\` text not null, \`tenant_id\` text not null, \`organization_id\` text not null, \`user_id\` text not null, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('OWNER', 'ADMIN', 'MANAGER', 'AGENT')) not null, \`location_ids\` json not null, \`agent_id\` text null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`members_tenant_id_organization_id_index\` on \`members\` (\`tenant_id\`, \`organization_id\`);`,
    );
    this.addSql(
      `create unique index \`members_tenant_id_user_id_unique\` on \`members\` (\`tenant_id\`, \`user_id\`);`,
    );

    this.addSql(
      `create table \`organizations\` (\`id\` text not null, \`tenant_id\` text not null, \`parent_id\` text null, \`name\` text not null, \`vertical\` text not null default 'REAL_ESTATE', \`branding\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`organizations_tenant_id_parent_id_index\` on \`organizations\` (\`tenant_id\`, \`parent_id\`);`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`type\` text not null, \`tenant\` text not null, \`at\` datetime not null, \`version\` integer not null, \`payload\` json not null, \`published_at\` datetime null);`,
    );
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(
      `create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`partner_apps\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`revenue_share_bps\` integer not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`partner_apps_tenant_id_index\` on \`partner_apps\` (\`tenant_id\`);`);

    this.addSql(
      `create table \`revoked_subjects\` (\`id\` text not null, \`tenant_id\` text not null, \`subject\` text not null, \`revoked_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`revoked_subjects_tenant_id_subject_unique\` on \`revoked_subjects\` (\`tenant_id\`, \`subject\`);`,
    );
  }
}
