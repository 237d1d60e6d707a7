/**
 * In-process quota counters (embedded mode). Gates created without a store share one process-wide
 * store, so billing (which sets limits) and coaching (which checks and consumes) in the same process
 * see the same numbers.
 */
import {
  currentPeriod,
  statusOf,
  type ConsumeOptions,
  type QuotaGate,
  type QuotaLimit,
  type QuotaSource,
  type QuotaStatus,
} from './quota-gate';

interface Entry {
  limit: QuotaLimit;
  used: number;
  /** Idempotency keys counted this period (bounded: the most recent KEEP_KEYS). */
  keys: Set<string>;
}

const KEEP_KEYS = 100_000;

export class MemoryQuotaStore {
  readonly entries = new Map<string, Entry>();
  source: QuotaSource | undefined;
}

const shared = new MemoryQuotaStore();

export interface MemoryQuotaGateOptions {
  store?: MemoryQuotaStore;
  now?: () => Date;
}

export class MemoryQuotaGate implements QuotaGate {
  private readonly store: MemoryQuotaStore;
  private readonly now: () => Date;

  constructor(opts: MemoryQuotaGateOptions = {}) {
    this.store = opts.store ?? shared;
    this.now = opts.now ?? (() => new Date());
  }

  private readonly loading = new Map<string, Promise<Entry | undefined>>();

  /**
   * The tenant's entry, loaded from the source on a miss. Concurrent misses share one load; only the
   * caller that started it is told `rebuilt` (its own usage is in the ledger it read), the others count.
   */
  private async entry(tenantId: string): Promise<{ e: Entry; rebuilt: boolean } | undefined> {
    let e = this.store.entries.get(tenantId);
    let rebuilt = false;
    if (!e && this.store.source) {
      const inflight = this.loading.get(tenantId);
      if (inflight) {
        e = await inflight;
      } else {
        const source = this.store.source;
        const load = source.load(tenantId).then((loaded) => {
          const existing = this.store.entries.get(tenantId);
          if (existing || !loaded) return existing;
          const created: Entry = {
            limit: { limit: loaded.limit, periodStart: loaded.periodStart, periodEnd: loaded.periodEnd },
            used: loaded.used,
            keys: new Set(),
          };
          this.store.entries.set(tenantId, created);
          rebuilt = true;
          return created;
        });
        this.loading.set(tenantId, load);
        try {
          e = await load;
        } finally {
          this.loading.delete(tenantId);
        }
      }
    }
    if (!e) return undefined;
    const period = currentPeriod(e.limit, this.now());
    if (period.periodEnd !== e.limit.periodEnd) {
      e.limit = period;
      e.used = 0;
      e.keys.clear();
    }
    return { e, rebuilt };
  }

  async check(tenantId: string): Promise<QuotaStatus> {
    const r = await this.entry(tenantId);
    return statusOf(r?.e.used ?? 0, r?.e.limit ?? null);
  }

  /** A counter just rebuilt from the ledger already includes this usage (see RedisQuotaGate.consume). */
  async consume(tenantId: string, n: number, opts: ConsumeOptions = {}): Promise<QuotaStatus> {
    const r = await this.entry(tenantId);
    if (!r) return statusOf(0, null);
    const key = opts.idempotencyKey;
    if (key !== undefined) {
      if (r.e.keys.has(key)) return statusOf(r.e.used, r.e.limit);
      r.e.keys.add(key);
      if (r.e.keys.size > KEEP_KEYS) r.e.keys.delete(r.e.keys.values().next().value as string);
    }
    if (!r.rebuilt) r.e.used += n;
    return statusOf(r.e.used, r.e.limit);
  }

  async setLimit(tenantId: string, limit: QuotaLimit, used?: number): Promise<void> {
    const e = this.store.entries.get(tenantId);
    const samePeriod = e?.limit.periodEnd === limit.periodEnd;
    this.store.entries.set(tenantId, {
      limit: { ...limit },
      used: used ?? (samePeriod ? e!.used : 0),
      keys: samePeriod ? e!.keys : new Set(),
    });
  }

  setSource(source: QuotaSource | undefined): void {
    this.store.source = source;
  }

  async close(): Promise<void> {}
}
