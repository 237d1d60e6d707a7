/** Thin resolvers for agent profiles. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { selectedFields, selectsField } from '../../../core/server/selected-fields';
import type { AgentsContext } from '../runtime';
import { Agent } from '../entities/agent';
import * as service from '../service';
import { AgentsArgs } from './args';
import { AgentConnection } from './connections';
import { CreateAgentInput, UpdateAgentInput } from './inputs';

@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => Agent, {
    description: `One agent profile by id. Needs scope agents:read. OWNER/ADMIN with every location see all agents; a MANAGER sees the agents of their locations and the shared pool; an AGENT sees only their own profile. An id you cannot see, or that does not exist, is NOT_FOUND; a malformed id is BAD_USER_INPUT.`,
  })
  agent(
    @Arg('id', () => ID, { description: 'The agent id (a UUID).' }) id: string,
    @Ctx() ctx: AgentsContext,
  ): Promise<Agent> {
    return service.getAgent(ctx, id);
  }

  @Query(() => AgentConnection, {
    description: `The agents you may see, ordered by name (then id), one page at a time. Needs scope agents:read. OWNER/ADMIN with every location see all agents; a MANAGER sees the agents of their locations and the shared pool; an AGENT sees only their own profile.`,
  })
  agents(
    @Args(() => AgentsArgs) args: AgentsArgs,
    @Ctx() ctx: AgentsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<service.Connection<Agent>> {
    return service.listAgents(ctx, args, {
      count: selectsField(info, 'totalCount'),
      fields: selectedFields(info, ['edges', 'node']),
    });
  }

  @Mutation(() => Agent, {
    description:
      'Creates an active agent profile and returns it; it is usable at once (e.g. by startAgentSession). Needs scope agents:write and a role above AGENT. A MANAGER may only create agents in their own locations; only an OWNER/ADMIN with every location may create one in the shared pool (FORBIDDEN otherwise). An unknown locationId or an invalid field is BAD_USER_INPUT naming the field; a ghlUserId another agent of the organization has is CONFLICT.',
  })
  createAgent(
    @Arg('input', () => CreateAgentInput, { description: 'The new profile.' }) input: CreateAgentInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<Agent> {
    return service.createAgent(ctx, input, ctx.runtime);
  }

  @Mutation(() => Agent, {
    description:
      'Changes the fields given in input and returns the updated agent (unchanged when nothing differs). Needs scope agents:write and a role above AGENT; the agent and any new location must be within your locations, and only an OWNER/ADMIN with every location moves agents into or out of the shared pool (FORBIDDEN otherwise). NOT_FOUND when you cannot see the agent; CONFLICT when the ghlUserId is taken.',
  })
  updateAgent(
    @Arg('id', () => ID, { description: 'The agent to change.' }) id: string,
    @Arg('input', () => UpdateAgentInput, { description: 'The fields to change.' }) input: UpdateAgentInput,
    @Ctx() ctx: AgentsContext,
  ): Promise<Agent> {
    return service.updateAgent(ctx, id, input, ctx.runtime);
  }

  @Mutation(() => Agent, {
    description:
      'Marks the agent inactive and ends all of their open sessions in the same step; returns the agent. Idempotent: an inactive agent is returned unchanged. Inactive agents keep their history but cannot start new sessions. Needs scope agents:write and a role above AGENT, within your locations; NOT_FOUND when you cannot see the agent.',
  })
  deactivateAgent(
    @Arg('id', () => ID, { description: 'The agent to deactivate.' }) id: string,
    @Ctx() ctx: AgentsContext,
  ): Promise<Agent> {
    return service.deactivateAgent(ctx, id);
  }
}
