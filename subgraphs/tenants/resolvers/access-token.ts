import { Args, ArgsType, Ctx, Field, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { DEFAULT_TOKEN_TTL_SECONDS, issueAccessToken } from '../service/access-tokens';
import { AccessToken } from './types';

@ArgsType()
class IssueAccessTokenArgs {
  @Field(() => ID, { description: 'The member the token speaks for.' })
  memberId!: string;

  @Field(() => Int, {
    defaultValue: DEFAULT_TOKEN_TTL_SECONDS,
    description: 'Lifetime in seconds: 1 to 86400 (one day).',
  })
  ttlSeconds!: number;
}

@Resolver()
export class AccessTokenResolver {
  @Mutation(() => AccessToken, {
    description:
      "Issues a signed JWT for a member you administer, carrying the member's organization, role, scopes and locations; send it as `Authorization: Bearer <token>`. It works at once and until it expires, unless the member is removed. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise), holding every scope the member's role implies; NOT_FOUND for a member you do not administer.",
  })
  issueAccessToken(
    @Args(() => IssueAccessTokenArgs) args: IssueAccessTokenArgs,
    @Ctx() ctx: TenantsContext,
  ): Promise<AccessToken> {
    return issueAccessToken(ctx, args, ctx.runtime.signing);
  }
}
