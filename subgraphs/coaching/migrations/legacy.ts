/**
 * The names the coaching subgraph's old migrations recorded (run-time-generated from the entities, up to commit
 * 38d9684). A database that has all of them already has the first file's schema (core/db/dialect-migrations.ts).
 */
export const LEGACY_MIGRATIONS: readonly string[] = [
  'Migration0001CoachingInitial',
  'Migration0002CoachingGhlInbox',
];
