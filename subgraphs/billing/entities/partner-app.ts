/** Read model of the tenant's marketplace partner apps (from `tenants.partner_app.upserted`). */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'partner_apps' })
@TenantOwned()
export class PartnerApp {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'integer' })
  revenueShareBps!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
