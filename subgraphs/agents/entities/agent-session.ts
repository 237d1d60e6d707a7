/**
 * A coaching session of one agent with one GoHighLevel contact on one channel.
 * `locationId` is copied from the agent when the session starts and drives visibility.
 */
import { Entity, Enum, Index, OptionalProps, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { TenantNode } from '../../../core/db/base-entity';
import { ConversationStage, SessionChannel } from '../../../core/vocabulary';

export type SessionContext = Record<string, unknown>;

@ObjectType({ description: 'A coaching session: one agent, one contact, one channel.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'agent_sessions' })
@Index({ properties: ['tenantId', 'startedAt', 'id'] })
@Index({ properties: ['tenantId', 'agentId', 'startedAt'] })
@Index({ properties: ['tenantId', 'contactId'] })
export class AgentSession extends TenantNode {
  /** Derived, never persisted. */
  [OptionalProps]?: 'active' | 'ghlConversationId';

  @Field(() => ID, { description: 'The agent coached in this session.' })
  @Property({ type: 'string', length: 36 })
  agentId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The agent's location when the session started; null = shared pool.",
  })
  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Field({ description: 'GoHighLevel contact id.' })
  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Field(() => SessionChannel, { description: 'The channel the conversation runs on.' })
  @Enum({ type: 'string', items: () => SessionChannel, length: 16 })
  channel!: SessionChannel;

  @Field(() => ConversationStage, {
    description:
      "Where the conversation stands; set by startAgentSession/updateAgentSession, and moved by coaching when a lead's turn shows another stage (e.g. SHOWING) while the session is open.",
  })
  @Enum({ type: 'string', items: () => ConversationStage, length: 32 })
  stage!: ConversationStage;

  /** The GoHighLevel conversation the session was opened for (internal: carried by its events). */
  @Property({ type: 'string', length: 100, nullable: true })
  ghlConversationId: string | null = null;

  @Field(() => JSONObjectResolver, { description: 'Free-form session context (at most 16 KB serialized).' })
  @Property({ type: 'json' })
  context!: SessionContext;

  @Field(() => DateTimeResolver, { description: 'When the session was started.' })
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the session ended (endAgentSession or deactivateAgent); null while it is open.',
  })
  @Property({ type: 'datetime', nullable: true })
  endedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'When the session (stage, context or end) last changed.' })
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Field({ description: 'True until the session is ended.' })
  get active(): boolean {
    return this.endedAt === null || this.endedAt === undefined;
  }
}
