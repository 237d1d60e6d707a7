/**
 * The open subscriptions of this gateway instance by the credential that opened them, so a credential's
 * end ends them: an API key revoked or a member removed (`tenants.api_key.revoked`,
 * `tenants.member.removed`, delivered to every gateway) → graphql-ws close 4403; a bearer token reaching
 * its `exp` → 4401. How a subscription is ended (closing its socket, or an error then complete for one
 * without a socket) is the caller's `end`.
 */
import { isRevokedToken } from '../core/access-token';
import type { Principal } from '../core/principal';

/** graphql-ws close codes (the ones graphql-ws itself uses for the same situations). */
export const WS_CLOSE_UNAUTHORIZED = 4401;
export const WS_CLOSE_FORBIDDEN = 4403;

/** setTimeout's largest delay; a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TrackedSubscription {
  principal: Principal;
  /** The bearer token's `iat` / `exp` in epoch ms; null for an API key. */
  issuedAt: number | null;
  expiresAt: number | null;
  /** Ends the subscription; called at most once. */
  end(code: number, reason: string): void;
}

interface Entry extends TrackedSubscription {
  timer?: NodeJS.Timeout;
  ended: boolean;
}

/** Who a credential is: one API key, or one subject (member) of one tenant. */
function credentialKey(p: Principal): string {
  return p.apiKeyId ? JSON.stringify(['key', p.apiKeyId]) : JSON.stringify(['sub', p.tenantId, p.subject]);
}

export class SubscriptionRegistry {
  private readonly byCredential = new Map<string, Set<Entry>>();

  /** Tracks a subscription until the returned function is called (when it finishes). */
  add(sub: TrackedSubscription): () => void {
    const entry: Entry = { ...sub, ended: false };
    const key = credentialKey(sub.principal);
    let set = this.byCredential.get(key);
    if (!set) this.byCredential.set(key, (set = new Set()));
    set.add(entry);
    this.armExpiry(entry);
    return () => this.remove(key, entry);
  }

  /** Ends every subscription opened with the API key; returns how many. */
  endApiKey(apiKeyId: string, reason = 'API key revoked'): number {
    return this.endWhere(JSON.stringify(['key', apiKeyId]), () => true, WS_CLOSE_FORBIDDEN, reason);
  }

  /** Ends the subject's subscriptions opened with tokens issued until `revokedAt`; returns how many. */
  endSubject(tenantId: string, subject: string, revokedAt: number, reason = 'member removed'): number {
    const key = JSON.stringify(['sub', tenantId, subject]);
    return this.endWhere(key, (e) => isRevokedToken(e.issuedAt, revokedAt), WS_CLOSE_FORBIDDEN, reason);
  }

  /** Open subscriptions tracked. */
  get size(): number {
    let n = 0;
    for (const set of this.byCredential.values()) n += set.size;
    return n;
  }

  /** Stops the expiry timers (gateway shutdown). */
  close(): void {
    for (const set of this.byCredential.values()) for (const e of set) clearTimeout(e.timer);
    this.byCredential.clear();
  }

  private endWhere(key: string, match: (e: Entry) => boolean, code: number, reason: string): number {
    const set = this.byCredential.get(key);
    if (!set) return 0;
    const ending = [...set].filter(match);
    for (const e of ending) this.endEntry(key, e, code, reason);
    return ending.length;
  }

  private armExpiry(entry: Entry): void {
    if (entry.expiresAt === null) return;
    const key = credentialKey(entry.principal);
    const delay = entry.expiresAt - Date.now();
    if (delay <= 0) {
      this.endEntry(key, entry, WS_CLOSE_UNAUTHORIZED, 'access token expired');
      return;
    }
    entry.timer = setTimeout(() => this.armExpiry(entry), Math.min(delay, MAX_TIMER_MS));
    entry.timer.unref();
  }

  private endEntry(key: string, entry: Entry, code: number, reason: string): void {
    if (entry.ended) return;
    entry.ended = true;
    this.remove(key, entry);
    entry.end(code, reason);
  }

  private remove(key: string, entry: Entry): void {
    clearTimeout(entry.timer);
    const set = this.byCredential.get(key);
    if (!set) return;
    set.delete(entry);
    if (set.size === 0) this.byCredential.delete(key);
  }
}
