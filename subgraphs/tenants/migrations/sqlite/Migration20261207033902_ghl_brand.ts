import { Migration } from '@mikro-orm/migrations';

export class Migration20261207033902_ghl_brand extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`processed_event\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`tenant_id\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`processed_event_consumer_event_id_unique\` on \`processed_event\` (\`consumer\`, \`event_id\`);`,
    );

    this.addSql(`alter table \`organizations\` add column \`branding_updated_at\` datetime null;`);
  }
}
