/** GraphQL types of the analytics subgraph. */
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';

@ObjectType({ description: 'An agent (owned by the agents subgraph); analytics adds `performance`.' })
@Directive('@key(fields: "id")')
export class Agent {
  @Field(() => ID)
  id!: string;
}

@ObjectType({
  description: 'An organization (owned by the tenants subgraph); analytics adds `coachingSummary`.',
})
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'Coaching metrics over a range.' })
export abstract class AnalyticsMetrics {
  @Field(() => Int)
  hintsDelivered!: number;

  @Field(() => Float, { nullable: true, description: 'Median latency (HdrHistogram, 3 significant digits).' })
  latencyP50Ms!: number | null;

  @Field(() => Float, { nullable: true })
  latencyP95Ms!: number | null;

  @Field(() => SafeIntResolver)
  tokensIn!: number;

  @Field(() => SafeIntResolver)
  tokensOut!: number;

  @Field(() => SafeIntResolver, { description: 'Model cost in micros (1 cent = 10,000 micros).' })
  costMicros!: number;

  @Field(() => Float, { nullable: true, description: 'Share of hints answered from the cache.' })
  cacheHitRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Accepted / (accepted + dismissed), of hints delivered in the period.',
  })
  acceptanceRate!: number | null;

  @Field(() => Int)
  feedbackCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean latest qualification score (0..1) of sessions first qualified in the period.',
  })
  qualificationCompletion!: number | null;

  @Field(() => Int)
  qualifiedSessions!: number;

  @Field(() => Int, { description: 'Won opportunities whose contact had an accepted hint before the win.' })
  dealsWon!: number;
}

@ObjectType({ description: 'One period of the analytics time series.' })
export class AnalyticsPoint extends AnalyticsMetrics {
  @Field(() => DateTimeResolver)
  start!: Date;
}

@ObjectType({ description: "An agent's coaching numbers over a range." })
export class AgentPerformance extends AnalyticsMetrics {}

@ObjectType({ description: "An organization's coaching numbers over a range." })
export class CoachingSummary extends AnalyticsMetrics {
  @Field(() => DateTimeResolver)
  from!: Date;

  @Field(() => DateTimeResolver)
  to!: Date;

  @Field(() => Int)
  activeAgents!: number;

  @Field(() => SafeIntResolver, {
    description: 'Invoices issued for periods ending in the range (owners/admins).',
  })
  invoicedCents!: number;
}

@InputType()
export class AnalyticsFilter {
  @Field(() => DateTimeResolver)
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'Exclusive.' })
  to!: Date;

  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => ID, { nullable: true })
  agentId?: string | null;
}

@InputType()
export class AnalyticsSettingsInput {
  @Field(() => SafeIntResolver, { nullable: true })
  valuePerWonDealCents?: number | null;

  @Field(() => Int, { nullable: true })
  p95LatencyThresholdMs?: number | null;

  @Field(() => SafeIntResolver, { nullable: true })
  dailyCostThresholdMicros?: number | null;

  @Field(() => Float, { nullable: true })
  acceptanceDropThreshold?: number | null;

  @Field(() => Int, { nullable: true })
  minSamples?: number | null;
}
