/**
 * The GoHighLevel webhook inbox: every verified delivery is committed here BEFORE the route answers 202
 * (GHL does not retry a 2xx, so an accepted delivery that lived only in memory was lost by a crash). The
 * inbox worker processes PENDING rows exactly once — effects and the DONE mark commit in one transaction —
 * and resumes whatever is left after a restart. `webhookId` is the durable dedupe key.
 *
 * A delivery that cannot be processed is kept as DEAD with a `reason` (a dead letter): visible to its
 * tenant (`ghlWebhookDeliveries`) when the tenant is known, and to operators through a log line and the
 * `ghl_webhook_dead_letters_total` metric in every case.
 *
 * Row-level security: `tenant_id` is the tenant the GHL location was routed to at receipt (null for an
 * unknown location). Tenants see their own rows; the receiver and the worker, which work across tenants,
 * pass a second policy by setting `app.ghl_inbox` in their own transactions (ghl-inbox.ts).
 */
import { BigIntType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../../core/db/tenant-filter';
import { GhlDeadLetterReason, GhlDeliveryStatus } from '../../../core/vocabulary';

export const GHL_INBOX_TABLE = 'ghl_webhook_deliveries';

@ObjectType({
  description: 'A GoHighLevel webhook delivery accepted for this tenant, and what became of it.',
})
@Entity({ tableName: GHL_INBOX_TABLE })
@TenantOwned()
@Index({ properties: ['status', 'availableAt', 'seq'] })
@Index({ properties: ['orderKey', 'status', 'seq'] })
@Index({ properties: ['tenantId', 'status', 'receivedAt'] })
export class GhlWebhookDelivery {
  [OptionalProps]?: 'seq' | 'status' | 'attempts' | 'tenantId' | 'ghlLocationId' | 'locationId';

  /** Arrival order (processing order within an `orderKey`). */
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  seq!: number;

  @Field(() => String, { description: 'GoHighLevel `webhookId` (or sha256 of the body): the dedupe key.' })
  @Property({ type: 'string', length: 100, unique: true })
  webhookId!: string;

  @Field(() => String, {
    description: 'InboundMessage, OutboundMessage, OpportunityStatusUpdate, INSTALL, …',
  })
  @Property({ type: 'string', length: 64 })
  type!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  tenantId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The GoHighLevel location the delivery names; null when it names none.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  ghlLocationId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The platform location it was routed to.' })
  @Property({ type: 'string', length: 36, nullable: true })
  locationId: string | null = null;

  /** `<ghlLocationId>:<contactId>`: deliveries of one key are processed one at a time, in order. */
  @Property({ type: 'string', length: 140 })
  orderKey!: string;

  /** The raw body exactly as verified (UTF-8 JSON). */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 16 })
  signatureScheme!: string;

  @Field(() => GhlDeliveryStatus, {
    description:
      'PENDING, DONE or DEAD. A message never becomes a turn of an ended session: once coaching knows the agent’s session with the contact ended, the message is a new conversation (agents opens a new session, which gets the turn and its hints; the ended one gets neither), and a run whose session ends while it runs withdraws its hints (FAILED with error SESSION_ENDED on coachingHints).',
  })
  @Enum({ type: 'string', items: () => GhlDeliveryStatus, length: 16 })
  status: GhlDeliveryStatus = GhlDeliveryStatus.PENDING;

  @Field(() => GhlDeadLetterReason, { nullable: true, description: 'Why it is DEAD; null otherwise.' })
  @Enum({ type: 'string', items: () => GhlDeadLetterReason, length: 32, nullable: true })
  reason: GhlDeadLetterReason | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was dead-lettered, in words.' })
  @Property({ type: 'string', length: 300, nullable: true })
  detail: string | null = null;

  /** The last processing error (operators only: may hold internals). */
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Field(() => Int, { description: 'Failed processing attempts.' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => DateTimeResolver, { description: 'When the platform accepted the delivery (answered 202).' })
  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** Not before this time (retry back-off). */
  @Property({ type: 'datetime' })
  availableAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When it became DONE or DEAD; null while PENDING.',
  })
  @Property({ type: 'datetime', nullable: true })
  processedAt: Date | null = null;
}
