import { PostgresMigration } from '../../../../core/db/postgres-migration';

export class Migration20261207061136_hint_actions extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `alter table ${s}."coaching_hints" add column "next_best_action" text not null default '', add column "reason" text null, add column "detector" text check ("detector" in ('OBJECTION', 'BUYING_SIGNAL', 'LEAD_QUIET', 'AGENT_SLOW', 'SENTIMENT_DROP', 'COMPLIANCE_RISK')) null;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `alter table ${s}."coaching_hints" drop column "next_best_action", drop column "reason", drop column "detector";`,
    );
  }
}
