/** One message of a lead conversation. GHL turns carry the GHL message id (unique per tenant: dedupe). */
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { Speaker, TurnSource } from '../../../core/vocabulary';

export const MAX_TURN_TEXT = 4000;

@ObjectType({ description: 'One message of a lead conversation.' })
@Entity({ tableName: 'conversation_turns' })
@Index({ properties: ['tenantId', 'sessionId', 'at'] })
@Unique({ properties: ['tenantId', 'externalId'] })
export class ConversationTurn extends TenantNode {
  @Field(() => ID, { description: 'The session the turn belongs to.' })
  @Property({ type: 'string', length: 64 })
  sessionId!: string;

  @Field(() => Speaker, { description: 'Who said it.' })
  @Enum({ type: 'string', items: () => Speaker, length: 16 })
  speaker!: Speaker;

  @Field({ description: `At most ${MAX_TURN_TEXT} characters.` })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => DateTimeResolver, { description: 'When the turn was recorded.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => TurnSource, { description: 'Whether it came through the API or a GoHighLevel webhook.' })
  @Enum({ type: 'string', items: () => TurnSource, length: 8 })
  source!: TurnSource;

  @Field(() => String, { nullable: true, description: 'The GoHighLevel message id of a GHL turn.' })
  @Property({ type: 'string', length: 100, nullable: true })
  externalId!: string | null;
}
