/**
 * Coaching's view of a tenant's hint quota, fed by billing's `billing.subscription.changed` (consumers/
 * quota-view.ts): the limit and the period it applies to. No row = billing has published no limit for the
 * tenant: unmetered. What was spent is counted by coaching itself (service/quota.ts). `eventAt` is the
 * newest event applied, so a late, older event does not overwrite a newer limit.
 */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'quota_views' })
@TenantOwned()
export class QuotaView {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId!: string;

  /** Hints allowed per period. */
  @Property({ type: 'integer' })
  hintLimit!: number;

  @Property({ type: 'datetime' })
  periodStart!: Date;

  /** Exclusive. Periods are monthly: a view whose period ended rolls forward (core/quota currentPeriod). */
  @Property({ type: 'datetime' })
  periodEnd!: Date;

  @Property({ type: 'datetime' })
  eventAt!: Date;
}
