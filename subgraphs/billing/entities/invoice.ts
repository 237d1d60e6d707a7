/**
 * An invoice for a closed period. Lines are rounded once each (half up, from micros where a price is in
 * micros); `totalCents` = the sum of the charge lines; PARTNER_REVENUE_SHARE lines are the partners'
 * share paid out of the invoice (`partnerShareCents` = their sum), so `platformNetCents` = total − share.
 */
import { BigIntType, Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { InvoiceLineKind } from '../../../core/vocabulary';

@ObjectType({ description: 'One invoice line; amounts in integer cents.' })
export class InvoiceLine {
  @Field(() => InvoiceLineKind, { description: 'What the line charges or credits.' })
  kind!: InvoiceLineKind;

  @Field({ description: 'The line as printed on the invoice.' })
  description!: string;

  @Field(() => SafeIntResolver, { description: 'How many units (hints, seats, …) the line counts.' })
  quantity!: number;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'Unit price in micros, where priced per unit.',
  })
  unitPriceMicros!: number | null;

  @Field(() => SafeIntResolver, { description: 'Signed: credits are negative.' })
  amountCents!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The partner app of a PARTNER_REVENUE_SHARE line; null otherwise.',
  })
  partnerAppId!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The partner's share in basis points (100 = 1%) on a PARTNER_REVENUE_SHARE line; null otherwise.",
  })
  revenueShareBps!: number | null;
}

@ObjectType({ description: 'The invoice of a closed billing period.' })
@Entity({ tableName: 'invoices' })
@Unique({ properties: ['tenantId', 'organizationId', 'periodEnd'] })
@Index({ properties: ['tenantId', 'periodEnd'] })
export class Invoice extends TenantNode {
  @Field(() => ID, { description: 'The organization billed.' })
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field({ description: 'The plan at the close of the period.' })
  @Property({ type: 'string', length: 32 })
  planCode!: string;

  @Field(() => DateTimeResolver, { description: 'Start of the billed period (inclusive).' })
  @Property({ type: 'datetime' })
  periodStart!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the billed period (exclusive).' })
  @Property({ type: 'datetime' })
  periodEnd!: Date;

  @Field(() => [InvoiceLine], { description: 'The lines, in printing order.' })
  @Property({ type: 'json' })
  lines!: InvoiceLine[];

  @Field(() => SafeIntResolver, {
    description: 'What the customer pays: the sum of all lines but partner shares.',
  })
  @Property({ type: 'integer' })
  totalCents!: number;

  @Field(() => SafeIntResolver, { description: 'Sum of the PARTNER_REVENUE_SHARE lines.' })
  @Property({ type: 'integer' })
  partnerShareCents!: number;

  @Field(() => SafeIntResolver, { description: 'Ledger hints this invoice covers.' })
  @Property({ type: 'integer' })
  hints!: number;

  @Field(() => SafeIntResolver, { description: 'Model tokens (in + out) of the covered usage.' })
  @Property({ type: 'integer' })
  tokens!: number;

  @Field(() => SafeIntResolver, { description: 'Model cost of the covered usage, in micros.' })
  @Property({ type: new BigIntType('number') })
  costMicros!: number;

  @Field(() => DateTimeResolver, { description: 'When the invoice was issued (closePeriod).' })
  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Field(() => SafeIntResolver, {
    description: 'What the platform keeps: totalCents minus partnerShareCents.',
  })
  get platformNetCents(): number {
    return this.totalCents - this.partnerShareCents;
  }
}
