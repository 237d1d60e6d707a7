/** Latency histograms: HdrHistogram, 1 ms .. 1 h at 3 significant digits, stored compressed (base64). */
import {
  build,
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  type Histogram,
} from 'hdr-histogram-js';

const MAX_MS = 3_600_000;

export function newHistogram(): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: MAX_MS,
    numberOfSignificantValueDigits: 3,
  });
}

/** Records `latencyMs` into the encoded histogram (or a new one) and returns the new encoding. */
export function recordLatency(encoded: string | null, latencyMs: number): string {
  const h = encoded ? decodeFromCompressedBase64(encoded) : newHistogram();
  h.recordValue(Math.min(MAX_MS, Math.max(1, Math.round(latencyMs))));
  return encodeIntoCompressedBase64(h);
}

/** Merges encoded histograms; null when there are none. */
export function mergeHistograms(encoded: Iterable<string | null>): Histogram | null {
  let merged: Histogram | null = null;
  for (const e of encoded) {
    if (!e) continue;
    merged ??= newHistogram();
    merged.add(decodeFromCompressedBase64(e));
  }
  return merged;
}

export function percentile(h: Histogram | null, p: number): number | null {
  return h && h.totalCount > 0 ? h.getValueAtPercentile(p) : null;
}
