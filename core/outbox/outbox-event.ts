/**
 * The transactional outbox: a producer writes the event row in the same transaction as its state
 * change (`enqueue`), and the relay publishes it right after commit (relay.ts). Any subgraph adds
 * `OutboxEvent` to its entities.
 *
 * Row-level security (PostgreSQL): the event's tenant is in `tenant` (not `tenant_id`), and
 * `migrateDatabase` puts the table under its own policy on that column (outbox-postgres.ts): a request
 * inserts and sees only its tenant's rows; the relay, which must read every tenant's unpublished rows,
 * claims them through SECURITY DEFINER functions that answer nothing inside a tenant scope.
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

  /** The event's tenant (RLS policy of its own, see the file comment). */
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
