/** A raised threshold alert; raised at most once per kind, scope and window. */
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { AlertKind } from '../../../core/vocabulary';

@ObjectType({
  description: 'A threshold crossed: latency (ms), daily cost (micros) or acceptance drop (rate points).',
})
@Entity({ tableName: 'analytics_alerts' })
@Unique({ properties: ['tenantId', 'kind', 'scopeKey', 'windowStart'] })
@Index({ properties: ['tenantId', 'windowStart'] })
export class Alert extends TenantNode {
  @Field(() => AlertKind)
  @Property({ type: 'string', length: 24 })
  kind!: AlertKind;

  @Field(() => ID, { nullable: true, description: 'The location, for per-location alerts.' })
  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  /** Uniqueness scope: the location id, or '' for tenant-wide alerts. */
  @Property({ type: 'string', length: 36 })
  scopeKey!: string;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  windowEnd!: Date;

  @Field(() => Float)
  @Property({ type: 'double' })
  value!: number;

  @Field(() => Float)
  @Property({ type: 'double' })
  threshold!: number;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  raisedAt!: Date;
}
