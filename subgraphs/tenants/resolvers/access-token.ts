import { Args, ArgsType, Ctx, Field, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { AuthOptions } from '../../../core/config';
import type { RequestContext } from '../../../core/request-context';
import { DEFAULT_TOKEN_TTL_SECONDS, issueAccessToken } from '../service/access-tokens';
import { AccessToken } from './types';

@ArgsType()
class IssueAccessTokenArgs {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { defaultValue: DEFAULT_TOKEN_TTL_SECONDS, description: 'Lifetime, 1..86400 seconds.' })
  ttlSeconds!: number;
}

type SigningOptions = Pick<AuthOptions, 'jwtSecret' | 'issuer' | 'audience'>;

/** A resolver class per schema build, bound to that build's signing options. */
export function accessTokenResolver(auth: SigningOptions): new () => object {
  @Resolver()
  class AccessTokenResolver {
    @Mutation(() => AccessToken, {
      description: "Issues a user JWT carrying the member's principal (max 86400 s).",
    })
    issueAccessToken(
      @Args(() => IssueAccessTokenArgs) args: IssueAccessTokenArgs,
      @Ctx() ctx: RequestContext,
    ): Promise<AccessToken> {
      return issueAccessToken(ctx, args, auth);
    }
  }
  return AccessTokenResolver;
}
