/** GraphQL-only types of the billing subgraph (the entities are GraphQL types themselves). */
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { Plan } from '../entities/plan';
import { Subscription } from '../entities/subscription';

@ObjectType({ description: 'An organization (owned by the tenants subgraph); billing adds `billing`.' })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "The current period's usage against the plan (from the usage ledger)." })
export class UsageSummary {
  @Field(() => SafeIntResolver)
  hintsUsed!: number;

  @Field(() => SafeIntResolver, { description: 'Hints included in the fee.' })
  included!: number;

  @Field(() => SafeIntResolver, { description: 'The hard quota of the period.' })
  limit!: number;

  @Field(() => SafeIntResolver, { description: 'Hints left before QUOTA_EXCEEDED.' })
  remaining!: number;

  @Field(() => DateTimeResolver)
  resetsAt!: Date;

  @Field(() => SafeIntResolver)
  tokensUsed!: number;

  @Field(() => SafeIntResolver)
  tokenAllowance!: number;

  @Field(() => SafeIntResolver)
  costMicros!: number;
}

@ObjectType({ description: "An organization's plan, subscription and usage." })
export class OrganizationBilling {
  @Field(() => Plan)
  plan!: Plan;

  @Field(() => Subscription)
  subscription!: Subscription;

  @Field(() => UsageSummary)
  usage!: UsageSummary;
}

@ObjectType({ description: 'Proration of a plan change; integer cents, each amount rounded once (half up).' })
export class Proration {
  @Field(() => Int)
  daysInPeriod!: number;

  @Field(() => Int, { description: 'Days from the start of the change day to the period end.' })
  daysRemaining!: number;

  @Field(() => SafeIntResolver, { description: 'Negative: unused days of the old plan.' })
  creditCents!: number;

  @Field(() => SafeIntResolver, { description: 'Remaining days of the new plan.' })
  chargeCents!: number;
}

@ObjectType()
export class PlanChange {
  @Field(() => Subscription)
  subscription!: Subscription;

  @Field()
  previousPlanCode!: string;

  @Field(() => Proration)
  proration!: Proration;
}

@InputType()
export class ClosePeriodInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => DateTimeResolver, { description: 'The end of the open period (exclusive).' })
  periodEnd!: Date;
}

@InputType()
export class ChangePlanInput {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  planCode!: string;
}
