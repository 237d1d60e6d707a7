import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Location, Organization } from '../entities';
import { locationsByOrganizationLoader } from '../service/loaders';
import * as orgs from '../service/organizations';
import { CreateOrganizationInput, UpdateOrganizationBrandingInput } from './inputs';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: 'An organization visible to the caller.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: TenantsContext): Promise<Organization> {
    return orgs.getOrganization(ctx, id);
  }

  @Query(() => [Organization], { description: 'Every organization visible to the caller.' })
  organizations(@Ctx() ctx: TenantsContext): Promise<Organization[]> {
    return orgs.listOrganizations(ctx);
  }

  @Mutation(() => Organization, { description: 'Creates a child organization under a visible one.' })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Organization> {
    return orgs.createOrganization(ctx, input);
  }

  @Mutation(() => Organization)
  updateOrganizationBranding(
    @Arg('input', () => UpdateOrganizationBrandingInput) input: UpdateOrganizationBrandingInput,
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

  @FieldResolver(() => [Organization])
  children(@Root() org: Organization, @Ctx() ctx: TenantsContext): Promise<Organization[]> {
    return orgs.childOrganizations(ctx, org);
  }

  @FieldResolver(() => [Location], { description: "The organization's own locations visible to the caller." })
  locations(@Root() org: Organization, @Ctx() ctx: TenantsContext): Promise<Location[]> {
    return locationsByOrganizationLoader(ctx).load(org.id);
  }
}
