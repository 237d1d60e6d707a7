/**
 * Turns request credentials into a principal: `Authorization: Bearer <JWT>` verified locally (HS256
 * secret or JWKS), or `X-Api-Key` hashed and resolved by the configured credential service
 * (credential-service-client.ts), cached in an LRU keyed by the key's hash with a TTL (positive and
 * negative answers), so a hot key costs no round trip. No credential service configured: API keys are
 * refused (401 `API_KEYS_NOT_CONFIGURED`). A bearer token whose subject was revoked (member removed) at
 * or after its `iat` is refused: see subject-revocations.ts.
 */
import { LRUCache } from 'lru-cache';
import {
  AccessTokenVerifier,
  isRevokedToken,
  type AccessTokenOptions,
  type VerifiedAccessToken,
} from '../core/access-token';
import { hashApiKey, looksLikeApiKey } from '../core/api-key';
import { UnauthenticatedError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Principal } from '../core/principal';
import {
  AuthFailure,
  CredentialServiceClient,
  type CredentialServiceOptions,
} from './credential-service-client';
import { SubjectRevocations } from './subject-revocations';

export interface Credentials {
  authorization?: string | null;
  apiKey?: string | null;
}

export interface PrincipalResolverOptions {
  accessToken: AccessTokenOptions;
  /**
   * The service that turns an API-key hash into a principal and answers whether a bearer token's
   * subject was revoked (member removed), with its credential. Absent: API keys are refused
   * (UNAUTHENTICATED), bearer tokens still work (revocations known from events only).
   */
  credentialService?: CredentialServiceOptions;
  cacheTtlSeconds: number;
  cacheMax?: number;
  logger?: Logger;
}

type Cached = { principal: Principal } | { error: string };

/** A resolved credential: its principal, and for a bearer token its `iat` and `exp` (epoch ms). */
export type ResolvedCredential = VerifiedAccessToken;

const UNKNOWN_KEY = { error: 'unknown or revoked API key' } as const;

export class PrincipalResolver {
  private readonly verifier: AccessTokenVerifier;
  private readonly keyCache: LRUCache<string, Cached>;
  private readonly inflight = new Map<string, Promise<Cached>>();
  /** Hashes of keys revoked while this gateway runs: a lookup that raced the revocation cannot revive one. */
  private readonly revokedKeys: LRUCache<string, true>;
  private readonly subjects: SubjectRevocations;
  private readonly service: CredentialServiceClient | null;

  constructor(opts: PrincipalResolverOptions) {
    this.verifier = new AccessTokenVerifier(opts.accessToken);
    this.revokedKeys = new LRUCache<string, true>({ max: opts.cacheMax ?? 10_000 });
    const service = opts.credentialService
      ? new CredentialServiceClient(opts.credentialService, opts.logger)
      : null;
    this.service = service;
    this.subjects = new SubjectRevocations({
      lookup: service ? (tenantId, subject) => service.subjectRevokedAt(tenantId, subject) : undefined,
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
    const service = this.service;
    if (!service) {
      throw new UnauthenticatedError('API keys are not configured on this gateway; use a bearer token', {
        reason: AuthFailure.apiKeysNotConfigured,
      });
    }
    if (!looksLikeApiKey(key)) {
      throw new UnauthenticatedError('malformed API key', { reason: AuthFailure.apiKeyMalformed });
    }
    const hash = hashApiKey(key);
    if (this.revokedKeys.has(hash)) {
      throw new UnauthenticatedError(UNKNOWN_KEY.error, { reason: AuthFailure.apiKeyUnknown });
    }
    let cached = this.keyCache.get(hash);
    if (!cached) {
      let pending = this.inflight.get(hash);
      if (!pending) {
        pending = this.lookup(service, hash).finally(() => this.inflight.delete(hash));
        this.inflight.set(hash, pending);
      }
      cached = await pending;
    }
    if ('error' in cached)
      throw new UnauthenticatedError(cached.error, { reason: AuthFailure.apiKeyUnknown });
    return cached.principal;
  }

  private async lookup(service: CredentialServiceClient, hash: string): Promise<Cached> {
    const principal = await service.resolveApiKey(hash);
    if (!principal || this.revokedKeys.has(hash)) {
      this.keyCache.set(hash, UNKNOWN_KEY, { ttl: 5_000 });
      return UNKNOWN_KEY;
    }
    const answer = { principal };
    this.keyCache.set(hash, answer);
    return answer;
  }
}
