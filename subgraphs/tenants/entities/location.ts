/** A location: one GoHighLevel sub-account (ghlLocationId), owned by an organization. */
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TenantNode } from '../../../core/db/base-entity';

/**
 * A GHL location id is unique within a tenant, not across tenants: another tenant's registration must not
 * answer CONFLICT (it would reveal that the id is in use), and it gives no claim on the location's
 * webhooks — those go to the tenant that proved the app installation (coaching's GHL routes).
 */
export const LOCATIONS_GHL_UNIQUE = 'locations_tenant_id_ghl_location_id_unique';

@ObjectType({ description: 'A GoHighLevel location (sub-account) of an organization.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'locations' })
@Index({ properties: ['tenantId', 'organizationId'] })
@Unique({ name: LOCATIONS_GHL_UNIQUE, properties: ['tenantId', 'ghlLocationId'] })
export class Location extends TenantNode {
  @Field(() => ID, { description: 'The organization that owns the location.' })
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field(() => String, { description: 'The GoHighLevel location id; unique within the tenant.' })
  @Property({ type: 'string', length: 64 })
  ghlLocationId!: string;

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/New_York.' })
  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Field(() => DateTimeResolver, { description: 'When the location was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
