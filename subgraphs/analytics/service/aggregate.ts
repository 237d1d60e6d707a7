/**
 * Aggregation of hour buckets into metrics and time series (HOUR, DAY, WEEK; UTC, weeks start Monday).
 * Percentiles come from the merged histograms of the covered buckets.
 */
import type { HourBucket } from '../entities/hour-bucket';
import { mergeHistograms, percentile } from '../projections/histogram';
import { Granularity } from '../../../core/vocabulary';

export interface MetricsValues {
  hintsDelivered: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  cacheHitRate: number | null;
  acceptanceRate: number | null;
  feedbackCount: number;
  qualificationCompletion: number | null;
  qualifiedSessions: number;
  dealsWon: number;
}

export interface PointValues extends MetricsValues {
  start: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function periodStart(hour: Date, g: Granularity): Date {
  const t = hour.getTime();
  switch (g) {
    case Granularity.HOUR:
      return new Date(Math.floor(t / HOUR_MS) * HOUR_MS);
    case Granularity.DAY:
      return new Date(Math.floor(t / DAY_MS) * DAY_MS);
    case Granularity.WEEK: {
      const day = new Date(Math.floor(t / DAY_MS) * DAY_MS);
      const sinceMonday = (day.getUTCDay() + 6) % 7;
      return new Date(day.getTime() - sinceMonday * DAY_MS);
    }
  }
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export function summarize(buckets: readonly HourBucket[]): MetricsValues {
  const m = {
    hints: 0,
    tokensIn: 0,
    tokensOut: 0,
    cost: 0,
    cache: 0,
    acc: 0,
    dis: 0,
    qs: 0,
    qsum: 0,
    won: 0,
  };
  for (const b of buckets) {
    m.hints += b.hintsDelivered;
    m.tokensIn += b.tokensIn;
    m.tokensOut += b.tokensOut;
    m.cost += b.costMicros;
    m.cache += b.cacheHits;
    m.acc += b.accepted;
    m.dis += b.dismissed;
    m.qs += b.qualSessions;
    m.qsum += b.qualScoreSum;
    m.won += b.dealsWon;
  }
  const h = mergeHistograms(buckets.map((b) => b.latencyHistogram));
  return {
    hintsDelivered: m.hints,
    latencyP50Ms: percentile(h, 50),
    latencyP95Ms: percentile(h, 95),
    tokensIn: m.tokensIn,
    tokensOut: m.tokensOut,
    costMicros: m.cost,
    cacheHitRate: ratio(m.cache, m.hints),
    acceptanceRate: ratio(m.acc, m.acc + m.dis),
    feedbackCount: m.acc + m.dis,
    qualificationCompletion: ratio(m.qsum, m.qs * 100),
    qualifiedSessions: m.qs,
    dealsWon: m.won,
  };
}

/** Points for periods with data, in time order. */
export function timeSeries(buckets: readonly HourBucket[], g: Granularity): PointValues[] {
  const groups = new Map<number, HourBucket[]>();
  for (const b of buckets) {
    const key = periodStart(b.hourStart, g).getTime();
    const list = groups.get(key);
    if (list) list.push(b);
    else groups.set(key, [b]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, list]) => ({ start: new Date(start), ...summarize(list) }));
}
