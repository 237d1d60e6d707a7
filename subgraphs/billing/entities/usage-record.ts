/**
 * The usage ledger: one row per `coaching.hint.delivered` event, unique on the event id. It is the
 * authority for quotas and invoices; `invoiceId` is set when a closed period's invoice covers the row.
 */
import { BigIntType, Entity, Index, Property } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

@Entity({ tableName: 'usage_records' })
@Index({ properties: ['tenantId', 'invoiceId', 'at'] })
export class UsageRecord extends TenantEntity {
  @Property({ type: 'string', length: 36, unique: true })
  eventId!: string;

  @Property({ type: 'string', length: 64 })
  hintId!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'integer' })
  hints!: number;

  @Property({ type: 'integer' })
  tokensIn!: number;

  @Property({ type: 'integer' })
  tokensOut!: number;

  @Property({ type: new BigIntType('number') })
  costMicros!: number;

  @Property({ type: 'string', length: 36, nullable: true })
  agentId!: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  apiKeyId!: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  partnerAppId!: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  invoiceId!: string | null;
}
