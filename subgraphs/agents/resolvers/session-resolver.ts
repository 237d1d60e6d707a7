/** Thin resolvers for agent sessions. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AgentsContext } from '../runtime';
import { Agent } from '../entities/agent';
import { AgentSession } from '../entities/agent-session';
import * as service from '../service';
import { AgentSessionsArgs } from './args';
import { AgentSessionConnection } from './connections';
import { StartAgentSessionInput, UpdateAgentSessionInput } from './inputs';

@Resolver(() => AgentSession)
export class AgentSessionResolver {
  @Query(() => AgentSession, {
    description: `One coaching session by id. Needs scope agents:read. OWNER/ADMIN with every location see every session; a MANAGER sees the sessions of their locations and of the shared pool; an AGENT sees only their own. An id you cannot see, or that does not exist, is NOT_FOUND.`,
  })
  agentSession(
    @Arg('id', () => ID, { description: 'The session id (a UUID).' }) id: string,
    @Ctx() ctx: AgentsContext,
  ): Promise<AgentSession> {
    return service.getSession(ctx, id);
  }

  @Query(() => AgentSessionConnection, {
    description: `The sessions you may see, newest first (by start time), one page at a time. Needs scope agents:read. OWNER/ADMIN with every location see every session; a MANAGER sees the sessions of their locations and of the shared pool; an AGENT sees only their own.`,
  })
  agentSessions(
    @Args(() => AgentSessionsArgs) args: AgentSessionsArgs,
    @Ctx() ctx: AgentsContext,
  ): Promise<service.Connection<AgentSession>> {
    return service.listSessions(ctx, args);
  }

  @Mutation(() => AgentSession, {
    description: `Opens a coaching session for one agent with one GoHighLevel contact and returns it, open (active) at the agent's current location. The session is usable at once: addConversationTurn, requestCoaching and the coachingHints subscription accept its id as soon as this returns. Needs scope agents:read and agents:write or coaching:write (an AGENT may run their own sessions). NOT_FOUND when you cannot see the agent; BAD_USER_INPUT when the agent is inactive or a field is invalid.`,
  })
  startAgentSession(
    @Arg('input', () => StartAgentSessionInput, { description: 'The agent, contact and channel.' })
    input: StartAgentSessionInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<AgentSession> {
    return service.startSession(ctx, input);
  }

  @Mutation(() => AgentSession, {
    description: `Changes an open session's stage and/or context and returns it. Needs scope agents:read and agents:write or coaching:write (an AGENT may run their own sessions). NOT_FOUND when you cannot see the session; CONFLICT when it has ended.`,
  })
  updateAgentSession(
    @Arg('id', () => ID, { description: 'The session to change.' }) id: string,
    @Arg('input', () => UpdateAgentSessionInput, { description: 'The changes.' })
    input: UpdateAgentSessionInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<AgentSession> {
    return service.updateSession(ctx, id, input);
  }

  @Mutation(() => AgentSession, {
    description: `Ends a session (sets endedAt; active becomes false) and returns it. Idempotent: an ended session is returned unchanged. Needs scope agents:read and agents:write or coaching:write (an AGENT may run their own sessions). NOT_FOUND when you cannot see the session.`,
  })
  endAgentSession(
    @Arg('id', () => ID, { description: 'The session to end.' }) id: string,
    @Ctx() ctx: AgentsContext,
  ): Promise<AgentSession> {
    return service.endSession(ctx, id);
  }

  @FieldResolver(() => Agent, {
    nullable: true,
    description: 'The agent of the session; null if you can no longer see them.',
  })
  agent(@Root() session: AgentSession, @Ctx() ctx: AgentsContext): Promise<Agent | null> {
    return service.agentLoader(ctx).load(session.agentId);
  }
}
