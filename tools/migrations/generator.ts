/**
 * MikroORM's TypeScript migration generator, shaped for this platform's files:
 *  - the file and class are named by the caller (one name shared by both dialects' files of a version);
 *  - PostgreSQL files extend PostgresMigration and write `${s}` (the schema the migration runs in) where
 *    the generator wrote the scratch schema it diffed against, so no deployment's schema is hard-coded;
 *  - a PostgreSQL table created with a `tenant_id` column gets row-level security in the same file
 *    (ENABLE + FORCE + the tenant_isolation policy), and the outbox table its relay functions
 *    (core/outbox/outbox-postgres.ts): both become versioned SQL, not a step re-run on every start.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TSMigrationGenerator } from '@mikro-orm/migrations';
import { dialectOf } from '../../core/db/dialect-migrations';
import { rlsStatements } from '../../core/db/rls';
import { OUTBOX_TABLE, outboxPostgresStatements } from '../../core/outbox/outbox-postgres';

interface Diff {
  up: string[];
  down: string[];
}

const NOT_A_CHANGE = /^(create schema if not exists|drop schema|set names)\b/i;

export class VersionedMigrationGenerator extends TSMigrationGenerator {
  /** `name` is the complete class and file name (tools/migrations/create.ts picks it). */
  override async generate(diff: Diff, dir?: string, name?: string): Promise<[string, string]> {
    if (!dir || !name) throw new Error('the migration directory and name are required');
    const code = this.generateMigrationFile(name, diff);
    const fileName = `${name}.ts`;
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, fileName), code);
    return [code, fileName];
  }

  /** One `this.addSql(`…`)` line; escapes only what a template literal needs (`\``, `\\`, `${`). */
  override createStatement(sql: string, padLeft: number): string {
    if (!sql) return '\n';
    const escaped = sql.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${');
    return `${' '.repeat(padLeft)}this.addSql(\`${escaped}\`);\n`;
  }

  override generateMigrationFile(className: string, diff: Diff): string {
    const postgres = dialectOf(this.driver.getPlatform()) === 'postgresql';
    const scratch = String(this.driver.config.get('schema') ?? 'public');
    const up = diff.up.filter((sql) => !NOT_A_CHANGE.test(sql));
    const down = diff.down.filter((sql) => !NOT_A_CHANGE.test(sql));
    if (postgres) up.push(...securityFor(up, scratch));
    const body = (sqls: string[]): string => {
      const lines = sqls.map((sql) => this.createStatement(sql, 4)).join('');
      if (!postgres) return lines;
      // the generator's escaping leaves the scratch schema's quoted name as is: substitute it
      const quoted = `"${scratch}".`;
      return `    const s = this.schema;\n${lines.split(quoted).join('${s}.')}`;
    };
    const base = postgres
      ? `import { PostgresMigration } from '../../../../core/db/postgres-migration';\n\n`
      : `import { Migration } from '@mikro-orm/migrations';\n\n`;
    let ret = base + `export class ${className} extends ${postgres ? 'PostgresMigration' : 'Migration'} {\n`;
    ret += `  override async up(): Promise<void> {\n${body(up)}  }\n`;
    if (down.length) ret += `\n  override async down(): Promise<void> {\n${body(down)}  }\n`;
    return `${ret}}\n`;
  }
}

/** Row-level security for the tables this diff creates with a tenant column; the outbox's relay functions. */
function securityFor(up: readonly string[], schema: string): string[] {
  const out: string[] = [];
  const created = new RegExp(`^create table "${schema}"\\."([a-z0-9_]+)" \\((.*)\\);?$`, 's');
  for (const sql of up) {
    const m = created.exec(sql);
    if (!m) continue;
    const [, table, columns] = m as unknown as [string, string, string];
    if (table === OUTBOX_TABLE) out.push('', ...outboxPostgresStatements(schema));
    else if (/(^|, )"tenant_id" /.test(columns)) out.push('', ...rlsStatements(schema, table));
  }
  return out.map((sql) => (sql && !sql.endsWith(';') ? `${sql};` : sql));
}
