/**
 * Workflows' tables: a tenant's workflows (trigger → action), the webhook deliveries they queue (a durable
 * queue: a row is the job, picked up again after a restart) with one row per attempt (the delivery log),
 * and the follow-up tasks they create.
 */
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantEntity, TenantNode } from '../../../core/db/base-entity';
import { ConversationStage } from '../../../core/vocabulary';
import { DeliveryStatus, TaskStatus, WorkflowAction, WorkflowTrigger } from './enums';

@ObjectType({
  description: 'A tenant-defined automation: when its trigger fires, it sends a webhook or creates a task.',
})
@Entity({ tableName: 'workflows' })
@Index({ properties: ['tenantId', 'trigger'] })
export class Workflow extends TenantNode {
  @Field(() => String, { description: 'The name given by the tenant.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => WorkflowTrigger, { description: 'What fires it.' })
  @Property({ type: 'string', length: 32 })
  trigger!: WorkflowTrigger;

  @Field(() => Int, {
    nullable: true,
    description: 'QUALIFICATION_SCORE only: fires once per session when its score reaches this (0..100).',
  })
  @Property({ type: 'integer', nullable: true })
  minScore: number | null = null;

  @Field(() => ConversationStage, {
    nullable: true,
    description: 'STAGE_REACHED only: the stage that fires it, once per session (default UNDER_CONTRACT).',
  })
  @Property({ type: 'string', length: 32, nullable: true })
  stage: ConversationStage | null = null;

  @Field(() => WorkflowAction, { description: 'What it does when fired.' })
  @Property({ type: 'string', length: 16 })
  action!: WorkflowAction;

  @Field(() => String, { nullable: true, description: 'WEBHOOK only: where deliveries are POSTed.' })
  @Property({ type: 'string', length: 2000, nullable: true })
  url: string | null = null;

  /** WEBHOOK only: the HMAC-SHA256 signing secret (shown once, by createWorkflow). NOT a GraphQL field. */
  @Property({ type: 'string', length: 100, nullable: true })
  secret: string | null = null;

  @Field(() => String, { nullable: true, description: 'TASK only: the title of the tasks it creates.' })
  @Property({ type: 'string', length: 200, nullable: true })
  taskTitle: string | null = null;

  @Field(() => Boolean, {
    description: 'A disabled workflow fires nothing (deliveries already queued still go).',
  })
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Field(() => DateTimeResolver, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver, { description: 'When it was last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

@ObjectType({
  description: 'One webhook a workflow fired: its payload, attempts and final state (the delivery log).',
})
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['workflowId', 'triggerKey'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['tenantId', 'createdAt'] })
export class WebhookDelivery extends TenantNode {
  @Field(() => ID, { description: 'The workflow that fired it.' })
  @Property({ type: 'string', length: 36 })
  workflowId!: string;

  /** What fired it, once per workflow (`session:<id>`, `alert:<id>`, `hint:<id>`). */
  @Property({ type: 'string', length: 120 })
  triggerKey!: string;

  @Field(() => WorkflowTrigger, { description: 'The trigger that fired.' })
  @Property({ type: 'string', length: 32 })
  trigger!: WorkflowTrigger;

  @Field(() => String, { description: 'The URL it is sent to (the workflow URL when it fired).' })
  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Field(() => String, { description: 'The exact JSON body POSTed (what the signature covers).' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => DeliveryStatus, {
    description: 'PENDING (waiting or retrying), SENDING, SUCCEEDED or FAILED.',
  })
  @Property({ type: 'string', length: 16 })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Int, {
    nullable: true,
    description: "The last attempt's HTTP status; null when none answered.",
  })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: "The last attempt's error (timeout, refused, HTTP 500 …).",
  })
  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the next attempt is due; null once SUCCEEDED or FAILED.',
  })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  /** SENDING only: when a worker's claim lapses (a crashed worker's delivery is retried after it). */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil: Date | null = null;

  @Field(() => ID, {
    nullable: true,
    description: 'The delivery this one redelivers (redeliverWebhook); null for the original.',
  })
  @Property({ type: 'string', length: 36, nullable: true })
  redeliveryOf: string | null = null;

  @Field(() => DateTimeResolver, {
    description: 'When the workflow fired (or the redelivery was asked for).',
  })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it SUCCEEDED or FAILED.' })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;
}

@ObjectType({ description: 'One attempt to send a webhook delivery.' })
@Entity({ tableName: 'webhook_delivery_attempts' })
@Unique({ properties: ['deliveryId', 'attempt'] })
export class WebhookDeliveryAttempt extends TenantEntity {
  @Property({ type: 'string', length: 36 })
  deliveryId!: string;

  @Field(() => Int, { description: '1 for the first attempt.' })
  @Property({ type: 'integer' })
  attempt!: number;

  @Field(() => DateTimeResolver, { description: 'When it was sent.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status answered; null when none.' })
  @Property({ type: 'integer', nullable: true })
  statusCode: number | null = null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null on success.' })
  @Property({ type: 'string', length: 500, nullable: true })
  error: string | null = null;

  @Field(() => Int, { description: 'How long it took, ms.' })
  @Property({ type: 'integer' })
  durationMs!: number;
}

@ObjectType({ description: 'A follow-up task a workflow created for an agent.' })
@Entity({ tableName: 'follow_up_tasks' })
@Unique({ properties: ['workflowId', 'triggerKey'] })
@Index({ properties: ['tenantId', 'status', 'createdAt'] })
export class FollowUpTask extends TenantNode {
  @Field(() => ID, { description: 'The workflow that created it.' })
  @Property({ type: 'string', length: 36 })
  workflowId!: string;

  @Property({ type: 'string', length: 120 })
  triggerKey!: string;

  @Field(() => WorkflowTrigger, { description: 'The trigger that fired.' })
  @Property({ type: 'string', length: 32 })
  trigger!: WorkflowTrigger;

  @Field(() => String, { description: 'What to do.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { description: 'Why it was created (the trigger, in words).' })
  @Property({ type: 'string', length: 500 })
  detail!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The agent it is for; null for tenant-wide triggers (alerts).',
  })
  @Property({ type: 'string', length: 36, nullable: true })
  agentId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The coaching session concerned, if any.' })
  @Property({ type: 'string', length: 36, nullable: true })
  sessionId: string | null = null;

  @Field(() => ID, {
    nullable: true,
    description: 'The location concerned; null for the shared pool or tenant-wide.',
  })
  @Property({ type: 'string', length: 36, nullable: true })
  locationId: string | null = null;

  @Field(() => TaskStatus, { description: 'OPEN or DONE.' })
  @Property({ type: 'string', length: 8 })
  status: TaskStatus = TaskStatus.OPEN;

  @Field(() => DateTimeResolver, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was marked DONE.' })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;
}
