/**
 * A GDPR erasure of one contact of the tenant (`eraseContact`): the request, and one part per subgraph that
 * holds data about contacts. A part is done when that subgraph answered `<subgraph>.contact.erased` for the
 * request; the erasure is complete when every part is done — derived from the parts, never stored: one row
 * per part, so the subgraphs' answers, consumed concurrently, never write the same row nor miss each other.
 */
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantEntity, TenantNode } from '../../../core/db/base-entity';

@ObjectType({ description: "One subgraph's share of a contact erasure." })
@Entity({ tableName: 'contact_erasure_parts' })
@Unique({ properties: ['tenantId', 'requestId', 'subgraph'] })
export class ContactErasurePart extends TenantEntity {
  @Property({ type: 'string', length: 36 })
  requestId!: string;

  @Field(() => String, {
    description: 'The subgraph: agents (sessions) or coaching (conversations, memory).',
  })
  @Property({ type: 'string', length: 20 })
  subgraph!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the subgraph finished erasing; null while it has not.',
  })
  @Property({ type: 'datetime', nullable: true })
  erasedAt: Date | null = null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'Rows removed or anonymized, by table (counts only); null until done.',
  })
  @Property({ type: 'json', nullable: true })
  erased: Record<string, number> | null = null;
}

@ObjectType({
  description: 'A request to erase everything the platform holds about one contact of the tenant.',
})
@Entity({ tableName: 'contact_erasures' })
@Index({ properties: ['tenantId', 'contactId'] })
export class ContactErasure extends TenantNode {
  @Field(() => ID, { description: 'The contact (GoHighLevel contact id) whose data is erased.' })
  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Field(() => String, { description: 'Who requested it: a user id or `apikey:<id>`.' })
  @Property({ type: 'string', length: 200 })
  requestedBy!: string;

  @Field(() => DateTimeResolver, { description: 'When the erasure was requested (durably: it will happen).' })
  @Property({ type: 'datetime' })
  requestedAt!: Date;
}
