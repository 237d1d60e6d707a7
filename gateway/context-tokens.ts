/**
 * The signed context tokens the gateway forwards to subgraphs, one per principal, always fresh: a token is
 * reused while three quarters of its lifetime are left (judged by its own `exp`) and re-signed from the
 * principal after that, so a forwarded token has most of its TTL left to reach a busy subgraph.
 * Subscriptions live far longer than a token (60 s by default): the entity fetches made while resolving
 * their events ask here on every fetch, so a subscription held for hours still forwards a valid token.
 * Keyed by the principal object itself (a WeakMap), so a token never crosses from one principal to another;
 * a cached API-key principal reuses its token across requests (no signing per request).
 */
import { decodeJwt } from 'jose';
import type { ContextTokenCodec } from '../core/context-token';
import type { Principal } from '../core/principal';

export class ContextTokens {
  private readonly tokens = new WeakMap<Principal, { token: string; renewAt: number }>();
  private readonly marginMs: number;

  constructor(private readonly codec: ContextTokenCodec) {
    this.marginMs = (codec.ttlSeconds * 1000 * 3) / 4;
  }

  /** A token for `principal` with at least three quarters of the TTL left. */
  async for(principal: Principal): Promise<string> {
    const now = Date.now();
    const hit = this.tokens.get(principal);
    if (hit && hit.renewAt > now) return hit.token;
    const token = await this.codec.sign(principal);
    const exp = decodeJwt(token).exp ?? 0;
    this.tokens.set(principal, { token, renewAt: exp * 1000 - this.marginMs });
    return token;
  }
}
