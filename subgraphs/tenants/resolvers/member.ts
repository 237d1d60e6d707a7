import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Member } from '../entities';
import * as members from '../service/members';
import { AddMemberInput, UpdateMemberInput } from './inputs';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => [Member], {
    description:
      'Members you may see, by name: an OWNER/ADMIN sees the members of their organization and its descendants; a MANAGER those who share one of their locations; everyone sees themselves. Needs scope tenants:read or tenants:admin.',
  })
  members(
    @Arg('organizationId', () => ID, {
      nullable: true,
      description: "Only this organization's members (NOT_FOUND when you cannot see it); omit for all.",
    })
    organizationId: string | null,
    @Ctx() ctx: TenantsContext,
  ): Promise<Member[]> {
    return members.listMembers(ctx, organizationId);
  }

  @Mutation(() => Member, {
    description: `Adds a user to an organization you administer with a role, and returns the member; the user can be issued tokens at once (issueAccessToken). Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise), and you cannot grant a role whose scopes you do not hold. NOT_FOUND for an organization you do not administer; BAD_USER_INPUT for a location outside the organization; CONFLICT when the userId is already a member of the tenant.`,
  })
  addMember(
    @Arg('input', () => AddMemberInput, { description: 'The user, organization, role and locations.' })
    input: AddMemberInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Member> {
    return members.addMember(ctx, input);
  }

  @Mutation(() => Member, {
    description: `Changes a member's email, name, role, locations or agent profile and returns the member. Tokens already issued keep the principal they were issued with until they expire. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise), and you cannot grant or take away a role whose scopes you do not hold. NOT_FOUND for a member you do not administer; CONFLICT when it would leave the tenant without an OWNER of the root organization.`,
  })
  updateMember(
    @Arg('input', () => UpdateMemberInput, { description: 'The member and the fields to change.' })
    input: UpdateMemberInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Member> {
    return members.updateMember(ctx, input);
  }

  @Mutation(() => Boolean, {
    description: `Removes a member and returns true. Their access tokens stop working at once, and their open subscriptions end. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise), holding every scope of the member's role. NOT_FOUND for a member you do not administer (or already removed); CONFLICT for the last OWNER of the root organization.`,
  })
  removeMember(
    @Arg('id', () => ID, { description: 'The member to remove.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<boolean> {
    return members.removeMember(ctx, id);
  }
}
