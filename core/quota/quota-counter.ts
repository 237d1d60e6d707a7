/**
 * The fast, atomic count of what a tenant spent in a period. `take` grants at most what is left — the
 * check and the increment are one step, so any number of requests of one tenant in flight together never
 * take more than the limit — and `release` gives back what a grant did not use. Each (tenant, period) has
 * its own count. A count that does not exist yet (first use in this process, a Redis restart) is seeded
 * once from `rebuild`, the spending subgraph's own record of what it spent in the period.
 */
export interface CounterKey {
  tenantId: string;
  /** The period's end (ISO): the count is the period's, and expires after it. */
  periodEnd: string;
}

/** What was spent in the period, from the caller's own records (seeds a missing count). */
export type RebuildCount = () => Promise<number>;

export interface Take {
  /** Units granted: min(want, limit - used); 0 when the period's allowance is spent. */
  granted: number;
  /** The count after this take. */
  used: number;
}

export interface QuotaCounter {
  take(key: CounterKey, limit: number, want: number, rebuild: RebuildCount): Promise<Take>;
  /** Gives back `n` units taken for the period and not used (never below zero). */
  release(key: CounterKey, n: number): Promise<void>;
  close(): Promise<void>;
}

/** Counts are kept this long after their period ends (late releases still find them). */
export const COUNT_GRACE_MS = 24 * 3600 * 1000;
