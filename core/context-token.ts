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

/** Verified tokens remembered per codec (the gateway reuses one token per principal for most of its TTL). */
const VERIFIED_MAX = 1024;

export class ContextTokenCodec {
  private readonly key: Uint8Array;
  /**
   * Tokens this codec verified, by their exact text (signature included), until their own `exp`: a second
   * request with the same token skips the HMAC and claim checks (a tenth of a subgraph page's CPU,
   * bench/agents-page.ts) but never outlives the token, and any other text — an altered or re-signed
   * token — is verified in full.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
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
    const hit = this.verified.get(token);
    if (hit && Date.now() < hit.expiresAtMs) return copyPrincipal(hit.principal);
    if (hit) this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const principal = parsePrincipal(payload['p']);
      if (typeof payload.exp === 'number') this.remember(token, principal, payload.exp * 1000);
      return copyPrincipal(principal);
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      if (err instanceof joseErrors.JOSEError) throw new UnauthenticatedError('invalid platform context');
      throw err;
    }
  }

  private remember(token: string, principal: Principal, expiresAtMs: number): void {
    this.verified.set(token, { principal, expiresAtMs });
    if (this.verified.size > VERIFIED_MAX) {
      // expired ones first; otherwise the oldest
      const now = Date.now();
      for (const [t, v] of this.verified) if (v.expiresAtMs <= now) this.verified.delete(t);
      if (this.verified.size > VERIFIED_MAX)
        this.verified.delete(this.verified.keys().next().value as string);
    }
  }
}

/** Each request gets its own principal object: a resolver changing one cannot reach another request. */
function copyPrincipal(p: Principal): Principal {
  return {
    ...p,
    organizationIds: [...p.organizationIds],
    locationIds: p.locationIds === null ? null : [...p.locationIds],
    scopes: [...p.scopes],
  };
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
