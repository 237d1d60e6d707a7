/** GraphQL-only types of the billing subgraph (the entities are GraphQL types themselves). */
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { Plan } from '../entities/plan';
import { Subscription } from '../entities/subscription';

// owned by the tenants subgraph (billing adds `billing`); the owner's description
@ObjectType({ description: 'An organization of a tenant; the tenant itself is the root organization.' })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  id!: string;
}

@ObjectType({ description: "The current period's usage against the plan (from the usage ledger)." })
export class UsageSummary {
  @Field(() => SafeIntResolver, {
    description: 'Hints delivered in the current period, for the whole tenant.',
  })
  hintsUsed!: number;

  @Field(() => SafeIntResolver, { description: 'Hints included in the fee.' })
  included!: number;

  @Field(() => SafeIntResolver, { description: 'The hard quota of the period.' })
  limit!: number;

  @Field(() => SafeIntResolver, { description: 'Hints left before QUOTA_EXCEEDED.' })
  remaining!: number;

  @Field(() => DateTimeResolver, {
    description: 'When the current period ends and the hint count starts again.',
  })
  resetsAt!: Date;

  @Field(() => SafeIntResolver, { description: 'Model tokens (in + out) used in the current period.' })
  tokensUsed!: number;

  @Field(() => SafeIntResolver, { description: 'Model tokens (in + out) the plan includes per period.' })
  tokenAllowance!: number;

  @Field(() => SafeIntResolver, {
    description: 'Model cost of the current period so far, in micros (millionths of a US dollar).',
  })
  costMicros!: number;
}

@ObjectType({ description: "An organization's plan, subscription and usage." })
export class OrganizationBilling {
  @Field(() => Plan, { description: 'The plan the subscription is on now.' })
  plan!: Plan;

  @Field(() => Subscription, { description: 'The subscription and its current period.' })
  subscription!: Subscription;

  @Field(() => UsageSummary, { description: 'Usage of the current period against the plan.' })
  usage!: UsageSummary;
}

@ObjectType({ description: 'Proration of a plan change; integer cents, each amount rounded once (half up).' })
export class Proration {
  @Field(() => Int, { description: 'Days in the billing period (0 when the change fell in a trial).' })
  daysInPeriod!: number;

  @Field(() => Int, { description: 'Days from the start of the change day to the period end.' })
  daysRemaining!: number;

  @Field(() => SafeIntResolver, { description: 'Negative: unused days of the old plan.' })
  creditCents!: number;

  @Field(() => SafeIntResolver, { description: 'Remaining days of the new plan.' })
  chargeCents!: number;
}

@ObjectType({ description: 'The result of changePlan.' })
export class PlanChange {
  @Field(() => Subscription, { description: 'The subscription, now on the new plan.' })
  subscription!: Subscription;

  @Field({ description: 'The plan code before the change.' })
  previousPlanCode!: string;

  @Field(() => Proration, {
    description: 'The credit and charge added to the next invoice; all zero during a trial.',
  })
  proration!: Proration;
}

@InputType({ description: 'Which billing period to close.' })
export class ClosePeriodInput {
  @Field(() => ID, { description: 'The organization that holds the subscription.' })
  organizationId!: string;

  @Field(() => DateTimeResolver, { description: 'The end of the open period (exclusive).' })
  periodEnd!: Date;
}

@InputType({ description: 'The plan to move a subscription to.' })
export class ChangePlanInput {
  @Field(() => ID, { description: 'The organization that holds the subscription.' })
  organizationId!: string;

  @Field({ description: 'A plan code of the catalogue (see plans): STARTER, PRO or ENTERPRISE.' })
  planCode!: string;
}
