/** `Location.agents`, the field this subgraph contributes to the tenants subgraph's Location. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AgentsContext } from '../runtime';
import type { Agent } from '../entities/agent';
import { Location } from '../entities/location';
import * as service from '../service';
import { LocationAgentsArgs } from './args';
import { AgentConnection } from './connections';

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => AgentConnection, {
    description: 'Visible agents assigned to this location (shared pool excluded).',
  })
  agents(
    @Root() location: Location,
    @Args(() => LocationAgentsArgs) args: LocationAgentsArgs,
    @Ctx() ctx: AgentsContext,
  ): Promise<service.Connection<Agent>> {
    return service.locationAgents(ctx, location.id, args);
  }
}
