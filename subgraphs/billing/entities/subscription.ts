/** The billing subscription of a tenant, owned by one organization (normally the root). */
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { SubscriptionStatus } from '../../../core/vocabulary';

@ObjectType('BillingSubscription', {
  description: "An organization's subscription: plan, status and current billing period.",
})
@Entity({ tableName: 'subscriptions' })
export class Subscription extends TenantNode {
  /** One subscription per tenant: usage and quota are per tenant. */
  @Property({ type: 'string', length: 36, unique: true })
  declare tenantId: string;

  @Field(() => ID, { description: 'The organization that holds the subscription.' })
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field({ description: 'The code of the current plan (changePlan changes it at once).' })
  @Property({ type: 'string', length: 32 })
  planCode!: string;

  /** The plan whose fee the current period's BASE_FEE line bills (the plan at period start). */
  @Property({ type: 'string', length: 32 })
  periodPlanCode!: string;

  @Field(() => SubscriptionStatus, { description: 'Where the subscription stands.' })
  @Enum({ type: 'string', items: () => SubscriptionStatus, length: 16 })
  status!: SubscriptionStatus;

  @Field(() => DateTimeResolver, { description: 'Start of the open billing period (inclusive).' })
  @Property({ type: 'datetime' })
  currentPeriodStart!: Date;

  @Field(() => DateTimeResolver, { description: 'Exclusive; the quota resets here.' })
  @Property({ type: 'datetime' })
  currentPeriodEnd!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the trial ends; null without a trial. Plan changes before it are not prorated.',
  })
  @Property({ type: 'datetime', nullable: true })
  trialEndsAt!: Date | null;

  @Field(() => Int, {
    description: "Seats billed; those beyond the plan's included seats are charged per seat.",
  })
  @Property({ type: 'integer' })
  seats!: number;

  @Field(() => DateTimeResolver, { description: 'When the subscription was created.' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When the subscription last changed.' })
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
