/** A marketplace partner app: API keys may belong to one, and it earns a revenue share. */
import { Entity, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantNode } from '../../../core/db/base-entity';

@ObjectType({ description: 'A marketplace partner application installed by the tenant.' })
@Entity({ tableName: 'partner_apps' })
export class PartnerApp extends TenantNode {
  @Property({ type: 'string', length: 36, index: true })
  declare tenantId: string;

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Int, { description: 'Partner revenue share in basis points (0..10000).' })
  @Property({ type: 'integer' })
  revenueShareBps!: number;

  @Field(() => DateTimeResolver, { description: 'When the app was registered.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
