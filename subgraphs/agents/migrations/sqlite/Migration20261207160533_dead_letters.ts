import { Migration } from '@mikro-orm/migrations';

export class Migration20261207160533_dead_letters extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`dead_letter\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`type\` text not null, \`tenant_id\` text not null, \`event\` json not null, \`attempts\` integer not null, \`last_error\` text not null, \`dead_at\` datetime not null, \`redelivered_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`dead_letter_redelivered_at_dead_at_index\` on \`dead_letter\` (\`redelivered_at\`, \`dead_at\`);`,
    );
  }
}
