/**
 * A tenant's proof that it installed the GoHighLevel app on a GHL location: the route of that location's
 * webhooks.
 *
 * Registering a location with a `ghlLocationId` (tenants subgraph) routes nothing: any tenant may register
 * any id (ids are unique per tenant, and another tenant's id must not answer CONFLICT). A route exists once
 * the tenant proves, with the OAuth code GoHighLevel issues to whoever installs the app on that location,
 * that it installed the app there (`connectGhlLocation`). Webhooks for a GHL location go to the tenant with
 * the most recent proof; an UNINSTALL webhook removes every route of the location; changing a location's
 * GHL id removes the routes proved for the old id.
 *
 * Tenant-owned: row-level security applies. The webhook route, which must find the tenant before it has a
 * tenant scope, reads it through one narrow path (`ghl-routes.ts`: on PostgreSQL a SECURITY DEFINER
 * function that returns only the tenant and location ids of the newest route of one GHL location).
 */
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

export function ghlRouteId(tenantId: string, ghlLocationId: string): string {
  return `${tenantId}:${ghlLocationId}`;
}

@Entity({ tableName: 'ghl_location_routes' })
@Unique({ properties: ['tenantId', 'ghlLocationId'] })
@Index({ properties: ['ghlLocationId', 'installedAt'] })
@Index({ properties: ['tenantId', 'locationId'] })
export class GhlLocationRoute extends TenantEntity {
  /** `ghlRouteId(tenantId, ghlLocationId)`. */
  @PrimaryKey({ type: 'string', length: 110 })
  declare id: string;

  @Property({ type: 'string', length: 64 })
  ghlLocationId!: string;

  /** The tenant's platform location with that GHL id. */
  @Property({ type: 'string', length: 36 })
  locationId!: string;

  /** When the tenant proved the installation (the newest proof wins). */
  @Property({ type: 'datetime' })
  installedAt!: Date;

  /** The GHL company (agency) the installation proof named. */
  @Property({ type: 'string', length: 64, nullable: true })
  companyId: string | null = null;
}
