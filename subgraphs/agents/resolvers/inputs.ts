/**
 * GraphQL input types. Strings are validated and normalized by the service (so errors name the field);
 * enums are coerced by GraphQL.
 */
import { Field, ID, InputType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import {
  AgentRole,
  ConversationStage,
  Experience,
  SessionChannel,
  Specialization,
} from '../../../core/vocabulary';

@InputType({ description: 'Filters for the agents of one location.' })
export class LocationAgentFilter {
  @Field(() => AgentRole, { nullable: true })
  role?: AgentRole | null;

  @Field(() => Experience, { nullable: true })
  experience?: Experience | null;

  @Field(() => Specialization, { nullable: true })
  specialization?: Specialization | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name or email.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType({ description: 'Filters for the agents list.' })
export class AgentFilter extends LocationAgentFilter {
  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only the shared pool; false: only located agents.',
  })
  sharedPool?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The agent with this GoHighLevel user id.' })
  ghlUserId?: string | null;
}

@InputType()
export class CreateAgentInput {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true, description: 'Any common format; stored as E.164.' })
  phone?: string | null;

  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => Experience)
  experience!: Experience;

  @Field(() => [Specialization], { nullable: true })
  specializations?: Specialization[] | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Omit or null for the shared pool.' })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'GoHighLevel user id; unique in the tenant.' })
  ghlUserId?: string | null;
}

@InputType({
  description: 'Only the fields given change. locationId: null moves the agent to the shared pool.',
})
export class UpdateAgentInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'null or empty clears it.' })
  phone?: string | null;

  @Field(() => AgentRole, { nullable: true })
  role?: AgentRole | null;

  @Field(() => Experience, { nullable: true })
  experience?: Experience | null;

  @Field(() => [Specialization], { nullable: true })
  specializations?: Specialization[] | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'null or empty clears it.' })
  ghlUserId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class AgentSessionFilter {
  @Field(() => ID, { nullable: true })
  agentId?: string | null;

  @Field(() => String, { nullable: true })
  contactId?: string | null;

  @Field(() => ConversationStage, { nullable: true })
  stage?: ConversationStage | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class StartAgentSessionInput {
  @Field(() => ID)
  agentId!: string;

  @Field({ description: 'GoHighLevel contact id.' })
  contactId!: string;

  @Field(() => SessionChannel)
  channel!: SessionChannel;

  @Field(() => ConversationStage, { nullable: true, description: 'Default INITIAL_CONTACT.' })
  stage?: ConversationStage | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'At most 16 KB serialized.' })
  context?: Record<string, unknown> | null;
}

@InputType()
export class UpdateAgentSessionInput {
  @Field(() => ConversationStage, { nullable: true })
  stage?: ConversationStage | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Replaces the whole context.' })
  context?: Record<string, unknown> | null;
}
