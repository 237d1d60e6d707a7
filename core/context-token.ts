/**
 * The signed context header (`x-platform-context`) the gateway forwards to subgraphs.
 * Subgraphs trust nothing else. HS256 over an internal secret, short-lived.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Principal } from './principal';
import { UnauthenticatedError } from './errors';
import { MemberRole, SCOPES, type Scope } from './vocabulary';

export const CONTEXT_HEADER = 'x-platform-context';
const ISSUER = 'coaching-gateway';
const AUDIENCE = 'coaching-subgraphs';

export class ContextTokenCodec {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    readonly ttlSeconds = 60,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Signs `principal` for `ttlSeconds` (default the codec's TTL). */
  async sign(principal: Principal, ttlSeconds = this.ttlSeconds): Promise<string> {
    // `exp` in whole seconds, rounded up: a token lives at least its TTL (rounded down, one signed late in
    // a second lived almost a second less, which a short TTL cannot spare)
    return new SignJWT({ p: principal })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.ceil(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  /** Verifies and returns the principal; throws UnauthenticatedError on anything wrong. */
  async verify(token: string | undefined | null): Promise<Principal> {
    if (!token) throw new UnauthenticatedError('missing platform context');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return parsePrincipal(payload['p']);
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      if (err instanceof joseErrors.JOSEError) throw new UnauthenticatedError('invalid platform context');
      throw err;
    }
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

export function parsePrincipal(raw: unknown): Principal {
  if (typeof raw !== 'object' || raw === null) throw new UnauthenticatedError('invalid platform context');
  const r = raw as Record<string, unknown>;
  const roles = Object.values(MemberRole) as string[];
  if (
    typeof r['tenantId'] !== 'string' ||
    typeof r['organizationId'] !== 'string' ||
    typeof r['subject'] !== 'string' ||
    typeof r['role'] !== 'string' ||
    !roles.includes(r['role']) ||
    !isStringArray(r['organizationIds']) ||
    !(r['locationIds'] === null || isStringArray(r['locationIds'])) ||
    !isStringArray(r['scopes'])
  ) {
    throw new UnauthenticatedError('invalid platform context');
  }
  const scopes = r['scopes'].filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  return {
    tenantId: r['tenantId'],
    organizationId: r['organizationId'],
    organizationIds: r['organizationIds'],
    locationIds: r['locationIds'] as string[] | null,
    role: r['role'] as MemberRole,
    scopes,
    subject: r['subject'],
    agentId: typeof r['agentId'] === 'string' ? r['agentId'] : undefined,
    apiKeyId: typeof r['apiKeyId'] === 'string' ? r['apiKeyId'] : undefined,
    partnerAppId: typeof r['partnerAppId'] === 'string' ? r['partnerAppId'] : undefined,
  };
}
