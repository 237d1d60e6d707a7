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
  @Field(() => InvoiceLineKind)
  kind!: InvoiceLineKind;

  @Field()
  description!: string;

  @Field(() => SafeIntResolver)
  quantity!: number;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'Unit price in micros, where priced per unit.',
  })
  unitPriceMicros!: number | null;

  @Field(() => SafeIntResolver, { description: 'Signed: credits are negative.' })
  amountCents!: number;

  @Field(() => ID, { nullable: true })
  partnerAppId!: string | null;

  @Field(() => Int, { nullable: true })
  revenueShareBps!: number | null;
}

@ObjectType({ description: 'The invoice of a closed billing period.' })
@Entity({ tableName: 'invoices' })
@Unique({ properties: ['tenantId', 'organizationId', 'periodEnd'] })
@Index({ properties: ['tenantId', 'periodEnd'] })
export class Invoice extends TenantNode {
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field()
  @Property({ type: 'string', length: 32 })
  planCode!: string;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  periodStart!: Date;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  periodEnd!: Date;

  @Field(() => [InvoiceLine])
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

  @Field(() => SafeIntResolver)
  @Property({ type: 'integer' })
  tokens!: number;

  @Field(() => SafeIntResolver, { description: 'Model cost of the covered usage, in micros.' })
  @Property({ type: new BigIntType('number') })
  costMicros!: number;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Field(() => SafeIntResolver)
  get platformNetCents(): number {
    return this.totalCents - this.partnerShareCents;
  }
}
