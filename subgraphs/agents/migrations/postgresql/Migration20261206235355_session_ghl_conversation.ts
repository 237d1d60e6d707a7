import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261206235355_session_ghl_conversation extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(`alter table ${s}."agent_sessions" add column "ghl_conversation_id" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`alter table ${s}."agent_sessions" drop column "ghl_conversation_id";`);
  }
}
