import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Location, Organization } from '../entities';
import * as locations from '../service/locations';
import { getOrganization } from '../service/organizations';
import { CreateLocationInput, UpdateLocationInput } from './inputs';

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => Location, { description: 'A location visible to the caller.' })
  location(@Arg('id', () => ID) id: string, @Ctx() ctx: TenantsContext): Promise<Location> {
    return locations.getLocation(ctx, id);
  }

  @Query(() => [Location], {
    description: 'Visible locations, optionally of one organization (its own, not its descendants).',
  })
  locations(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location[]> {
    return locations.listLocations(ctx, organizationId);
  }

  @Mutation(() => Location)
  createLocation(
    @Arg('input', () => CreateLocationInput) input: CreateLocationInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location> {
    return locations.createLocation(ctx, input);
  }

  @Mutation(() => Location)
  updateLocation(
    @Arg('input', () => UpdateLocationInput) input: UpdateLocationInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location> {
    return locations.updateLocation(ctx, input);
  }

  @FieldResolver(() => Organization)
  organization(@Root() loc: Location, @Ctx() ctx: TenantsContext): Promise<Organization> {
    return getOrganization(ctx, loc.organizationId);
  }
}
