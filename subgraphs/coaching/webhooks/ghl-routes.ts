/**
 * The GHL location routes (entities/ghl-location-route.ts): which tenant a GoHighLevel location's webhooks
 * belong to — the tenant with the newest installation proof — and the two writes that work across
 * tenants' rows.
 *
 * The receiver must find the tenant before it has a tenant scope. On PostgreSQL the runtime role sees only
 * the current tenant's routes (row-level security), so the lookup goes through ONE narrow path: the
 * SECURITY DEFINER function `ghl_route_for(ghl_location_id)`, which answers only the tenant and location
 * ids of that one GHL location's route — no listing, no other column, no write. The owner connection would
 * also do, but it would put a superuser-strength pool in the webhook path; the function keeps the runtime
 * role unprivileged and the cross-tenant read auditable in one SQL definition. UNINSTALL likewise calls
 * `ghl_route_uninstall`. On SQLite (one process, no RLS) the same queries run directly.
 */
import type { EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../../core/db/request-scope';
import { quoteIdent } from '../../../core/db/rls';
import { GhlLocationRoute, ghlRouteId } from '../entities';
import { GHL_ROUTE_FOR, GHL_ROUTE_UNINSTALL } from './ghl-database-names';
import type { Orm } from '../../../core/db/orm';

export interface GhlRouteTarget {
  tenantId: string;
  locationId: string;
}

function fn(orm: Orm, name: string): string {
  return `${quoteIdent(String(orm.config.get('schema') ?? 'public'))}.${quoteIdent(name)}`;
}

async function rows<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/** The tenant (and its location) a GHL location's webhooks go to, or null when no tenant proved the installation. */
export async function findRouteTarget(
  orm: Orm,
  em: EntityManager,
  ghlLocationId: string | null,
): Promise<GhlRouteTarget | null> {
  if (!ghlLocationId) return null;
  const found = isPostgres(orm)
    ? await rows<{ tenant_id: string; location_id: string }>(
        em,
        `select tenant_id, location_id from ${fn(orm, GHL_ROUTE_FOR)}(?)`,
        [ghlLocationId],
      )
    : await rows<{ tenant_id: string; location_id: string }>(
        em,
        `select tenant_id, location_id from ghl_location_routes where ghl_location_id = ? ` +
          `order by installed_at desc, tenant_id limit 1`,
        [ghlLocationId],
      );
  const row = found[0];
  return row ? { tenantId: row.tenant_id, locationId: row.location_id } : null;
}

/** Records the tenant's installation proof (inside the tenant's scope: RLS checks the tenant). */
export async function saveInstalledRoute(
  em: EntityManager,
  route: { tenantId: string; ghlLocationId: string; locationId: string; companyId: string | null },
  at = new Date(),
): Promise<GhlLocationRoute> {
  // one statement (insert … on conflict do update): two connects of one location in flight never collide
  return em.upsert(GhlLocationRoute, {
    id: ghlRouteId(route.tenantId, route.ghlLocationId),
    ...route,
    installedAt: at,
  });
}

/** An UNINSTALL: every tenant's route of the GHL location ends. Returns how many were removed. */
export async function removeRoutesOf(orm: Orm, em: EntityManager, ghlLocationId: string): Promise<number> {
  if (isPostgres(orm)) {
    const out = await rows<{ removed: number }>(em, `select ${fn(orm, GHL_ROUTE_UNINSTALL)}(?) as removed`, [
      ghlLocationId,
    ]);
    return Number(out[0]?.removed ?? 0);
  }
  return em.nativeDelete(GhlLocationRoute, { ghlLocationId }, { filters: false });
}
