/**
 * The few SQL fragments that differ between SQLite and PostgreSQL: case-insensitive contains with
 * escaped LIKE wildcards, and "JSON array contains a string".
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform() instanceof PostgreSqlPlatform ? 'postgres' : 'sqlite';
}

/** `%term%` with `!`, `%` and `_` escaped by `!` (used with `escape '!'`). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * A raw condition key: any of `columns` contains `term`, case-insensitively.
 * SQLite's LIKE is case-insensitive (ASCII) by itself; PostgreSQL needs ILIKE.
 */
export function containsAny(dialect: Dialect, columns: readonly string[], term: string): string {
  const op = dialect === 'postgres' ? 'ilike' : 'like';
  const pattern = containsPattern(term);
  return raw<object, string>(
    (alias: string) => `(${columns.map((c) => `${alias}.${c} ${op} ? escape '!'`).join(' or ')})`,
    columns.map(() => pattern),
  );
}

/** A raw condition key: the JSON array in `column` contains the string `value`. */
export function jsonArrayContains(dialect: Dialect, column: string, value: string): string {
  if (dialect === 'postgres') {
    return raw<object, string>(
      (alias: string) => `${alias}.${column} @> ?::jsonb`,
      [JSON.stringify([value])],
    );
  }
  return raw<object, string>(
    (alias: string) => `exists (select 1 from json_each(${alias}.${column}) as je where je.value = ?)`,
    [value],
  );
}
