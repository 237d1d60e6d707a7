/**
 * An API key. Only the sha256 hash of the secret is stored (`keyHash`, never exposed in GraphQL);
 * the secret is shown exactly once, by `createApiKey`.
 */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../../core/db/tenant-filter';
import type { Scope } from '../../../core/vocabulary';

@ObjectType({ description: 'An API key (the secret itself is never readable).' })
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['tenantId', 'organizationId'] })
@TenantOwned()
export class ApiKey {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'The public part of the key, to recognize it (`cpk_<prefix>_…`).' })
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** sha256 hex of the secret. NOT a GraphQL field. */
  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  @Field(() => [String])
  @Property({ type: 'json' })
  scopes!: Scope[];

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  partnerAppId: string | null = null;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
