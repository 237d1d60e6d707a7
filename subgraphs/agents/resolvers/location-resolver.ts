/** `Location.agents`, the field this subgraph contributes to the tenants subgraph's Location. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../core/request-context';
import type { Agent } from '../entities/agent';
import { Location } from '../entities/location';
import * as service from '../service';
import { LocationAgentsArgs } from './args';
import { AgentConnection } from './connections';

export function createLocationResolver() {
  @Resolver(() => Location)
  class LocationResolver {
    @FieldResolver(() => AgentConnection, {
      description: 'Visible agents assigned to this location (shared pool excluded).',
    })
    agents(
      @Root() location: Location,
      @Args(() => LocationAgentsArgs) args: LocationAgentsArgs,
      @Ctx() ctx: RequestContext,
    ): Promise<service.Connection<Agent>> {
      return service.locationAgents(ctx, location.id, args);
    }
  }
  return LocationResolver;
}
