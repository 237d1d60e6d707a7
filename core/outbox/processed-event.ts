/**
 * Consumer idempotency: one row per (consumer, event id), inserted in the same transaction as the
 * consumer's effects. A redelivered event finds its row and is skipped. Tenant-owned, so RLS applies.
 */
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../db/tenant-filter';

@Entity({ tableName: 'processed_event' })
@TenantOwned()
@Unique({ properties: ['consumer', 'eventId'] })
export class ProcessedEvent {
  @PrimaryKey({ type: 'string', length: 120 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  consumer!: string;

  @Property({ type: 'string', length: 36 })
  eventId!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'datetime' })
  processedAt: Date = new Date();
}
