import { Migration } from '@mikro-orm/migrations';

export class Migration20261207061619_workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`follow_up_tasks\` (\`id\` text not null, \`tenant_id\` text not null, \`workflow_id\` text not null, \`trigger_key\` text not null, \`trigger\` text not null, \`title\` text not null, \`detail\` text not null, \`agent_id\` text null, \`session_id\` text null, \`location_id\` text null, \`status\` text not null default 'OPEN', \`created_at\` datetime not null, \`completed_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`follow_up_tasks_tenant_id_status_created_at_index\` on \`follow_up_tasks\` (\`tenant_id\`, \`status\`, \`created_at\`);`,
    );
    this.addSql(
      `create unique index \`follow_up_tasks_workflow_id_trigger_key_unique\` on \`follow_up_tasks\` (\`workflow_id\`, \`trigger_key\`);`,
    );

    this.addSql(
      `create table \`webhook_deliveries\` (\`id\` text not null, \`tenant_id\` text not null, \`workflow_id\` text not null, \`trigger_key\` text not null, \`trigger\` text not null, \`url\` text not null, \`body\` text not null, \`status\` text not null, \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`next_attempt_at\` datetime null, \`lease_until\` datetime null, \`redelivery_of\` text null, \`created_at\` datetime not null, \`completed_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`webhook_deliveries_tenant_id_created_at_index\` on \`webhook_deliveries\` (\`tenant_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`,
    );
    this.addSql(
      `create unique index \`webhook_deliveries_workflow_id_trigger_key_unique\` on \`webhook_deliveries\` (\`workflow_id\`, \`trigger_key\`);`,
    );

    this.addSql(
      `create table \`webhook_delivery_attempts\` (\`id\` text not null, \`tenant_id\` text not null, \`delivery_id\` text not null, \`attempt\` integer not null, \`at\` datetime not null, \`status_code\` integer null, \`error\` text null, \`duration_ms\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`webhook_delivery_attempts_delivery_id_attempt_unique\` on \`webhook_delivery_attempts\` (\`delivery_id\`, \`attempt\`);`,
    );

    this.addSql(
      `create table \`workflows\` (\`id\` text not null, \`tenant_id\` text not null, \`name\` text not null, \`trigger\` text not null, \`min_score\` integer null, \`stage\` text null, \`action\` text not null, \`url\` text null, \`secret\` text null, \`task_title\` text null, \`enabled\` integer not null default true, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`workflows_tenant_id_trigger_index\` on \`workflows\` (\`tenant_id\`, \`trigger\`);`,
    );
  }
}
