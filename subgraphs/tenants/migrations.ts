/**
 * The tenants subgraph's migrations: the initial schema from entity metadata, then (PostgreSQL only)
 * the SECURITY DEFINER function the gateway's API-key resolution uses to find a key across tenants,
 * then `locations.ghl_location_id` unique per tenant instead of across the platform, then the deny state
 * of removed members' access tokens (`revoked_subjects`, revoked-subjects-migration.ts).
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { initialSchemaMigration } from '../../core/db/migration';
import { quoteIdent } from '../../core/db/rls';
import { SchemaAwareMigration } from '../../core/db/schema-migration';
import { LOCATIONS_GHL_UNIQUE } from './entities/location';
import { RevokedSubjectsTable } from './revoked-subjects-migration';

export const RESOLVE_API_KEY_FUNCTION = 'resolve_api_key';

/**
 * `<schema>.resolve_api_key(hash text)` → (api_key_id, tenant_id) of the live key with that hash.
 * The runtime role is under row-level security and cannot see another tenant's keys; this function runs
 * as the table owner. The extra SELECT policy lets a non-superuser owner read through the FORCEd RLS too
 * (a superuser or BYPASSRLS owner does not need it); it applies to the owner role only.
 */
class ResolveApiKeyFunction extends Migration {
  override async up(): Promise<void> {
    if (!(this.driver.getPlatform() instanceof PostgreSqlPlatform)) return;
    const schema = quoteIdent(String(this.config.get('schema') ?? 'public'));
    const table = `${schema}.${quoteIdent('api_keys')}`;
    this.addSql(`drop policy if exists api_key_resolver on ${table}`);
    this.addSql(`create policy api_key_resolver on ${table} for select to current_user using (true)`);
    this.addSql(
      `create or replace function ${schema}.${RESOLVE_API_KEY_FUNCTION}(hash text) ` +
        `returns table (api_key_id text, tenant_id text) ` +
        `language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ ` +
        `select k.id::text, k.tenant_id::text from ${table} k where k.key_hash = $1 and k.revoked_at is null ` +
        `$fn$`,
    );
  }

  override async down(): Promise<void> {
    if (!(this.driver.getPlatform() instanceof PostgreSqlPlatform)) return;
    const schema = quoteIdent(String(this.config.get('schema') ?? 'public'));
    this.addSql(`drop function if exists ${schema}.${RESOLVE_API_KEY_FUNCTION}(text)`);
    this.addSql(`drop policy if exists api_key_resolver on ${schema}.${quoteIdent('api_keys')}`);
  }
}

/** The platform-wide unique constraint 0001 created before GHL location ids became per tenant. */
const GLOBAL_GHL_UNIQUE = 'locations_ghl_location_id_unique';

/**
 * `locations.ghl_location_id`: unique per tenant. Another tenant registering the same GHL id answered
 * CONFLICT (an existence leak); it now succeeds, and routing webhooks no longer depends on who registered
 * first (coaching routes a GHL location to the tenant that proved the app installation).
 */
class GhlLocationIdPerTenant extends SchemaAwareMigration {
  override async up(): Promise<void> {
    const locations = this.table('locations');
    // PostgreSQL created it as a constraint, SQLite as a unique index
    if (this.isPostgres())
      this.addSql(`alter table ${locations} drop constraint if exists ${quoteIdent(GLOBAL_GHL_UNIQUE)}`);
    else this.addSql(`drop index if exists ${quoteIdent(GLOBAL_GHL_UNIQUE)}`);
    // a fresh database has it already (from 0001): `if not exists` makes this a no-op there
    this.addSql(
      `create unique index if not exists ${quoteIdent(LOCATIONS_GHL_UNIQUE)} ` +
        `on ${locations} ("tenant_id", "ghl_location_id")`,
    );
  }

  override async down(): Promise<void> {
    const locations = this.table('locations');
    if (this.isPostgres())
      this.addSql(`alter table ${locations} drop constraint if exists ${quoteIdent(LOCATIONS_GHL_UNIQUE)}`);
    this.addSql(`drop index if exists ${this.table(LOCATIONS_GHL_UNIQUE)}`);
    this.addSql(`create unique index ${quoteIdent(GLOBAL_GHL_UNIQUE)} on ${locations} ("ghl_location_id")`);
  }
}

export const tenantsMigrations: MigrationObject[] = [
  initialSchemaMigration('Migration0001TenantsInitial'),
  { name: 'Migration0002TenantsResolveApiKey', class: ResolveApiKeyFunction },
  { name: 'Migration0003TenantsGhlLocationPerTenant', class: GhlLocationIdPerTenant },
  { name: 'Migration0004TenantsRevokedSubjects', class: RevokedSubjectsTable },
];
