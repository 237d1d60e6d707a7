/**
 * A coaching hint shown to an agent: the model's text plus the accounting analytics and billing need.
 * `requestId` groups the hints of one coaching run. Federation entity (`@key(fields: "id")`).
 */
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { HintCategory, HintStatus, ObjectionType } from '../../../core/vocabulary';

@ObjectType({ description: 'A coaching hint for the agent of a session.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'coaching_hints' })
@Index({ properties: ['tenantId', 'sessionId', 'createdAt'] })
@Index({ properties: ['tenantId', 'agentId', 'createdAt', 'id'] })
export class CoachingHint extends TenantNode {
  @Field(() => ID)
  @Property({ type: 'string', length: 64 })
  sessionId!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  agentId!: string;

  /** The session's location when the hint was made (visibility of coaching history). */
  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Field(() => ID, { description: 'Groups the hints of one coaching run (CoachingRun.id).' })
  @Property({ type: 'string', length: 36 })
  requestId!: string;

  @Field(() => HintCategory)
  @Enum({ type: 'string', items: () => HintCategory, length: 32 })
  category!: HintCategory;

  @Field(() => ObjectionType, { nullable: true })
  @Enum({ type: 'string', items: () => ObjectionType, length: 32, nullable: true })
  objection!: ObjectionType | null;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field()
  @Property({ type: 'text' })
  rationale!: string;

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

  @Field(() => Int)
  @Property({ type: 'integer' })
  latencyMs!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  tokensIn!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  tokensOut!: number;

  @Field(() => Int, { description: 'Cost in millionths of a US dollar.' })
  @Property({ type: 'integer' })
  costMicros!: number;

  @Field(() => HintStatus)
  @Enum({ type: 'string', items: () => HintStatus, length: 16 })
  status!: HintStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  feedbackComment!: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  ratedAt!: Date | null;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
