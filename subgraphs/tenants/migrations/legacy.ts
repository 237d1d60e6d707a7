/**
 * The names the tenants subgraph's old migrations recorded (run-time-generated from the entities, up to commit
 * 38d9684). A database that has all of them already has the first file's schema (core/db/dialect-migrations.ts).
 */
export const LEGACY_MIGRATIONS: readonly string[] = [
  'Migration0001TenantsInitial',
  'Migration0002TenantsResolveApiKey',
  'Migration0003TenantsGhlLocationPerTenant',
  'Migration0004TenantsRevokedSubjects',
];
