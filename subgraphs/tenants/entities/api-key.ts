/**
 * An API key. Only the sha256 hash of the secret is stored (`keyHash`, never exposed in GraphQL);
 * the secret is shown exactly once, by `createApiKey`.
 */
import { Entity, Index, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Scope } from '../../../core/vocabulary';
import { TenantNode } from '../../../core/db/base-entity';

@ObjectType({ description: 'An API key (the secret itself is never readable).' })
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['tenantId', 'organizationId'] })
export class ApiKey extends TenantNode {
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
