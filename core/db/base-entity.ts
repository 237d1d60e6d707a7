/**
 * The columns every tenant-owned row starts with, declared once: `id` (a uuid, the primary key) and
 * `tenantId`, under the tenant filter of tenant-filter.ts (on by default, no default parameter: a query
 * whose tenant was never set throws). An entity extends `TenantEntity`, or `TenantNode` when it is also
 * a GraphQL type that exposes `id: ID!`.
 *
 * The columns keep their place and type (`id`, then `tenant_id`, both varchar(36)): MikroORM puts a
 * base class's properties before the entity's own. An entity whose key is longer than a uuid (a composed
 * or external id) redeclares `id` with its length and stays a `TenantEntity`.
 */
import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantOwned } from './tenant-filter';

/** A uuid or another id of at most 36 characters (tenant, location, agent ids). */
export const ID_LENGTH = 36;

@TenantOwned()
export abstract class TenantEntity {
  @PrimaryKey({ type: 'string', length: ID_LENGTH })
  id!: string;

  @Property({ type: 'string', length: ID_LENGTH })
  tenantId!: string;
}

/** A `TenantEntity` that is also a GraphQL object type: `id: ID!` comes first among its fields. */
@ObjectType('TenantNode')
export abstract class TenantNode extends TenantEntity {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  declare id: string;
}
