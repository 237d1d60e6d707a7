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
  @Query(() => AgentSession, { description: 'A visible session; NOT_FOUND otherwise.' })
  agentSession(@Arg('id', () => ID) id: string, @Ctx() ctx: AgentsContext): Promise<AgentSession> {
    return service.getSession(ctx, id);
  }

  @Query(() => AgentSessionConnection, { description: 'Visible sessions, newest first.' })
  agentSessions(
    @Args(() => AgentSessionsArgs) args: AgentSessionsArgs,
    @Ctx() ctx: AgentsContext,
  ): Promise<service.Connection<AgentSession>> {
    return service.listSessions(ctx, args);
  }

  @Mutation(() => AgentSession)
  startAgentSession(
    @Arg('input', () => StartAgentSessionInput) input: StartAgentSessionInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<AgentSession> {
    return service.startSession(ctx, input);
  }

  @Mutation(() => AgentSession)
  updateAgentSession(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgentSessionInput) input: UpdateAgentSessionInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<AgentSession> {
    return service.updateSession(ctx, id, input);
  }

  @Mutation(() => AgentSession, { description: 'Idempotent.' })
  endAgentSession(@Arg('id', () => ID) id: string, @Ctx() ctx: AgentsContext): Promise<AgentSession> {
    return service.endSession(ctx, id);
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'Null if the agent is no longer visible.' })
  agent(@Root() session: AgentSession, @Ctx() ctx: AgentsContext): Promise<Agent | null> {
    return service.agentLoader(ctx).load(session.agentId);
  }
}
