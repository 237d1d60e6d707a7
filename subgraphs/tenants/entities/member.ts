/** A member: a user's role in an organization, with the locations they work and (AGENT) their agent profile. */
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver, EmailAddressResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantNode } from '../../../core/db/base-entity';
import { MemberRole } from '../../../core/vocabulary';

@ObjectType({ description: 'A user who belongs to an organization with a role.' })
@Entity({ tableName: 'members' })
@Unique({ properties: ['tenantId', 'userId'] })
@Index({ properties: ['tenantId', 'organizationId'] })
export class Member extends TenantNode {
  @Field(() => ID, { description: 'The organization the member belongs to.' })
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field(() => String, { description: 'The identity provider user id (JWT `sub`).' })
  @Property({ type: 'string', length: 200 })
  userId!: string;

  @Field(() => EmailAddressResolver, { description: 'Email address, lower-case.' })
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => MemberRole, { description: 'What the member may do.' })
  @Enum({ items: () => MemberRole, type: 'string' })
  role!: MemberRole;

  @Field(() => [ID], { description: 'Locations the member works (MANAGER and AGENT scope).' })
  @Property({ type: 'json' })
  locationIds: string[] = [];

  @Field(() => ID, { nullable: true, description: 'The agent profile this member is (AGENT members).' })
  @Property({ type: 'string', length: 64, nullable: true })
  agentId: string | null = null;

  @Field(() => DateTimeResolver, { description: 'When the member was added.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
