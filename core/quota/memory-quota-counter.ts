/**
 * In-process quota counts (embedded mode; one per counter instance). After the seed, `take` reads and
 * increments with no await in between, so concurrent takes of one tenant are serialized by the event loop.
 */
import {
  COUNT_GRACE_MS,
  type CounterKey,
  type QuotaCounter,
  type RebuildCount,
  type Take,
} from './quota-counter';

interface Count {
  used: number;
  /** Dropped after this time (period end + grace). */
  expiresAt: number;
}

export interface MemoryQuotaCounterOptions {
  now?: () => Date;
}

export class MemoryQuotaCounter implements QuotaCounter {
  private readonly counts = new Map<string, Count>();
  private readonly seeding = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(opts: MemoryQuotaCounterOptions = {}) {
    this.now = opts.now ?? (() => new Date());
  }

  async take(key: CounterKey, limit: number, want: number, rebuild: RebuildCount): Promise<Take> {
    const k = idOf(key);
    if (!this.counts.has(k)) await this.seed(k, key, rebuild);
    const count = this.counts.get(k)!;
    const granted = Math.max(0, Math.min(want, limit - count.used));
    count.used += granted;
    return { granted, used: count.used };
  }

  async release(key: CounterKey, n: number): Promise<void> {
    const count = this.counts.get(idOf(key));
    if (count) count.used = Math.max(0, count.used - n);
  }

  async close(): Promise<void> {
    this.counts.clear();
  }

  /** One rebuild per missing count, however many takes wait for it. */
  private async seed(k: string, key: CounterKey, rebuild: RebuildCount): Promise<void> {
    let seeding = this.seeding.get(k);
    if (!seeding) {
      seeding = rebuild()
        .then((used) => {
          this.prune();
          if (!this.counts.has(k)) {
            this.counts.set(k, { used, expiresAt: new Date(key.periodEnd).getTime() + COUNT_GRACE_MS });
          }
        })
        .finally(() => this.seeding.delete(k));
      this.seeding.set(k, seeding);
    }
    await seeding;
  }

  private prune(): void {
    const now = this.now().getTime();
    for (const [k, c] of this.counts) if (c.expiresAt <= now) this.counts.delete(k);
  }
}

function idOf(key: CounterKey): string {
  return `${key.tenantId}\u0000${new Date(key.periodEnd).getTime()}`;
}
