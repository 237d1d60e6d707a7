import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../../core/request-context';
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
    @Ctx() ctx: RequestContext,
  ): Promise<Member[]> {
    return members.listMembers(ctx, organizationId);
  }

  @Mutation(() => Member)
  addMember(
    @Arg('input', () => AddMemberInput) input: AddMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Member> {
    return members.addMember(ctx, input);
  }

  @Mutation(() => Member)
  updateMember(
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Member> {
    return members.updateMember(ctx, input);
  }

  @Mutation(() => Boolean)
  removeMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return members.removeMember(ctx, id);
  }
}
