/** A plan of the catalogue (global, not tenant-owned). Money in integer cents, per-hint prices in micros. */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';

@ObjectType({
  description: 'A billing plan. Money in integer cents; per-hint prices in micros (1 cent = 10,000 micros).',
})
@Entity({ tableName: 'plans' })
export class Plan {
  @Field({ description: 'STARTER, PRO, ENTERPRISE.' })
  @PrimaryKey({ type: 'string', length: 32 })
  code!: string;

  @Field({ description: 'Display name.' })
  @Property({ type: 'string', length: 80 })
  name!: string;

  @Field(() => SafeIntResolver, { description: 'Fee per monthly billing period, in US cents.' })
  @Property({ type: 'integer' })
  monthlyFeeCents!: number;

  @Field(() => SafeIntResolver, { description: 'Hints included in the monthly fee.' })
  @Property({ type: 'integer' })
  includedHints!: number;

  @Field(() => SafeIntResolver, {
    description: 'Hard quota per period: coaching answers QUOTA_EXCEEDED beyond it.',
  })
  @Property({ type: 'integer' })
  hintLimit!: number;

  @Field(() => SafeIntResolver, { description: 'Price of each hint beyond the included ones, in micros.' })
  @Property({ type: 'integer' })
  overagePriceMicros!: number;

  @Field(() => SafeIntResolver, { description: 'Model tokens (in + out) included per period.' })
  @Property({ type: 'integer' })
  tokenAllowance!: number;

  @Field(() => Int, { description: 'Seats included in the monthly fee.' })
  @Property({ type: 'integer' })
  seats!: number;

  @Field(() => SafeIntResolver, {
    description: 'Price per period of each seat beyond the included ones, in US cents.',
  })
  @Property({ type: 'integer' })
  seatPriceCents!: number;

  @Property({ type: 'integer' })
  sortOrder!: number;
}
