/**
 * A bearer token's requests share one forwarded context token. Before, every request verified the JWT
 * into a new principal object, so the gateway signed a new context token per request (its tokens are kept
 * per principal object) and each subgraph verified that new token again: a signature per request and one
 * more per subgraph call (bench/federated-gateway.ts). What is remembered is keyed by the token's exact
 * text: another caller's token still gets its own principal and context token, and an expired one is
 * still refused.
 */
import { signAccessToken } from '../../../core/access-token';
import { ContextTokenCodec } from '../../../core/context-token';
import { UnauthenticatedError } from '../../../core/errors';
import type { Principal } from '../../../core/principal';
import { ROLE_SCOPES } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { ContextTokens } from '../../../gateway/context-tokens';
import { PrincipalResolver } from '../../../gateway/principal-resolver';
import { TEST_CONTEXT_SECRET } from '../../helpers/subgraph-harness';

const ACCESS = { secret: 'bearer-context-token-test-secret-0123456789', issuer: 'iss', audience: 'aud' };

const owner = (tenantId: string): Principal => ({
  tenantId,
  organizationId: tenantId,
  organizationIds: [tenantId],
  locationIds: null,
  role: MemberRole.OWNER,
  scopes: ROLE_SCOPES[MemberRole.OWNER],
  subject: `user-${tenantId}`,
});

describe('bearer tokens and forwarded context tokens', () => {
  const start = Date.UTC(2026, 11, 7, 12, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('signs one context token per bearer token, keeps callers apart and refuses an expired token', async () => {
    const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET, 60);
    const sign = jest.spyOn(codec, 'sign');
    const tokens = new ContextTokens(codec);
    const resolver = new PrincipalResolver({ accessToken: ACCESS, cacheTtlSeconds: 30 });
    const forward = async (jwt: string) => {
      const resolved = await resolver.resolveCredential({ authorization: `Bearer ${jwt}` });
      return tokens.for(resolved!.principal);
    };
    const a = await signAccessToken(ACCESS, owner('tenant-a'), 120);
    const b = await signAccessToken(ACCESS, owner('tenant-b'), 120);

    const first = await forward(a);
    jest.setSystemTime(start + 2_000);
    expect(await forward(a)).toBe(first);
    expect(sign).toHaveBeenCalledTimes(1);

    const other = await forward(b);
    expect(other).not.toBe(first);
    expect((await codec.verify(other)).tenantId).toBe('tenant-b');
    expect((await codec.verify(first)).tenantId).toBe('tenant-a');

    jest.setSystemTime(start + 121_000);
    await expect(forward(a)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
