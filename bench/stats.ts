/** Latency histograms (HdrHistogram, microsecond resolution) and the summaries the workers report. */
import * as hdr from 'hdr-histogram-js';

export interface LatencySummary {
  count: number;
  /** Milliseconds. */
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const EMPTY_SUMMARY: LatencySummary = { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };

/** Records durations in microseconds (1 µs … 10 min, 3 significant digits). */
export class LatencyRecorder {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  /** Records a duration given in milliseconds (e.g. a `performance.now()` difference). */
  recordMs(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  summary(): LatencySummary {
    const h = this.histogram;
    if (h.totalCount === 0) return { ...EMPTY_SUMMARY };
    const ms = (us: number) => us / 1000;
    return {
      count: h.totalCount,
      mean: ms(h.mean),
      p50: ms(h.getValueAtPercentile(50)),
      p95: ms(h.getValueAtPercentile(95)),
      p99: ms(h.getValueAtPercentile(99)),
      max: ms(h.maxValue),
    };
  }
}

/** CPU time a process spent between two samples, as a share of one core and per unit of work. */
export interface CpuSample {
  userMs: number;
  systemMs: number;
  wallMs: number;
}

export function cpuSince(start: NodeJS.CpuUsage, startWall: number): CpuSample {
  const d = process.cpuUsage(start);
  return { userMs: d.user / 1000, systemMs: d.system / 1000, wallMs: performance.now() - startWall };
}

export function addCpu(a: CpuSample | undefined, b: CpuSample): CpuSample {
  if (!a) return { ...b };
  return { userMs: a.userMs + b.userMs, systemMs: a.systemMs + b.systemMs, wallMs: a.wallMs + b.wallMs };
}

/** Share of one core, in percent (can exceed 100 with GC and libuv threads). */
export function cpuPercent(c: CpuSample | undefined): number {
  if (!c || c.wallMs <= 0) return 0;
  return ((c.userMs + c.systemMs) / c.wallMs) * 100;
}

/** Deterministic PRNG (mulberry32), so every run sends the same varied workload. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], rand: () => number): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
