/** issueAccessToken: a signed user JWT carrying a member's principal (verified locally by the gateway). */
import { decodeJwt } from 'jose';
import { type AccessTokenOptions, signAccessToken } from '../../../core/access-token';
import { ForbiddenError } from '../../../core/errors';
import type { AuthOptions } from '../../../core/config';
import type { RequestContext } from '../../../core/request-context';
import { assertCanGrant, requireAdmin } from './access';
import { administeredMember } from './members';
import { memberPrincipal } from './principals';
import * as check from '../../../core/validation';
import { visibility } from './visibility';
import { writeAudited } from './write';

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
export const MAX_TOKEN_TTL_SECONDS = 86_400;

export interface IssueAccessTokenInput {
  memberId: string;
  ttlSeconds?: number | null;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export async function issueAccessToken(
  ctx: RequestContext,
  input: IssueAccessTokenInput,
  auth: Pick<AuthOptions, 'jwtSecret' | 'issuer' | 'audience'>,
): Promise<IssuedAccessToken> {
  // the scope first: a caller without tenants:admin learns nothing from argument checks
  requireAdmin(ctx.principal);
  const ttl = check.intInRange(
    'ttlSeconds',
    input.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    1,
    MAX_TOKEN_TTL_SECONDS,
  );
  const member = await administeredMember(ctx, input.memberId);
  const principal = await memberPrincipal(ctx.em, member, (await visibility(ctx)).tree);
  assertCanGrant(ctx.principal, principal.scopes);
  if (!auth.jwtSecret)
    throw new ForbiddenError('access tokens cannot be issued here: no JWT secret is configured');
  const opts: AccessTokenOptions = { secret: auth.jwtSecret, issuer: auth.issuer, audience: auth.audience };
  const token = await signAccessToken(opts, principal, ttl);
  const exp = decodeJwt(token).exp;
  const expiresAt = new Date((exp ?? Math.floor(Date.now() / 1000) + ttl) * 1000);
  return writeAudited(ctx, async () => ({
    result: { token, expiresAt },
    audit: {
      action: 'access_token.issue',
      targetType: 'Member',
      targetId: member.id,
      change: {
        subject: principal.subject,
        role: principal.role,
        ttlSeconds: ttl,
        expiresAt: expiresAt.toISOString(),
      },
    },
  }));
}
