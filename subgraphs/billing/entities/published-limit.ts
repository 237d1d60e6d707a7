/**
 * Billing's record of the last `billing.subscription.changed` it staged for a tenant: a digest of the
 * payload (and its version) and the event's id. Written in the transaction that stages the event
 * (service/subscriptions.ts), so a row exists exactly when that event is in the outbox.
 *
 * Why a table of its own: limits billing published before coaching had a consumer for them (or into a
 * bus that kept nothing, the in-process one) never reached coaching's quota view. Such subscriptions
 * have no row here, and on start billing republishes them (service/republish-limits.ts); a subscription
 * whose current payload differs from its digest (a plan's limit edited in place, a payload version bump)
 * is republished too. A restart with nothing to republish stages nothing.
 */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'published_limits' })
@TenantOwned()
export class PublishedLimit {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId!: string;

  /** sha256 (hex) of the payload version and payload of the event staged last. */
  @Property({ type: 'string', length: 64 })
  digest!: string;

  /** The id of that event. */
  @Property({ type: 'string', length: 36 })
  eventId!: string;

  @Property({ type: 'datetime' })
  stagedAt!: Date;
}
