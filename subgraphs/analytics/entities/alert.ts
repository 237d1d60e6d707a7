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
  @Field(() => AlertKind, { description: 'Which threshold was crossed.' })
  @Property({ type: 'string', length: 24 })
  kind!: AlertKind;

  @Field(() => ID, { nullable: true, description: 'The location, for per-location alerts.' })
  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  /** Uniqueness scope: the location id, or '' for tenant-wide alerts. */
  @Property({ type: 'string', length: 36 })
  scopeKey!: string;

  @Field(() => DateTimeResolver, { description: 'Start of the measured window (a UTC hour or day).' })
  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the measured window (exclusive).' })
  @Property({ type: 'datetime' })
  windowEnd!: Date;

  @Field(() => Float, {
    description: 'The measured value, in the unit of its kind: ms, micros, or rate points (0..1).',
  })
  @Property({ type: 'double' })
  value!: number;

  @Field(() => Float, { description: 'The threshold in force when the alert was raised, in the same unit.' })
  @Property({ type: 'double' })
  threshold!: number;

  @Field(() => DateTimeResolver, { description: 'When the alert was raised.' })
  @Property({ type: 'datetime' })
  raisedAt!: Date;
}
