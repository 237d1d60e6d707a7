import { Args, ArgsType, Ctx, Field, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { DEFAULT_TOKEN_TTL_SECONDS, issueAccessToken } from '../service/access-tokens';
import { AccessToken } from './types';

@ArgsType()
class IssueAccessTokenArgs {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { defaultValue: DEFAULT_TOKEN_TTL_SECONDS, description: 'Lifetime, 1..86400 seconds.' })
  ttlSeconds!: number;
}

@Resolver()
export class AccessTokenResolver {
  @Mutation(() => AccessToken, {
    description: "Issues a user JWT carrying the member's principal (max 86400 s).",
  })
  issueAccessToken(
    @Args(() => IssueAccessTokenArgs) args: IssueAccessTokenArgs,
    @Ctx() ctx: TenantsContext,
  ): Promise<AccessToken> {
    return issueAccessToken(ctx, args, ctx.runtime.signing);
  }
}
