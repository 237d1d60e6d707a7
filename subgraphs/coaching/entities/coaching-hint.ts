/**
 * A coaching hint shown to an agent: the model's text plus the accounting analytics and billing need.
 * `requestId` groups the hints of one coaching run. Federation entity (`@key(fields: "id")`).
 */
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { HintCategory, HintStatus, ObjectionType, ProactiveDetector } from '../../../core/vocabulary';

@ObjectType({ description: 'A coaching hint for the agent of a session.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'coaching_hints' })
@Index({ properties: ['tenantId', 'sessionId', 'createdAt'] })
@Index({ properties: ['tenantId', 'agentId', 'createdAt', 'id'] })
export class CoachingHint extends TenantNode {
  @Field(() => ID, { description: 'The session the hint was made for.' })
  @Property({ type: 'string', length: 64 })
  sessionId!: string;

  @Field(() => ID, { description: 'The agent of that session.' })
  @Property({ type: 'string', length: 36 })
  agentId!: string;

  /** The session's location when the hint was made (visibility of coaching history). */
  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Field(() => ID, { description: 'Groups the hints of one coaching run (CoachingRun.id).' })
  @Property({ type: 'string', length: 36 })
  requestId!: string;

  @Field(() => HintCategory, { description: 'What kind of help the hint gives.' })
  @Enum({ type: 'string', items: () => HintCategory, length: 32 })
  category!: HintCategory;

  @Field(() => ObjectionType, {
    nullable: true,
    description: 'The objection the hint answers (OBJECTION_HANDLING hints); null otherwise.',
  })
  @Enum({ type: 'string', items: () => ObjectionType, length: 32, nullable: true })
  objection!: ObjectionType | null;

  @Field({
    description: 'What to say or do: the hint shown to the agent (passed the Fair Housing guardrail).',
  })
  @Property({ type: 'text' })
  text!: string;

  @Field({ description: 'Why the coach suggests it, for the agent.' })
  @Property({ type: 'text' })
  rationale!: string;

  @Field({
    description:
      'What to do next, in one line: derived from the hint category, the conversation stage and what the qualification still lacks (never empty).',
  })
  @Property({ type: 'text', default: '' })
  nextBestAction!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the coach pushed this hint unasked: the detector and what it saw (e.g. "LEAD_QUIET: no reply for 6 min after your question"). Null for hints of a requested coaching run.',
  })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Field(() => ProactiveDetector, {
    nullable: true,
    description: 'The detector that pushed the hint unasked (see `reason`); null for requested hints.',
  })
  @Enum({ type: 'string', items: () => ProactiveDetector, length: 24, nullable: true })
  detector!: ProactiveDetector | null;

  @Field(() => Float, { description: '0–1.' })
  @Property({ type: 'double' })
  confidence!: number;

  @Field({ description: 'The model that produced the hint ("offline" for the rule coach).' })
  @Property({ type: 'string', length: 80 })
  model!: string;

  @Field({ description: 'Answered from the response cache.' })
  @Property({ type: 'boolean' })
  cached!: boolean;

  @Field({ description: 'The offline coach answered because the model failed or timed out.' })
  @Property({ type: 'boolean' })
  fallback!: boolean;

  @Field(() => Int, {
    description:
      'How long the whole coaching run that produced the hint took, in milliseconds (the same for each hint of the run); 0 until the run ends.',
  })
  @Property({ type: 'integer' })
  latencyMs!: number;

  @Field(() => Int, {
    description:
      "This hint's share of its run's model input tokens (the run total split across its hints); 0 until the run ends.",
  })
  @Property({ type: 'integer' })
  tokensIn!: number;

  @Field(() => Int, {
    description:
      "This hint's share of its run's model output tokens (the run total split across its hints); 0 until the run ends.",
  })
  @Property({ type: 'integer' })
  tokensOut!: number;

  @Field(() => Int, {
    description:
      "This hint's share of its run's model cost, in micros (millionths of a US dollar); 0 until the run ends.",
  })
  @Property({ type: 'integer' })
  costMicros!: number;

  @Field(() => HintStatus, { description: 'SHOWN until rated with rateHint; then ACCEPTED or DISMISSED.' })
  @Enum({ type: 'string', items: () => HintStatus, length: 16 })
  status!: HintStatus;

  @Field(() => String, { nullable: true, description: "The agent's comment from rateHint; null when none." })
  @Property({ type: 'text', nullable: true })
  feedbackComment!: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the hint was last rated; null until rated.',
  })
  @Property({ type: 'datetime', nullable: true })
  ratedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'When the hint was created.' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** The approach the hint was written in (coach/variants.ts); with `category` it is the hint's strategy. */
  @Property({ type: 'string', length: 16, nullable: true })
  variant!: string | null;

  /** The bandit context the variant was picked in: the agent's role and the stage at the time. */
  @Property({ type: 'string', length: 32, nullable: true })
  strategyRole!: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  strategyStage!: string | null;
}
