/** Thin resolvers for agent profiles. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AgentsContext } from '../runtime';
import { Agent } from '../entities/agent';
import { Location, locationRef, type LocationRef } from '../entities/location';
import * as service from '../service';
import { AgentsArgs } from './args';
import { AgentConnection } from './connections';
import { CreateAgentInput, UpdateAgentInput } from './inputs';

@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => Agent, { description: 'A visible agent; NOT_FOUND otherwise.' })
  agent(@Arg('id', () => ID) id: string, @Ctx() ctx: AgentsContext): Promise<Agent> {
    return service.getAgent(ctx, id);
  }

  @Query(() => AgentConnection, { description: 'Visible agents, ordered by name.' })
  agents(
    @Args(() => AgentsArgs) args: AgentsArgs,
    @Ctx() ctx: AgentsContext,
  ): Promise<service.Connection<Agent>> {
    return service.listAgents(ctx, args);
  }

  @Mutation(() => Agent)
  createAgent(
    @Arg('input', () => CreateAgentInput) input: CreateAgentInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<Agent> {
    return service.createAgent(ctx, input, ctx.runtime.locations);
  }

  @Mutation(() => Agent)
  updateAgent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgentInput) input: UpdateAgentInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<Agent> {
    return service.updateAgent(ctx, id, input, ctx.runtime.locations);
  }

  @Mutation(() => Agent, { description: 'Idempotent; also ends the agent’s open sessions.' })
  deactivateAgent(@Arg('id', () => ID) id: string, @Ctx() ctx: AgentsContext): Promise<Agent> {
    return service.deactivateAgent(ctx, id);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'Null for the shared pool.' })
  location(@Root() agent: Agent): LocationRef | null {
    return locationRef(agent.locationId);
  }
}
