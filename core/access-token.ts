/**
 * User access tokens (JWT, HS256 with JWT_SECRET, or verified against a JWKS in production).
 * Issued by the tenants subgraph (`issueAccessToken`), verified locally by the gateway — no round trip.
 * Claims: sub, tid (tenant), org, orgs (visible orgs), locs (visible locations, null = all), role,
 * scp (scopes; defaults to the role's), agt (agent id for AGENT members).
 */
import { SignJWT, jwtVerify, createRemoteJWKSet, errors as joseErrors, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { ROLE_SCOPES, type Principal } from './principal';
import { UnauthenticatedError } from './errors';
import { MemberRole, SCOPES, type Scope } from './vocabulary';

export interface AccessTokenOptions {
  secret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export async function signAccessToken(
  opts: AccessTokenOptions,
  principal: Principal,
  ttlSeconds: number,
): Promise<string> {
  if (!opts.secret) throw new Error('JWT_SECRET is not configured');
  return new SignJWT({
    tid: principal.tenantId,
    org: principal.organizationId,
    orgs: principal.organizationIds,
    locs: principal.locationIds,
    role: principal.role,
    scp: principal.scopes,
    ...(principal.agentId ? { agt: principal.agentId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.subject)
    .setIssuer(opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(opts.secret));
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function principalFromClaims(payload: JWTPayload): Principal {
  const { tid, org, orgs, locs, role, scp, agt, sub } = payload as Record<string, unknown>;
  if (typeof tid !== 'string' || typeof sub !== 'string')
    throw new UnauthenticatedError('invalid token claims');
  if (typeof role !== 'string' || !(Object.values(MemberRole) as string[]).includes(role)) {
    throw new UnauthenticatedError('invalid token claims');
  }
  const memberRole = role as MemberRole;
  const organizationId = typeof org === 'string' ? org : tid;
  const scopes: Scope[] = isStrings(scp)
    ? scp.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s))
    : ROLE_SCOPES[memberRole];
  return {
    tenantId: tid,
    organizationId,
    organizationIds: isStrings(orgs) ? orgs : [organizationId],
    locationIds:
      locs === null || locs === undefined
        ? memberRole === MemberRole.OWNER || memberRole === MemberRole.ADMIN
          ? null
          : []
        : isStrings(locs)
          ? locs
          : [],
    role: memberRole,
    // a token can narrow but never widen its role's scopes
    scopes: scopes.filter((s) => ROLE_SCOPES[memberRole].includes(s)),
    subject: sub,
    agentId: typeof agt === 'string' ? agt : undefined,
  };
}

export interface VerifiedAccessToken {
  principal: Principal;
  /** `iat` in epoch ms; null when the token has none. */
  issuedAt: number | null;
  /** `exp` in epoch ms; null when the token never expires. */
  expiresAt: number | null;
}

/**
 * A token issued at or before its subject's revocation is refused: compared in whole seconds (the
 * precision of `iat`), so a token issued in the same second as the removal is refused too. A token
 * without `iat` cannot prove it came after, and is refused once its subject has been revoked.
 */
export function isRevokedToken(issuedAt: number | null, revokedAt: number | null): boolean {
  if (revokedAt === null) return false;
  if (issuedAt === null) return true;
  return Math.floor(issuedAt / 1000) <= Math.floor(revokedAt / 1000);
}

/** Verified tokens remembered per verifier. */
const VERIFIED_MAX = 10_000;
/** The longest a verification is remembered (bounds how long a key removed from a JWKS keeps working). */
const VERIFIED_MAX_MS = 60_000;

export class AccessTokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Tokens this verifier accepted, by their exact text (signature included), until their own `exp` (at
   * most a minute): the same bearer token on its next request skips the signature and claim checks and
   * gets the same principal object back, so the gateway reuses the context token it signed for it
   * (gateway/context-tokens.ts, keyed by that object) and the subgraphs their verification of that token.
   * Before, every request verified the JWT and signed a new context token, which each subgraph then
   * verified again. Any other text — another token, an altered or re-signed one — is verified in full; a
   * token names one principal, so nothing is shared between two. Revocation is still checked per request
   * by the caller (gateway/principal-resolver.ts).
   */
  private readonly verified = new LRUCache<string, VerifiedAccessToken>({ max: VERIFIED_MAX });
  constructor(private readonly opts: AccessTokenOptions) {
    if (opts.secret) this.secret = new TextEncoder().encode(opts.secret);
    if (opts.jwksUrl) this.jwks = createRemoteJWKSet(new URL(opts.jwksUrl));
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  /** The principal with the token's issue and expiry times. */
  async verifyToken(token: string): Promise<VerifiedAccessToken> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAt !== null && Date.now() < hit.expiresAt) return hit;
    if (hit) this.verified.delete(token);
    const verified = await this.verifyInFull(token);
    const ttl = verified.expiresAt === null ? 0 : Math.min(verified.expiresAt - Date.now(), VERIFIED_MAX_MS);
    if (ttl > 0) this.verified.set(token, verified, { ttl });
    return verified;
  }

  private async verifyInFull(token: string): Promise<VerifiedAccessToken> {
    try {
      const verifyOpts = { issuer: this.opts.issuer, audience: this.opts.audience };
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, verifyOpts)
        : await jwtVerify(token, this.secret!, { ...verifyOpts, algorithms: ['HS256'] });
      return {
        principal: principalFromClaims(payload),
        issuedAt: typeof payload.iat === 'number' ? payload.iat * 1000 : null,
        expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
      };
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('token expired');
      if (err instanceof joseErrors.JOSEError || err instanceof TypeError)
        throw new UnauthenticatedError('invalid token');
      throw err;
    }
  }
}
