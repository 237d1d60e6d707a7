/**
 * An agent profile: MikroORM entity and GraphQL federation entity on one class.
 * `locationId` null means the tenant's shared pool (visible to every location).
 * `ghlUserId` (the GoHighLevel user) is unique per tenant when set; many agents may have none.
 */
import { Entity, Enum, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, EmailAddressResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { AgentRole, Experience, Specialization } from '../../../core/vocabulary';
import { Location, locationRef, type LocationRef } from './location';

export const AGENTS_GHL_USER_UNIQUE = 'agents_tenant_id_ghl_user_id_unique';

@ObjectType({ description: 'A real-estate agent profile coached by the platform.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'agents' })
@Index({ properties: ['tenantId', 'name', 'id'] })
@Index({ properties: ['tenantId', 'locationId', 'name', 'id'] })
/** Named like migration 0002's index, so fresh and migrated databases end up with the same name. */
@Unique({ name: AGENTS_GHL_USER_UNIQUE, properties: ['tenantId', 'ghlUserId'] })
export class Agent extends TenantNode {
  /** Derived, never persisted. */
  [OptionalProps]?: 'sharedPool' | 'location';

  @Field(() => ID, {
    nullable: true,
    description: 'The location the agent belongs to; null for the shared pool.',
  })
  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Field({ description: 'Display name (at most 120 characters).' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => EmailAddressResolver, { description: 'Email address, lower-case.' })
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +15125550101.' })
  @Property({ type: 'string', length: 16, nullable: true })
  phone!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GoHighLevel user id (letters, digits, "_" or "-"; at most 64), unique in the tenant.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  ghlUserId!: string | null;

  @Field(() => AgentRole, { description: 'What the agent does in a transaction.' })
  @Enum({ type: 'string', items: () => AgentRole, length: 32 })
  role!: AgentRole;

  @Field(() => Experience, { description: 'How experienced the agent is; coaching adapts to it.' })
  @Enum({ type: 'string', items: () => Experience, length: 32 })
  experience!: Experience;

  @Field(() => [Specialization], { description: 'Market segments the agent specializes in; may be empty.' })
  @Property({ type: 'json' })
  specializations!: Specialization[];

  @Field(() => [String], {
    description: 'Free-form labels (trimmed, at most 20, each at most 40 characters).',
  })
  @Property({ type: 'json' })
  tags!: string[];

  @Field({
    description: 'False once the agent is deactivated: they keep their history but start no new sessions.',
  })
  @Property({ type: 'boolean' })
  active!: boolean;

  @Field(() => DateTimeResolver, { description: 'When the profile was created.' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When the profile last changed.' })
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Field({ description: 'True when the agent belongs to the tenant-wide shared pool (no location).' })
  get sharedPool(): boolean {
    return this.locationId === null;
  }

  /**
   * The federation key of the agent's location (the tenants subgraph resolves the rest). A plain field, no
   * type-graphql field resolver: per node that resolver's machinery (middlewares, parameter conversion)
   * cost more than the value (bench/agents-page.ts --cpu-prof).
   */
  @Field(() => Location, {
    nullable: true,
    description: 'The location the agent works at; null for an agent of the shared pool.',
  })
  get location(): LocationRef | null {
    return locationRef(this.locationId);
  }
}
