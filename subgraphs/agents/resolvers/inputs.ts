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
  @Field(() => AgentRole, { nullable: true, description: 'Only agents with this role.' })
  role?: AgentRole | null;

  @Field(() => Experience, { nullable: true, description: 'Only agents with this experience level.' })
  experience?: Experience | null;

  @Field(() => Specialization, {
    nullable: true,
    description: 'Only agents whose specializations include this one.',
  })
  specialization?: Specialization | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name or email.' })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only active agents; false: only deactivated ones; omit for both.',
  })
  active?: boolean | null;
}

@InputType({ description: 'Filters for the agents list.' })
export class AgentFilter extends LocationAgentFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Only agents of this location; combined with sharedPool: true it is BAD_USER_INPUT.',
  })
  locationId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only the shared pool; false: only located agents.',
  })
  sharedPool?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The agent with this GoHighLevel user id.' })
  ghlUserId?: string | null;
}

@InputType({ description: 'A new agent profile.' })
export class CreateAgentInput {
  @Field({ description: 'Display name: trimmed, 1 to 120 characters, no control characters.' })
  name!: string;

  @Field({ description: 'Email address; trimmed and stored lower-case.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Any common format; stored as E.164.' })
  phone?: string | null;

  @Field(() => AgentRole, { description: 'What the agent does in a transaction.' })
  role!: AgentRole;

  @Field(() => Experience, { description: 'How experienced the agent is; coaching adapts to it.' })
  experience!: Experience;

  @Field(() => [Specialization], { nullable: true, description: 'Market segments; default none.' })
  specializations?: Specialization[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Free-form labels: at most 20, each trimmed and 1 to 40 characters; default none.',
  })
  tags?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The agent's location (one of your organization's); omit or null for the shared pool (OWNER/ADMIN with every location only).",
  })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'GoHighLevel user id; unique in the tenant.' })
  ghlUserId?: string | null;
}

@InputType({
  description: 'Only the fields given change. locationId: null moves the agent to the shared pool.',
})
export class UpdateAgentInput {
  @Field(() => String, {
    nullable: true,
    description: 'New display name (1 to 120 characters); null is refused.',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New email address; null is refused.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'null or empty clears it.' })
  phone?: string | null;

  @Field(() => AgentRole, { nullable: true, description: 'New role; null is refused.' })
  role?: AgentRole | null;

  @Field(() => Experience, { nullable: true, description: 'New experience level; null is refused.' })
  experience?: Experience | null;

  @Field(() => [Specialization], {
    nullable: true,
    description: 'Replaces the whole list ([] clears it); null is refused.',
  })
  specializations?: Specialization[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Replaces the whole list ([] clears it; at most 20, each 1 to 40 characters); null is refused.',
  })
  tags?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Moves the agent to this location; null moves it to the shared pool; omit to keep it.',
  })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'null or empty clears it.' })
  ghlUserId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Reactivates (true) or deactivates (false) the agent; null is refused. Unlike deactivateAgent, false leaves the agent's open sessions open.",
  })
  active?: boolean | null;
}

@InputType({ description: 'Filters for the agent sessions list; all given filters must match.' })
export class AgentSessionFilter {
  @Field(() => ID, { nullable: true, description: "Only this agent's sessions." })
  agentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only sessions with this GoHighLevel contact id.' })
  contactId?: string | null;

  @Field(() => ConversationStage, { nullable: true, description: 'Only sessions at this stage.' })
  stage?: ConversationStage | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only open sessions; false: only ended ones; omit for both.',
  })
  active?: boolean | null;
}

@InputType({ description: 'A new coaching session of one agent with one contact.' })
export class StartAgentSessionInput {
  @Field(() => ID, { description: 'The agent (a UUID); must be visible to you and active.' })
  agentId!: string;

  @Field({ description: 'GoHighLevel contact id: 1 to 64 letters, digits, "_" or "-".' })
  contactId!: string;

  @Field(() => SessionChannel, { description: 'The channel the conversation runs on.' })
  channel!: SessionChannel;

  @Field(() => ConversationStage, { nullable: true, description: 'Default INITIAL_CONTACT.' })
  stage?: ConversationStage | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'At most 16 KB serialized.' })
  context?: Record<string, unknown> | null;
}

@InputType({ description: 'Changes to an open session; omitted or null fields stay as they are.' })
export class UpdateAgentSessionInput {
  @Field(() => ConversationStage, { nullable: true, description: 'The stage the conversation has reached.' })
  stage?: ConversationStage | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Replaces the whole context.' })
  context?: Record<string, unknown> | null;
}
