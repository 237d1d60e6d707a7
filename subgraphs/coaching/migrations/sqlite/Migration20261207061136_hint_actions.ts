import { Migration } from '@mikro-orm/migrations';

export class Migration20261207061136_hint_actions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`coaching_hints\` add column \`next_best_action\` text not null default '';`);
    this.addSql(`alter table \`coaching_hints\` add column \`reason\` text null;`);
    this.addSql(
      `alter table \`coaching_hints\` add column \`detector\` text check (\`detector\` in ('OBJECTION', 'BUYING_SIGNAL', 'LEAD_QUIET', 'AGENT_SLOW', 'SENTIMENT_DROP', 'COMPLIANCE_RISK')) null;`,
    );
  }
}
