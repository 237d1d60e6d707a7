/** GraphQL types of the analytics subgraph. */
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';

// owned by the agents subgraph (analytics adds `performance`); the owner's description
@ObjectType({ description: 'A real-estate agent profile coached by the platform.' })
@Directive('@key(fields: "id")')
export class Agent {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  id!: string;
}

@ObjectType({
  // owned by the tenants subgraph (analytics adds `coachingSummary`); the owner's description
  description: 'An organization of a tenant; the tenant itself is the root organization.',
})
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  id!: string;
}

@ObjectType({ description: 'Coaching metrics over a range.' })
export abstract class AnalyticsMetrics {
  @Field(() => Int, { description: 'Coaching hints delivered.' })
  hintsDelivered!: number;

  @Field(() => Float, { nullable: true, description: 'Median latency (HdrHistogram, 3 significant digits).' })
  latencyP50Ms!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '95th percentile of hint latency in milliseconds (HdrHistogram, 3 significant digits); null without hints.',
  })
  latencyP95Ms!: number | null;

  @Field(() => SafeIntResolver, { description: 'Model input tokens used.' })
  tokensIn!: number;

  @Field(() => SafeIntResolver, { description: 'Model output tokens used.' })
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

  @Field(() => Int, { description: 'Hints rated (accepted or dismissed) with rateHint.' })
  feedbackCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean latest qualification score (0..1) of sessions first qualified in the period.',
  })
  qualificationCompletion!: number | null;

  @Field(() => Int, { description: 'Sessions whose lead was first qualified in the range.' })
  qualifiedSessions!: number;

  @Field(() => Int, { description: 'Won opportunities whose contact had an accepted hint before the win.' })
  dealsWon!: number;
}

@ObjectType({ description: 'One period of the analytics time series.' })
export class AnalyticsPoint extends AnalyticsMetrics {
  @Field(() => DateTimeResolver, {
    description: 'Start of the period (UTC hour, UTC day, or Monday for weeks).',
  })
  start!: Date;
}

@ObjectType({ description: "An agent's coaching numbers over a range." })
export class AgentPerformance extends AnalyticsMetrics {}

@ObjectType({ description: "An organization's coaching numbers over a range." })
export class CoachingSummary extends AnalyticsMetrics {
  @Field(() => DateTimeResolver, { description: 'Start of the range (inclusive), as asked.' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (exclusive), as asked.' })
  to!: Date;

  @Field(() => Int, { description: 'Agents who were delivered at least one hint in the range.' })
  activeAgents!: number;

  @Field(() => SafeIntResolver, {
    description:
      'Total in US cents of the invoices whose period ends in (from, to]; 0 unless you are an OWNER or ADMIN.',
  })
  invoicedCents!: number;
}

@InputType({ description: 'What the analytics time series covers.' })
export class AnalyticsFilter {
  @Field(() => DateTimeResolver, { description: 'Start of the range (inclusive).' })
  from!: Date;

  @Field(() => DateTimeResolver, {
    description: 'End of the range (exclusive); at most 400 days after from.',
  })
  to!: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only this location (FORBIDDEN when you cannot see it); omit for every location you may see.',
  })
  locationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this agent; omit for all agents.' })
  agentId?: string | null;
}

@InputType({ description: 'Analytics settings to change; omitted or null fields keep their value.' })
export class AnalyticsSettingsInput {
  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'Value of a won deal for the ROI estimate, in US cents (0 or more).',
  })
  valuePerWonDealCents?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Raise P95_LATENCY when a location-hour p95 latency exceeds this many milliseconds (0 or more).',
  })
  p95LatencyThresholdMs?: number | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: "Raise DAILY_COST when a UTC day's model cost exceeds this, in micros (0 or more).",
  })
  dailyCostThresholdMicros?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Raise ACCEPTANCE_DROP when a day's acceptance rate is this far below the prior 7 days (0 to 1).",
  })
  acceptanceDropThreshold?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Hints (latency) or ratings (acceptance) needed before such an alert is considered (0 or more).',
  })
  minSamples?: number | null;
}
