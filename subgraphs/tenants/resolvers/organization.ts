import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Location, Organization } from '../entities';
import { locationsByOrganizationLoader } from '../service/loaders';
import * as orgs from '../service/organizations';
import { CreateOrganizationInput, UpdateOrganizationBrandingInput } from './inputs';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    description:
      'One organization by id: yours or one of its descendants. Needs scope tenants:read or tenants:admin; an organization you cannot see, or none, is NOT_FOUND.',
  })
  organization(
    @Arg('id', () => ID, { description: 'The organization id.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<Organization> {
    return orgs.getOrganization(ctx, id);
  }

  @Query(() => [Organization], {
    description: 'Your organization and its descendants. Needs scope tenants:read or tenants:admin.',
  })
  organizations(@Ctx() ctx: TenantsContext): Promise<Organization[]> {
    return orgs.listOrganizations(ctx);
  }

  @Mutation(() => Organization, {
    description: `Creates a child organization (e.g. a franchise office) under one you administer and returns it. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise); NOT_FOUND for a parent you do not administer; BAD_USER_INPUT for an invalid name, vertical or branding.`,
  })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput, { description: 'The new organization.' })
    input: CreateOrganizationInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Organization> {
    return orgs.createOrganization(ctx, input);
  }

  @Mutation(() => Organization, {
    description: `Changes how an organization presents itself (name shown, color, logo) in widgets and the portal, and returns it. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise); NOT_FOUND for an organization you do not administer; BAD_USER_INPUT for an invalid color or URL.`,
  })
  updateOrganizationBranding(
    @Arg('input', () => UpdateOrganizationBrandingInput, {
      description: 'The organization and branding changes.',
    })
    input: UpdateOrganizationBrandingInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Organization> {
    return orgs.updateOrganizationBranding(ctx, input);
  }

  @FieldResolver(() => Boolean, { description: 'True for the root organization: the tenant itself.' })
  isRoot(@Root() org: Organization): boolean {
    return org.parentId === null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Null for the root or when not visible.',
  })
  parent(@Root() org: Organization, @Ctx() ctx: TenantsContext): Promise<Organization | null> {
    return orgs.parentOrganization(ctx, org);
  }

  @FieldResolver(() => [Organization], { description: 'The direct child organizations you may see.' })
  children(@Root() org: Organization, @Ctx() ctx: TenantsContext): Promise<Organization[]> {
    return orgs.childOrganizations(ctx, org);
  }

  @FieldResolver(() => [Location], { description: "The organization's own locations visible to the caller." })
  locations(@Root() org: Organization, @Ctx() ctx: TenantsContext): Promise<Location[]> {
    return locationsByOrganizationLoader(ctx).load(org.id);
  }
}
