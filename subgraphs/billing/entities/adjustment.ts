/** A billing adjustment (proration credit or charge) that the period's invoice will carry as a line. */
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

/** Why an adjustment was made (billing-internal: not in the public API). */
export enum AdjustmentKind {
  PRORATION_CREDIT = 'PRORATION_CREDIT',
  PRORATION_CHARGE = 'PRORATION_CHARGE',
}

@Entity({ tableName: 'billing_adjustments' })
@Index({ properties: ['tenantId', 'invoiceId'] })
export class Adjustment extends TenantEntity {
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
