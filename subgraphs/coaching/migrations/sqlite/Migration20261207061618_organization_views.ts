import { Migration } from '@mikro-orm/migrations';

export class Migration20261207061618_organization_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`organization_views\` (\`organization_id\` text not null, \`tenant_id\` text not null, \`parent_id\` text null, \`vertical\` text not null, \`event_at\` datetime not null, primary key (\`organization_id\`));`,
    );
  }
}
