import { Migration } from '@mikro-orm/migrations';

export class Migration20261207061110_contact_erasures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`contact_erasures\` (\`id\` text not null, \`tenant_id\` text not null, \`contact_id\` text not null, \`requested_by\` text not null, \`requested_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`contact_erasures_tenant_id_contact_id_index\` on \`contact_erasures\` (\`tenant_id\`, \`contact_id\`);`,
    );

    this.addSql(
      `create table \`contact_erasure_parts\` (\`id\` text not null, \`tenant_id\` text not null, \`request_id\` text not null, \`subgraph\` text not null, \`erased_at\` datetime null, \`erased\` json null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`contact_erasure_parts_tenant_id_request_id_subgraph_unique\` on \`contact_erasure_parts\` (\`tenant_id\`, \`request_id\`, \`subgraph\`);`,
    );
  }
}
