import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Location, Organization } from '../entities';
import * as locations from '../service/locations';
import { getOrganization } from '../service/organizations';
import { CreateLocationInput, UpdateLocationInput } from './inputs';

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => Location, {
    description:
      'One location by id. Needs scope tenants:read or tenants:admin; a location you cannot see, or none, is NOT_FOUND.',
  })
  location(
    @Arg('id', () => ID, { description: 'The location id.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location> {
    return locations.getLocation(ctx, id);
  }

  @Query(() => [Location], {
    description:
      'Locations you may see, by name: OWNER/ADMIN see every location of their organization subtree, others their own locations. Needs scope tenants:read or tenants:admin.',
  })
  locations(
    @Arg('organizationId', () => ID, {
      nullable: true,
      description:
        "Only this organization's own locations (not its descendants'); NOT_FOUND for an unknown organization. Omit for all.",
    })
    organizationId: string | null,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location[]> {
    return locations.listLocations(ctx, organizationId);
  }

  @Mutation(() => Location, {
    description: `Creates a location (a GoHighLevel sub-account) in an organization you administer and returns it; agents can be assigned to it at once. Webhooks of its GoHighLevel location are routed to you only after connectGhlLocation. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise). NOT_FOUND for an organization you do not administer; BAD_USER_INPUT for an invalid field or time zone; CONFLICT when the ghlLocationId is already registered.`,
  })
  createLocation(
    @Arg('input', () => CreateLocationInput, { description: 'The new location.' }) input: CreateLocationInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location> {
    return locations.createLocation(ctx, input);
  }

  @Mutation(() => Location, {
    description: `Changes a location's GoHighLevel id, name or time zone and returns it. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise). NOT_FOUND for a location you do not administer; CONFLICT when the new ghlLocationId is already registered.`,
  })
  updateLocation(
    @Arg('input', () => UpdateLocationInput, { description: 'The location and the fields to change.' })
    input: UpdateLocationInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Location> {
    return locations.updateLocation(ctx, input);
  }

  @FieldResolver(() => Organization, { description: 'The organization the location belongs to.' })
  organization(@Root() loc: Location, @Ctx() ctx: TenantsContext): Promise<Organization> {
    return getOrganization(ctx, loc.organizationId);
  }
}
