/**
 * Turns request credentials into a principal: `Authorization: Bearer <JWT>` verified locally (HS256
 * secret or JWKS), or `X-Api-Key` hashed and resolved by the tenants subgraph, cached in an LRU with a
 * TTL (positive and negative answers), so a hot key costs no round trip. A bearer token whose subject was
 * revoked (member removed) at or after its `iat` is refused: see subject-revocations.ts.
 */
import { LRUCache } from 'lru-cache';
import {
  AccessTokenVerifier,
  isRevokedToken,
  SUBJECT_REVOCATION_PATH,
  type AccessTokenOptions,
  type VerifiedAccessToken,
} from '../core/access-token';
import { hashApiKey, RESOLVE_API_KEY_PATH } from '../core/api-key';
import { CONTEXT_HEADER, ContextTokenCodec, parsePrincipal } from '../core/context-token';
import { UnauthenticatedError, UpstreamUnavailableError } from '../core/errors';
import type { Principal } from '../core/principal';
import { MemberRole } from '../core/vocabulary';
import { SubjectRevocations } from './subject-revocations';

export interface Credentials {
  authorization?: string | null;
  apiKey?: string | null;
}

export interface PrincipalResolverOptions {
  accessToken: AccessTokenOptions;
  codec: ContextTokenCodec;
  /**
   * Base URL of the service that turns an API-key hash into a principal (the tenants subgraph, e.g.
   * http://127.0.0.1:4001). Absent: API keys are refused (UNAUTHENTICATED), bearer tokens still work.
   * The same service answers whether a bearer token's subject was revoked (member removed).
   */
  apiKeyResolverUrl?: string;
  cacheTtlSeconds: number;
  cacheMax?: number;
}

type Cached = { principal: Principal } | { error: string };

/** A resolved credential: its principal, and for a bearer token its `iat` and `exp` (epoch ms). */
export type ResolvedCredential = VerifiedAccessToken;

const GATEWAY_SERVICE: Principal = {
  tenantId: '_system',
  organizationId: '_system',
  organizationIds: [],
  locationIds: [],
  role: MemberRole.AGENT,
  scopes: [],
  subject: 'service:gateway',
};

export class PrincipalResolver {
  private readonly verifier: AccessTokenVerifier;
  private readonly keyCache: LRUCache<string, Cached>;
  private readonly inflight = new Map<string, Promise<Cached>>();
  /** Hashes of keys revoked while this gateway runs: a lookup that raced the revocation cannot revive one. */
  private readonly revokedKeys: LRUCache<string, true>;
  private readonly subjects: SubjectRevocations;

  constructor(private readonly opts: PrincipalResolverOptions) {
    this.verifier = new AccessTokenVerifier(opts.accessToken);
    this.revokedKeys = new LRUCache<string, true>({ max: opts.cacheMax ?? 10_000 });
    this.subjects = new SubjectRevocations({
      lookup: opts.apiKeyResolverUrl
        ? (tenantId, subject) => this.fetchRevokedAt(tenantId, subject)
        : undefined,
      ttlMs: opts.cacheTtlSeconds * 1000,
      max: opts.cacheMax,
    });
    this.keyCache = new LRUCache<string, Cached>({
      max: opts.cacheMax ?? 10_000,
      ttl: opts.cacheTtlSeconds * 1000,
    });
  }

  /** null = no credentials at all (public operations only). */
  async resolve(creds: Credentials): Promise<Principal | null> {
    return (await this.resolveCredential(creds))?.principal ?? null;
  }

  /** The principal with the credential's lifetime (an API key has none); null = no credentials. */
  async resolveCredential(creds: Credentials): Promise<ResolvedCredential | null> {
    const auth = creds.authorization?.trim();
    if (auth) {
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m) throw new UnauthenticatedError('unsupported authorization scheme');
      const verified = await this.verifier.verifyToken(m[1]!);
      const { tenantId, subject } = verified.principal;
      if (isRevokedToken(verified.issuedAt, await this.subjects.revokedAt(tenantId, subject)))
        throw new UnauthenticatedError('access token revoked');
      return verified;
    }
    const key = creds.apiKey?.trim();
    if (key) return { principal: await this.resolveApiKey(key), issuedAt: null, expiresAt: null };
    return null;
  }

  /** Forget one key (by its SHA-256), e.g. when `tenants.api_key.revoked` arrives. */
  forgetKey(keyHash: string): void {
    this.revokedKeys.set(keyHash, true);
    this.keyCache.delete(keyHash);
  }

  /**
   * Resolve this key afresh on its next use (not revoked): what it covers may have changed — its
   * caller just created a location or an organization through the credential service.
   */
  refreshApiKey(apiKey: string): void {
    this.keyCache.delete(hashApiKey(apiKey.trim()));
  }

  /** Resolve every cached key of the tenant afresh (its organizations or locations changed elsewhere). */
  refreshTenant(tenantId: string): void {
    const stale: string[] = [];
    for (const [hash, cached] of this.keyCache.entries()) {
      if ('principal' in cached && cached.principal.tenantId === tenantId) stale.push(hash);
    }
    for (const hash of stale) this.keyCache.delete(hash);
  }

  /** A subject's tokens issued until `revokedAt` are refused from now on (`tenants.member.removed`). */
  revokeSubject(tenantId: string, subject: string, revokedAt: number): void {
    this.subjects.record(tenantId, subject, revokedAt);
  }

  private async resolveApiKey(key: string): Promise<Principal> {
    if (!this.opts.apiKeyResolverUrl) {
      throw new UnauthenticatedError('API keys are not configured on this gateway; use a bearer token');
    }
    const hash = hashApiKey(key);
    if (this.revokedKeys.has(hash)) throw new UnauthenticatedError('unknown or revoked API key');
    let cached = this.keyCache.get(hash);
    if (!cached) {
      let pending = this.inflight.get(hash);
      if (!pending) {
        pending = this.lookup(hash).finally(() => this.inflight.delete(hash));
        this.inflight.set(hash, pending);
      }
      cached = await pending;
    }
    if ('error' in cached) throw new UnauthenticatedError(cached.error);
    return cached.principal;
  }

  /** POST to the credential service as the gateway itself. */
  private async internalPost(path: string, body: unknown): Promise<Response> {
    try {
      return await fetch(new URL(path, this.opts.apiKeyResolverUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CONTEXT_HEADER]: await this.opts.codec.sign(GATEWAY_SERVICE),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
    } catch {
      throw new UpstreamUnavailableError('credential service unavailable');
    }
  }

  private async fetchRevokedAt(tenantId: string, subject: string): Promise<number | null> {
    const res = await this.internalPost(SUBJECT_REVOCATION_PATH, { tenantId, subject });
    if (!res.ok) throw new UpstreamUnavailableError('credential service unavailable');
    const { revokedAt } = (await res.json()) as { revokedAt?: unknown };
    const at = typeof revokedAt === 'string' ? Date.parse(revokedAt) : NaN;
    return Number.isNaN(at) ? null : at;
  }

  private async lookup(hash: string): Promise<Cached> {
    const res = await this.internalPost(RESOLVE_API_KEY_PATH, { keyHash: hash });
    if (res.status === 404 || this.revokedKeys.has(hash)) {
      const answer = { error: 'unknown or revoked API key' };
      this.keyCache.set(hash, answer, { ttl: 5_000 });
      return answer;
    }
    if (!res.ok) throw new UpstreamUnavailableError('credential service unavailable');
    const body = (await res.json()) as { principal?: unknown };
    const answer = { principal: parsePrincipal(body.principal) };
    this.keyCache.set(hash, answer);
    return answer;
  }
}
