import { Migration } from '@mikro-orm/migrations';

export class Migration20261207061607_coaching_bandit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`coaching_hints\` add column \`variant\` text null;`);
    this.addSql(`alter table \`coaching_hints\` add column \`strategy_role\` text null;`);
    this.addSql(`alter table \`coaching_hints\` add column \`strategy_stage\` text null;`);

    this.addSql(
      `create table \`coaching_strategy_arms\` (\`id\` text not null, \`tenant_id\` text not null, \`role\` text not null, \`stage\` text not null, \`category\` text not null, \`variant\` text not null, \`successes\` integer not null, \`failures\` integer not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`coaching_strategy_arms_arm_unique\` on \`coaching_strategy_arms\` (\`tenant_id\`, \`role\`, \`stage\`, \`category\`, \`variant\`);`,
    );

    this.addSql(
      `create table \`coaching_strategy_outcomes\` (\`id\` text not null, \`tenant_id\` text not null, \`hint_id\` text not null, \`signal\` text not null, \`value\` text not null, \`event_id\` text not null, \`role\` text not null, \`stage\` text not null, \`category\` text not null, \`variant\` text not null, \`agent_id\` text not null, \`location_id\` text null, \`at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`coaching_strategy_outcomes_strategy_index\` on \`coaching_strategy_outcomes\` (\`tenant_id\`, \`signal\`, \`category\`, \`variant\`);`,
    );
  }
}
