/**
 * Every package our code imports is declared in package.json. A package that only arrives as another
 * package's dependency (as `@mikro-orm/knex` did, through @mikro-orm/postgresql) can change version
 * or disappear with that package's next release without anyone touching our package.json.
 * The imports are read with TypeScript's own pre-processor (import/export/require/dynamic import),
 * not a regex, so template strings and comments do not count.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['core', 'subgraphs', 'gateway', 'bin', 'bench', 'tests', 'tools', 'web'];
const ROOT_FILES = ['eslint.config.mjs', 'jest.config.js'];
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs'];

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
const builtins = new Set(builtinModules);

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'results' ? [] : sourceFiles(rel);
    return EXTENSIONS.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`; relative and builtins → null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtins.has(name) ? null : name;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

describe('declared imports', () => {
  const files = [...SOURCE_DIRS.flatMap(sourceFiles), ...ROOT_FILES];

  test('the scan sees our code and its package imports', () => {
    const packages = new Set(files.flatMap(importsOf).map(packageOf));
    expect(files.length).toBeGreaterThan(100);
    expect([...packages]).toEqual(expect.arrayContaining(['graphql', '@mikro-orm/core', '@mikro-orm/knex']));
  });

  test('package names are read the way Node resolves them', () => {
    expect(
      ['@apollo/subgraph/dist/x', 'graphql/language', 'node:fs', 'fs', './x', 'ws'].map(packageOf),
    ).toEqual(['@apollo/subgraph', 'graphql', null, null, null, 'ws']);
  });

  test('every imported package is declared in package.json', () => {
    const undeclared = files.flatMap((file) =>
      importsOf(file)
        .map(packageOf)
        .filter((name): name is string => name !== null && !declared.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });
});
