import { Migration } from '@mikro-orm/migrations';

export class Migration20261206235355_session_ghl_conversation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`agent_sessions\` add column \`ghl_conversation_id\` text null;`);
  }
}
