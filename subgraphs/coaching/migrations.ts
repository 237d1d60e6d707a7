/**
 * The coaching subgraph's migrations. 0001 creates the tables from the entity metadata of the code that
 * runs it (so on a fresh database it already has what later migrations add: they add only what is missing).
 *
 * 0002: the durable GoHighLevel webhook inbox, and GHL location routes owned by the tenant that proved the
 * app installation (tenant_id column, so `migrateDatabase` puts them under row-level security). Routes of
 * the old shape (first registration wins, no tenant_id) are dropped: they were never proved, and a tenant
 * connects its location again (`connectGhlLocation`). On PostgreSQL it also creates the two narrow paths
 * that work across tenants (see GHL_ROUTE_FOR and GHL_INBOX_POLICY).
 */
import type { MigrationObject } from '@mikro-orm/core';
import { initialSchemaMigration } from '../../core/db/migration';
import { quoteIdent } from '../../core/db/rls';
import { SchemaAwareMigration } from '../../core/db/schema-migration';
import { GHL_INBOX_TABLE } from './entities/ghl-webhook-delivery';

const ROUTES_TABLE = 'ghl_location_routes';

/**
 * `<schema>.ghl_route_for(ghl_location_id text)` → (tenant_id, location_id) of the newest route of one GHL
 * location: all the webhook receiver may learn before it knows the tenant. SECURITY DEFINER (runs as the
 * table owner, through the owner-only policy below); the runtime role itself sees only its tenant's routes.
 */
export const GHL_ROUTE_FOR = 'ghl_route_for';
/** `<schema>.ghl_route_uninstall(ghl_location_id text)` → routes removed: an UNINSTALL ends every tenant's route. */
export const GHL_ROUTE_UNINSTALL = 'ghl_route_uninstall';
/**
 * The inbox's second policy: rows of every tenant (and of none) are visible to a transaction that set
 * `app.ghl_inbox` — the receiver and the worker do, in their own transactions; GraphQL requests never do.
 */
export const GHL_INBOX_POLICY = 'ghl_inbox_worker';
export const GHL_INBOX_SETTING = 'app.ghl_inbox';

class GhlInboxAndInstalledRoutes extends SchemaAwareMigration {
  override async up(): Promise<void> {
    const create: string[] = [];
    if ((await this.hasTable(ROUTES_TABLE)) && !(await this.hasColumn(ROUTES_TABLE, 'tenant_id'))) {
      this.addSql(`drop table ${this.table(ROUTES_TABLE)}`);
      create.push(ROUTES_TABLE);
    } else if (!(await this.hasTable(ROUTES_TABLE))) create.push(ROUTES_TABLE);
    if (!(await this.hasTable(GHL_INBOX_TABLE))) create.push(GHL_INBOX_TABLE);
    if (create.length) for (const stmt of await this.createTablesSql(create)) this.addSql(stmt);
    if (this.isPostgres()) this.postgresPaths();
  }

  private postgresPaths(): void {
    const routes = this.table(ROUTES_TABLE);
    const inbox = this.table(GHL_INBOX_TABLE);
    const flag = `current_setting('${GHL_INBOX_SETTING}', true) = 'on'`;
    this.addSql(`drop policy if exists ${quoteIdent(GHL_INBOX_POLICY)} on ${inbox}`);
    this.addSql(
      `create policy ${quoteIdent(GHL_INBOX_POLICY)} on ${inbox} using (${flag}) with check (${flag})`,
    );
    // Lets a non-superuser owner through the FORCEd RLS inside the two functions (a superuser or
    // BYPASSRLS owner does not need it); it applies to the owner role only.
    this.addSql(`drop policy if exists ghl_route_owner on ${routes}`);
    this.addSql(`create policy ghl_route_owner on ${routes} to current_user using (true) with check (true)`);
    this.addSql(
      `create or replace function ${this.table(GHL_ROUTE_FOR)}(ghl_location_id text) ` +
        `returns table (tenant_id text, location_id text) ` +
        `language sql stable security definer set search_path = pg_catalog, pg_temp as $fn$ ` +
        `select r.tenant_id::text, r.location_id::text from ${routes} r where r.ghl_location_id = $1 ` +
        `order by r.installed_at desc, r.tenant_id limit 1 $fn$`,
    );
    this.addSql(
      `create or replace function ${this.table(GHL_ROUTE_UNINSTALL)}(ghl_location_id text) ` +
        `returns integer language sql volatile security definer set search_path = pg_catalog, pg_temp as $fn$ ` +
        `with gone as (delete from ${routes} r where r.ghl_location_id = $1 returning 1) ` +
        `select count(*)::integer from gone $fn$`,
    );
  }

  override async down(): Promise<void> {
    if (!this.isPostgres()) return;
    this.addSql(`drop function if exists ${this.table(GHL_ROUTE_UNINSTALL)}(text)`);
    this.addSql(`drop function if exists ${this.table(GHL_ROUTE_FOR)}(text)`);
    this.addSql(`drop policy if exists ghl_route_owner on ${this.table(ROUTES_TABLE)}`);
    this.addSql(`drop policy if exists ${quoteIdent(GHL_INBOX_POLICY)} on ${this.table(GHL_INBOX_TABLE)}`);
  }
}

export const coachingMigrations: MigrationObject[] = [
  initialSchemaMigration('Migration0001CoachingInitial'),
  { name: 'Migration0002CoachingGhlInbox', class: GhlInboxAndInstalledRoutes },
];
