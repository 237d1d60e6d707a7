/**
 * Operator seeding for coaching: GHL location routes the operator vouches for (the demo tenants'
 * locations, which no real GoHighLevel installation can prove). Tenants connect their own locations with
 * `connectGhlLocation`. Idempotent: an existing route keeps its installation time.
 */
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/db/request-scope';
import { GhlLocationRoute, ghlRouteId } from './entities';
import { saveInstalledRoute } from './webhooks/ghl-routes';

export interface GhlRouteSeed {
  tenantId: string;
  ghlLocationId: string;
  locationId: string;
}

export async function seedGhlRoutes(orm: Orm, routes: GhlRouteSeed[]): Promise<void> {
  for (const r of routes) {
    await withTenantScope(orm, r.tenantId, async (em) => {
      if (await em.findOne(GhlLocationRoute, { id: ghlRouteId(r.tenantId, r.ghlLocationId) })) return;
      await saveInstalledRoute(em, { ...r, companyId: null });
    });
  }
}
