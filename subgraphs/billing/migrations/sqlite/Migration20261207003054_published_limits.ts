import { Migration } from '@mikro-orm/migrations';

export class Migration20261207003054_published_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`published_limits\` (\`tenant_id\` text not null, \`digest\` text not null, \`event_id\` text not null, \`staged_at\` datetime not null, primary key (\`tenant_id\`));`,
    );
  }
}
