/**
 * Dead letters of the in-process bus (embedded mode): an event a consumer group's handler failed on every
 * attempt (core/events/retry-policy.ts). Before this table the relay marked such an event published and it
 * was gone; now the relay writes one row per (group, event) — the event, the group, the attempts, the last
 * error — before it marks the outbox row, in the producer's database like the outbox itself, so it survives
 * restarts. `redeliverDeadLetters` (redeliver.ts; CLI bin/dead-letters.ts, npm run dead-letters) puts the event
 * back in the outbox. The Redis bus keeps its dead letters in `<prefix>:dead-letter` with the same fields.
 *
 * The id is `<group>:<event id>`: a delivery given up again after a redelivery updates the same row.
 * Tenant-owned (the event's tenant), so row-level security applies on PostgreSQL.
 */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../db/tenant-filter';

@Entity({ tableName: 'dead_letter' })
@TenantOwned()
@Index({ properties: ['redeliveredAt', 'deadAt'] })
export class DeadLetter {
  /** `<group>:<event id>`, the id an operator sees in the error log. */
  @PrimaryKey({ type: 'string', length: 120 })
  id!: string;

  /** The consumer group whose handler gave up. */
  @Property({ type: 'string', length: 80 })
  consumer!: string;

  @Property({ type: 'string', length: 36 })
  eventId!: string;

  @Property({ type: 'string', length: 80 })
  type!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  /** The whole event envelope, as published. */
  @Property({ type: 'json' })
  event!: unknown;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'text' })
  lastError!: string;

  @Property({ type: 'datetime' })
  deadAt: Date = new Date();

  /** Set when the event was put back in the outbox; null while the dead letter waits for an operator. */
  @Property({ type: 'datetime', nullable: true })
  redeliveredAt: Date | null = null;
}
