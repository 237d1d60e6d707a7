/**
 * When a subject's access tokens were revoked (its member removed), per tenant. Access tokens are verified
 * locally, so this is the one question the gateway asks the credential service about them: answers are
 * cached for the credential cache's TTL (positive and negative), and a `tenants.member.removed` event
 * records the revocation here at once, so it holds on every gateway within the event's delivery time —
 * never later than the TTL. The deny state itself lives in the tenants subgraph and outlasts a restart.
 */
import { LRUCache } from 'lru-cache';

/** Asks the credential service; epoch ms or null. Throws when the service is unreachable. */
export type RevokedAtLookup = (tenantId: string, subject: string) => Promise<number | null>;

export interface SubjectRevocationsOptions {
  /** Absent: only revocations learnt from events are known (no credential service configured). */
  lookup?: RevokedAtLookup;
  ttlMs: number;
  max?: number;
}

const keyOf = (tenantId: string, subject: string) => JSON.stringify([tenantId, subject]);
function later(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null) return b ?? null;
  return b == null ? a : Math.max(a, b);
}

export class SubjectRevocations {
  /** Answers of the credential service, for the TTL. */
  private readonly looked: LRUCache<string, { revokedAt: number | null }>;
  /** Revocations learnt from events: kept apart, so a lookup that raced the removal cannot undo one. */
  private readonly recorded: LRUCache<string, number>;
  private readonly inflight = new Map<string, Promise<number | null>>();

  constructor(private readonly opts: SubjectRevocationsOptions) {
    this.looked = new LRUCache({ max: opts.max ?? 10_000, ttl: opts.ttlMs });
    this.recorded = new LRUCache({ max: opts.max ?? 10_000 });
  }

  /** When the subject's tokens were last revoked (epoch ms), or null. */
  async revokedAt(tenantId: string, subject: string): Promise<number | null> {
    const key = keyOf(tenantId, subject);
    return later(this.recorded.get(key), await this.lookedUp(key, tenantId, subject));
  }

  /** A revocation learnt from an event. */
  record(tenantId: string, subject: string, revokedAt: number): void {
    const key = keyOf(tenantId, subject);
    this.recorded.set(key, Math.max(this.recorded.get(key) ?? revokedAt, revokedAt));
  }

  private async lookedUp(key: string, tenantId: string, subject: string): Promise<number | null> {
    const lookup = this.opts.lookup;
    if (!lookup) return null;
    const hit = this.looked.get(key);
    if (hit) return hit.revokedAt;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = lookup(tenantId, subject)
        .then((revokedAt) => {
          this.looked.set(key, { revokedAt });
          return revokedAt;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
