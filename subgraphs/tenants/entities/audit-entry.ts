/**
 * The audit log: append-only, hash-chained per tenant. `AuditHead` holds each tenant's latest seq and
 * hash — it is the row appends lock on (serializing them) and the anchor that makes a deleted tail visible.
 */
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../../core/db/tenant-filter';
import { TenantNode } from '../../../core/db/base-entity';

@ObjectType({ description: 'One entry of the tenant audit log.' })
@Entity({ tableName: 'audit_entries' })
@Unique({ properties: ['tenantId', 'seq'] })
export class AuditEntry extends TenantNode {
  @Field(() => Int, { description: 'Position in the tenant chain, starting at 1.' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => String, { description: 'Principal subject: user id, `apikey:<id>` or `system:<name>`.' })
  @Property({ type: 'string', length: 200 })
  actor!: string;

  @Field(() => String, { description: 'What happened, e.g. `organization.create`.' })
  @Property({ type: 'string', length: 80 })
  action!: string;

  @Field(() => String, {
    description: 'The kind of thing changed: Organization, Location, Member, ApiKey, …',
  })
  @Property({ type: 'string', length: 40 })
  targetType!: string;

  @Field(() => ID, { description: 'The id of the thing changed.' })
  @Property({ type: 'string', length: 64 })
  targetId!: string;

  @Field(() => DateTimeResolver, { description: 'When the change was made.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => JSONResolver, { description: 'The change that was made (never contains secrets).' })
  @Property({ type: 'json' })
  change!: Record<string, unknown>;

  @Field(() => String, { description: 'sha256 of the canonical JSON of `change`.' })
  @Property({ type: 'string', length: 64 })
  changeDigest!: string;

  @Field(() => String, { description: 'The hash of the previous entry (the chain link).' })
  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Field(() => String, {
    description: 'sha256 over this entry and prevHash; verifyAuditChain recomputes it.',
  })
  @Property({ type: 'string', length: 64 })
  hash!: string;
}

@Entity({ tableName: 'audit_heads' })
@TenantOwned()
export class AuditHead {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
