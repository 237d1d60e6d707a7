/**
 * Read model of the tenants subgraph's organizations (`tenants.organization.upserted`): what coaching needs to
 * coach a session in its organization's vertical — the code as tenants stores it and the parent, so an
 * organization coaching has not heard of yet inherits from the nearest one it has (the root, at worst).
 */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'organization_views' })
@TenantOwned()
export class OrganizationView {
  @PrimaryKey({ type: 'string', length: 36 })
  organizationId!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  parentId!: string | null;

  /** The vertical code as tenants stores it (aliases included; core/verticals.ts reads it). */
  @Property({ type: 'string', length: 40 })
  vertical!: string;

  @Property({ type: 'datetime' })
  eventAt!: Date;
}
