/** Read model of the tenant's marketplace partner apps (from `tenants.partner_app.upserted`). */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

@Entity({ tableName: 'partner_apps' })
export class PartnerApp extends TenantEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  declare id: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'integer' })
  revenueShareBps!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
