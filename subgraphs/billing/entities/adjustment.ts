/** A billing adjustment (proration credit or charge) that the period's invoice will carry as a line. */
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { AdjustmentKind } from './enums';
import { TenantEntity } from '../../../core/db/base-entity';

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
