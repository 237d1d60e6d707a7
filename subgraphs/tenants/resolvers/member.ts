import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { Member } from '../entities';
import * as members from '../service/members';
import { AddMemberInput, UpdateMemberInput } from './inputs';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => [Member], {
    description: 'Members visible to the caller (OWNER/ADMIN: their subtree; MANAGER: shared locations).',
  })
  members(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: TenantsContext,
  ): Promise<Member[]> {
    return members.listMembers(ctx, organizationId);
  }

  @Mutation(() => Member)
  addMember(
    @Arg('input', () => AddMemberInput) input: AddMemberInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Member> {
    return members.addMember(ctx, input);
  }

  @Mutation(() => Member)
  updateMember(
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Member> {
    return members.updateMember(ctx, input);
  }

  @Mutation(() => Boolean)
  removeMember(@Arg('id', () => ID) id: string, @Ctx() ctx: TenantsContext): Promise<boolean> {
    return members.removeMember(ctx, id);
  }
}
