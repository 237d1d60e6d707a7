/**
 * What coaching knows about the lead of a session: the merged slots, a 0–100 score, what is missing,
 * the next question to ask, and coaching's view of the conversation stage. One row per session.
 */
import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Slots } from '../coach/types';
import { TenantEntity } from '../../../core/db/base-entity';
import { ConversationStage, PropertyType } from '../../../core/vocabulary';

@ObjectType({ description: 'Facts the lead stated, normalized. Null = not stated yet.' })
export class QualificationSlots {
  @Field(() => Float, { nullable: true, description: "Buyer's maximum budget in whole dollars." })
  budget?: number;

  @Field(() => Float, { nullable: true, description: "Seller's expected sale price in whole dollars." })
  priceExpectation?: number;

  @Field(() => Float, { nullable: true, description: 'In how many months the lead wants to buy or sell.' })
  timelineMonths?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the buyer is pre-approved for a mortgage.' })
  preApproved?: boolean;

  @Field(() => Int, { nullable: true, description: 'Minimum bedrooms wanted.' })
  bedrooms?: number;

  @Field(() => PropertyType, { nullable: true, description: 'The kind of property the lead wants.' })
  propertyType?: PropertyType;

  @Field(() => [String], { nullable: true, description: 'Lowercase place names the lead wants.' })
  areas?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Why the lead is moving, as one code: RELOCATION, DOWNSIZING, UPSIZING, DIVORCE, ESTATE, FINANCIAL, RETIREMENT or INVESTMENT.',
  })
  motivation?: string;

  @Field(() => Float, { nullable: true, description: 'Commercial: floor area wanted, in square feet.' })
  squareFeet?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Commercial: intended use of the space: OFFICE, RETAIL, INDUSTRIAL, RESTAURANT, MEDICAL or FLEX.',
  })
  spaceUse?: string;

  @Field(() => Int, { nullable: true, description: 'Commercial: lease term wanted, in months.' })
  leaseTermMonths?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mortgage: amount the borrower wants to borrow, whole dollars.',
  })
  loanAmount?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Mortgage: the credit score the borrower stated (300–850).',
  })
  creditScore?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mortgage: down payment in whole dollars, when stated as an amount.',
  })
  downPayment?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mortgage: down payment as a percentage of the price, when stated so.',
  })
  downPaymentPercent?: number;

  @Field(() => Int, { nullable: true, description: 'Property management: rental units the owner has.' })
  units?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Property management: monthly rent per unit, whole dollars.',
  })
  monthlyRent?: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Luxury: the buyer pays cash or has proof of funds ready.',
  })
  proofOfFunds?: boolean;
}

@ObjectType({ description: "The lead's qualification in a session." })
@Entity({ tableName: 'qualifications' })
@Unique({ properties: ['tenantId', 'sessionId'] })
export class Qualification extends TenantEntity {
  @Field(() => ID, { description: 'The session.' })
  @Property({ type: 'string', length: 64 })
  sessionId!: string;

  @Field(() => QualificationSlots, { description: 'What the lead has stated so far.' })
  @Property({ type: 'json' })
  slots!: Slots;

  @Field(() => Int, { description: '0–100: weighted share of the role-relevant slots that are known.' })
  @Property({ type: 'integer' })
  score!: number;

  @Field(() => [String], {
    description:
      "Missing slots for the agent's role in the organization's vertical (QualificationSlots field names), most valuable first.",
  })
  @Property({ type: 'json' })
  missing!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The question the agent should ask next to fill the most valuable missing slot; null when none is missing.',
  })
  @Property({ type: 'text', nullable: true })
  nextQuestion!: string | null;

  @Field(() => ConversationStage, { description: "Coaching's view of the stage after the latest lead turn." })
  @Enum({ type: 'string', items: () => ConversationStage, length: 32 })
  stage!: ConversationStage;

  @Field(() => DateTimeResolver, { description: 'When the qualification last changed.' })
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
