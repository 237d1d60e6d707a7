/**
 * Loaded entities were written back on every flush: MikroORM 6.6 keeps a property declared
 * `@Property({ type: 'datetime' })` typed as the string 'datetime', and its change-set comparator knows no such
 * type, so it falls back to deep equality between the loaded value (a Date) and the entity's snapshot (on
 * SQLite the timestamp number, `processDateProperty`). They never compare equal, so every entity read and
 * then flushed in the same EntityManager got an UPDATE of each of its dates (a coaching turn issued ~7 such
 * statements, plus their change sets: bench/coaching-cpu.ts). MikroORM itself names the type 'Date' when it
 * is given as the `DateTimeType` class; this does the same for the string form, after discovery, so column
 * types and migrations stay exactly as they are and only the comparison (Date vs timestamp by value) changes.
 */
import { ReferenceKind, type MetadataStorage } from '@mikro-orm/core';

export function compareDateTimesAsDates(storage: MetadataStorage): void {
  for (const meta of Object.values(storage.getAll())) {
    for (const prop of meta.props) {
      if (prop.kind !== ReferenceKind.SCALAR || prop.customType) continue;
      if (typeof prop.type === 'string' && prop.type.toLowerCase() === 'datetime') prop.type = 'Date';
    }
  }
}
