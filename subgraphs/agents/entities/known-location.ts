/**
 * The agents subgraph's read model of the tenants subgraph's locations, fed by
 * `tenants.location.upserted`: which location ids exist in which tenant. An agent may only be put at a
 * location its own tenant has. Keyed by (tenant, location), so a row says "this tenant has this
 * location" and nothing about any other tenant.
 */
import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'known_locations' })
@TenantOwned()
export class KnownLocation {
  [PrimaryKeyProp]?: ['tenantId', 'locationId'];

  @PrimaryKey({ type: 'string', length: 36 })
  tenantId!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  locationId!: string;

  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  /** Time of the newest event applied: an older, late event does not overwrite it. */
  @Property({ type: 'datetime' })
  eventAt!: Date;
}
