/** A location: one GoHighLevel sub-account (ghlLocationId), owned by an organization. */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../../core/db/tenant-filter';

@ObjectType({ description: 'A GoHighLevel location (sub-account) of an organization.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'locations' })
@Index({ properties: ['tenantId', 'organizationId'] })
@TenantOwned()
export class Location {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field(() => String, { description: 'The GoHighLevel location id; unique across the platform.' })
  @Property({ type: 'string', length: 64, unique: true })
  ghlLocationId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/New_York.' })
  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
