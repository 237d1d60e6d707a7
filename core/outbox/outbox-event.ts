/**
 * The transactional outbox: a producer writes the event row in the same transaction as its state
 * change (`enqueue`), and the relay publishes it afterwards. Any subgraph adds `OutboxEvent` to its
 * entities.
 *
 * Row-level security: this table deliberately has NO `tenant_id` column (the tenant is stored in
 * `tenant`). `migrateDatabase` enables RLS only on tables with a `tenant_id` column, so the relay — which
 * must read every tenant's unpublished rows without a tenant scope — sees them all. The table holds only
 * what is published on the bus anyway; no API reads it, and writes still happen inside the producer's
 * tenant-scoped transaction.
 */
import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'seq'] })
export class OutboxEvent {
  /** Publication order. */
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  seq!: number;

  @Property({ type: 'string', length: 36, unique: true })
  eventId!: string;

  @Property({ type: 'string', length: 80 })
  type!: string;

  /** The event's tenant (not `tenant_id`, so RLS does not hide rows from the relay). */
  @Property({ type: 'string', length: 36 })
  tenant!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  payload!: unknown;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;
}
