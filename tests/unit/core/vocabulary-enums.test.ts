/**
 * One home for the public vocabulary: every enum of the public schema (schema/supergraph.graphql, kept in
 * step with the code by the schema-drift test) is declared in core/vocabulary.ts with the same values, and
 * registered for GraphQL in one place only (core/server/vocabulary-enums.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import * as vocabulary from '../../../core/vocabulary';

const ROOT = path.resolve(__dirname, '../../..');
const REGISTRY = 'core/server/vocabulary-enums.ts';

function publicEnums(): Map<string, string[]> {
  const sdl = fs.readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8');
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const out = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__') || type.name.includes('__')) continue;
    out.set(
      type.name,
      type.getValues().map((v) => v.name),
    );
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('public vocabulary', () => {
  it('declares every enum of the public schema in core/vocabulary, with the same values', () => {
    const enums = publicEnums();
    expect(enums.size).toBeGreaterThanOrEqual(20);
    const declared = vocabulary as unknown as Record<string, unknown>;
    for (const [name, values] of enums) {
      const decl = declared[name];
      expect([name, typeof decl]).toEqual([name, 'object']);
      expect([name, Object.values(decl as object).sort()]).toEqual([name, [...values].sort()]);
    }
  });

  it('registers enums for GraphQL in one file only', () => {
    const registering = ['core', 'subgraphs', 'gateway', 'bin']
      .flatMap(sourceFiles)
      .filter((f) => /registerEnumType\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(registering).toEqual([REGISTRY]);
  });
});
