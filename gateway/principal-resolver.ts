/**
 * Turns request credentials into a principal: `Authorization: Bearer <JWT>` verified locally (HS256
 * secret or JWKS), or `X-Api-Key` hashed and resolved by the tenants subgraph, cached in an LRU with a
 * TTL (positive and negative answers), so a hot key costs no round trip.
 */
import { LRUCache } from 'lru-cache';
import { AccessTokenVerifier, type AccessTokenOptions } from '../core/access-token';
import { hashApiKey, RESOLVE_API_KEY_PATH } from '../core/api-key';
import { CONTEXT_HEADER, ContextTokenCodec, parsePrincipal } from '../core/context-token';
import { UnauthenticatedError, UpstreamUnavailableError } from '../core/errors';
import type { Principal } from '../core/principal';
import { MemberRole } from '../core/vocabulary';

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
   */
  apiKeyResolverUrl?: string;
  cacheTtlSeconds: number;
  cacheMax?: number;
}

type Cached = { principal: Principal } | { error: string };

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

  constructor(private readonly opts: PrincipalResolverOptions) {
    this.verifier = new AccessTokenVerifier(opts.accessToken);
    this.keyCache = new LRUCache<string, Cached>({
      max: opts.cacheMax ?? 10_000,
      ttl: opts.cacheTtlSeconds * 1000,
    });
  }

  /** null = no credentials at all (public operations only). */
  async resolve(creds: Credentials): Promise<Principal | null> {
    const auth = creds.authorization?.trim();
    if (auth) {
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m) throw new UnauthenticatedError('unsupported authorization scheme');
      return this.verifier.verify(m[1]!);
    }
    const key = creds.apiKey?.trim();
    if (key) return this.resolveApiKey(key);
    return null;
  }

  /** Forget one key (by its SHA-256), e.g. when `tenants.api_key.revoked` arrives. */
  forgetKey(keyHash: string): void {
    this.keyCache.delete(keyHash);
  }

  private async resolveApiKey(key: string): Promise<Principal> {
    if (!this.opts.apiKeyResolverUrl) {
      throw new UnauthenticatedError('API keys are not configured on this gateway; use a bearer token');
    }
    const hash = hashApiKey(key);
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

  private async lookup(hash: string): Promise<Cached> {
    let res: Response;
    try {
      res = await fetch(new URL(RESOLVE_API_KEY_PATH, this.opts.apiKeyResolverUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CONTEXT_HEADER]: await this.opts.codec.sign(GATEWAY_SERVICE),
        },
        body: JSON.stringify({ keyHash: hash }),
        signal: AbortSignal.timeout(5_000),
      });
    } catch {
      throw new UpstreamUnavailableError('credential service unavailable');
    }
    if (res.status === 404) {
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
