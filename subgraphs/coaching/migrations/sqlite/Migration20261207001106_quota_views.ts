import { Migration } from '@mikro-orm/migrations';

export class Migration20261207001106_quota_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`quota_views\` (\`tenant_id\` text not null, \`hint_limit\` integer not null, \`period_start\` datetime not null, \`period_end\` datetime not null, \`event_at\` datetime not null, primary key (\`tenant_id\`));`,
    );
  }
}
