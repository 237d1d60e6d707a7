/** A billing adjustment (proration credit or charge) that the period's invoice will carry as a line. */
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';
import { AdjustmentKind } from './enums';

@Entity({ tableName: 'billing_adjustments' })
@TenantOwned()
@Index({ properties: ['tenantId', 'invoiceId'] })
export class Adjustment {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Enum({ type: 'string', items: () => AdjustmentKind, length: 24 })
  kind!: AdjustmentKind;

  @Property({ type: 'string', length: 200 })
  description!: string;

  /** Signed: credits are negative. */
  @Property({ type: 'integer' })
  amountCents!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'string', length: 36, nullable: true })
  invoiceId!: string | null;
}
