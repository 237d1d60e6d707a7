/**
 * The signed context tokens the gateway forwards to subgraphs, one per principal, always fresh: a token is
 * reused while three quarters of its lifetime are left (judged by its own `exp`) and re-signed from the
 * principal after that, so a forwarded token has most of its lifetime left to reach a busy subgraph.
 * Subscriptions live far longer than a token (60 s by default): the entity fetches made while resolving
 * their events ask here on every fetch, so a subscription held for hours still forwards a valid token.
 * Keyed by the principal object itself (a WeakMap), so a token never crosses from one principal to another;
 * a cached API-key principal reuses its token across requests (no signing per request).
 *
 * A token outlives every fetch that carries it: its lifetime is at least 4/3 of `inFlightMs` (the longest a
 * subgraph call may take: the subgraph timeout) plus a second, so even a token handed out at the end of its
 * reuse window is still valid when a fetch the gateway is still waiting for reaches its subgraph. Before, a
 * TTL shorter than that (5 s in the credential-lifetime test) expired while a loaded machine queued entity
 * fetches for up to 3.5 s, and subscribers got UNAUTHENTICATED for a credential still valid. A longer token
 * does not delay revocation: the gateway refuses a revoked key or removed member itself (credential cache,
 * subscriptions ended through the registry), and a token is only ever signed for a credential it accepted.
 */
import { decodeJwt } from 'jose';
import type { ContextTokenCodec } from '../core/context-token';
import type { Principal } from '../core/principal';

export interface ContextTokensOptions {
  /** The longest a subgraph call carrying a token may be in flight (the subgraph timeout). Default 0. */
  inFlightMs?: number;
}

/** A token's lifetime in seconds: the codec's TTL, raised so that 3/4 of it covers `inFlightMs` + 1 s. */
export function contextTokenLifetimeSeconds(ttlSeconds: number, inFlightMs = 0): number {
  const floor = inFlightMs > 0 ? Math.ceil(((inFlightMs + 1_000) * 4) / 3 / 1_000) : 0;
  return Math.max(ttlSeconds, floor);
}

export class ContextTokens {
  private readonly tokens = new WeakMap<Principal, { token: string; renewAt: number }>();
  private readonly marginMs: number;
  /** Seconds each token is signed for. */
  readonly lifetimeSeconds: number;

  constructor(
    private readonly codec: ContextTokenCodec,
    opts: ContextTokensOptions = {},
  ) {
    this.lifetimeSeconds = contextTokenLifetimeSeconds(codec.ttlSeconds, opts.inFlightMs);
    this.marginMs = (this.lifetimeSeconds * 1000 * 3) / 4;
  }

  /** A token for `principal` with at least three quarters of its lifetime left. */
  async for(principal: Principal): Promise<string> {
    const now = Date.now();
    const hit = this.tokens.get(principal);
    if (hit && hit.renewAt > now) return hit.token;
    const token = await this.codec.sign(principal, this.lifetimeSeconds);
    const exp = decodeJwt(token).exp ?? 0;
    this.tokens.set(principal, { token, renewAt: exp * 1000 - this.marginMs });
    return token;
  }
}
