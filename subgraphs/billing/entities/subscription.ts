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

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field()
  @Property({ type: 'string', length: 32 })
  planCode!: string;

  /** The plan whose fee the current period's BASE_FEE line bills (the plan at period start). */
  @Property({ type: 'string', length: 32 })
  periodPlanCode!: string;

  @Field(() => SubscriptionStatus)
  @Enum({ type: 'string', items: () => SubscriptionStatus, length: 16 })
  status!: SubscriptionStatus;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  currentPeriodStart!: Date;

  @Field(() => DateTimeResolver, { description: 'Exclusive; the quota resets here.' })
  @Property({ type: 'datetime' })
  currentPeriodEnd!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  trialEndsAt!: Date | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
