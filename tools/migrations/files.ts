/**
 * The committed migration files of a subgraph: where they live, loading them, and the index that lists
 * them (subgraphs/<name>/migrations/index.ts, rewritten from the folders, never edited by hand).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationObject } from '@mikro-orm/core';
import { DIALECTS, type Dialect } from '../../core/db/dialect-migrations';

const ROOT = path.join(__dirname, '..', '..');
const FILE = /^(Migration\d{14}_[A-Za-z0-9_]+)\.ts$/;

export function migrationsDir(subgraph: string, dialect?: Dialect): string {
  const dir = path.join(ROOT, 'subgraphs', subgraph, 'migrations');
  return dialect ? path.join(dir, dialect) : dir;
}

/** File names (without `.ts`) of one dialect's migrations, oldest first. */
export function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => FILE.exec(f)?.[1])
    .filter((n): n is string => !!n)
    .sort();
}

export async function loadMigrationFiles(dir: string): Promise<MigrationObject[]> {
  const out: MigrationObject[] = [];
  for (const name of migrationNames(dir)) {
    const mod = (await import(path.join(dir, name))) as Record<string, MigrationObject['class']>;
    const cls = mod[name];
    if (!cls) throw new Error(`${dir}/${name}.ts does not export class ${name}`);
    out.push({ name, class: cls });
  }
  return out;
}

/** Rewrites subgraphs/<subgraph>/migrations/index.ts from the folders; returns its path. */
export async function writeMigrationsIndex(subgraph: string): Promise<string> {
  const dir = migrationsDir(subgraph);
  const hasLegacy = existsSync(path.join(dir, 'legacy.ts'));
  const imports: string[] = [`import { dialectMigrations } from '../../../core/db/dialect-migrations';`];
  if (hasLegacy) imports.push(`import { LEGACY_MIGRATIONS } from './legacy';`);
  const lists: Record<Dialect, string[]> = { sqlite: [], postgresql: [] };
  for (const dialect of DIALECTS) {
    for (const name of migrationNames(path.join(dir, dialect))) {
      const alias = `${dialect}${name.slice('Migration'.length)}`;
      imports.push(`import { ${name} as ${alias} } from './${dialect}/${name}';`);
      lists[dialect].push(`{ name: '${name}', class: ${alias} },`);
    }
  }
  const text = [
    '/**',
    ` * The ${subgraph} subgraph's migrations: the files of sqlite/ and postgresql/, oldest first.`,
    ` * Written by \`npm run migrations:create -- ${subgraph}\` (tools/migrations/create.ts): do not edit by hand.`,
    ' */',
    ...imports,
    '',
    `export const ${subgraph}Migrations = dialectMigrations({`,
    ...(hasLegacy ? ['  legacy: LEGACY_MIGRATIONS,'] : []),
    `  sqlite: [${lists.sqlite.join(' ')}],`,
    `  postgresql: [${lists.postgresql.join(' ')}],`,
    '});',
    '',
  ].join('\n');
  const file = path.join(dir, 'index.ts');
  await writeFile(file, text);
  const written = [file, ...DIALECTS.map((d) => path.join(dir, d))].filter((f) => existsSync(f));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prettier'), [
    '--write',
    '--log-level',
    'warn',
    ...written,
  ]);
  return file;
}
