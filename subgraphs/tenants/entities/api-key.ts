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
  @Field(() => ID, { description: 'The organization the key acts for (and its descendants).' })
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Field(() => String, { description: 'The name given at creation.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'The public part of the key, to recognize it (`cpk_<prefix>_…`).' })
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** sha256 hex of the secret. NOT a GraphQL field. */
  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  @Field(() => [String], { description: 'What the key may do, e.g. agents:read, coaching:write.' })
  @Property({ type: 'json' })
  scopes!: Scope[];

  @Field(() => ID, { nullable: true, description: 'The partner app the key belongs to; null when none.' })
  @Property({ type: 'string', length: 36, nullable: true })
  partnerAppId: string | null = null;

  @Field(() => DateTimeResolver, { description: 'When the key was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the key was revoked; null while it works.',
  })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the key was last used (to the minute); null if never.',
  })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
