/**
 * What counts against the gateway in a fuzz run, and the tally: a 5xx, a masked error ("Unexpected
 * error." / INTERNAL_SERVER_ERROR) in any answer or WebSocket message, a request left hanging, and over
 * WebSocket a close with 4500, 1011 (internal error) or 1006 (dropped without a close frame). Everything
 * else is a client mistake answered as one, counted in the histogram by status or close code.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { HttpOutcome } from './http-send';
import type { WsOutcome } from './ws-send';

/** A masked error in a GraphQL answer (JSON, SSE or a WebSocket message); the portal's pages name the code too. */
const MASKED = /"message":\s*"Unexpected error\."|"code":\s*"INTERNAL_SERVER_ERROR"/;
const WS_FAILURES = new Set(['server 4500', 'server 1011', 'server 1006']);

export class FuzzTally {
  readonly histogram = new Map<string, number>();
  readonly failures: { input: string; outcome: string }[] = [];
  inputs = 0;

  private count(bucket: string): void {
    this.histogram.set(bucket, (this.histogram.get(bucket) ?? 0) + 1);
  }

  http(input: unknown, outcome: HttpOutcome): void {
    this.inputs++;
    const bucket = outcome.clientError
      ? `client: ${outcome.clientError.split(':')[0]}`
      : `HTTP ${outcome.status || 'closed'}`;
    this.count(bucket);
    const hung = outcome.clientError?.includes('within') || outcome.clientError?.includes('open after');
    if (outcome.status >= 500 || MASKED.test(outcome.body) || hung)
      this.fail(input, `${bucket} ${outcome.body.slice(0, 300)}`);
  }

  ws(input: unknown, outcome: WsOutcome): void {
    this.inputs++;
    this.count(`WS close ${outcome.close}`);
    const masked = outcome.messages.find((m) => MASKED.test(m));
    const httpStatus = /^http (\d+)/.exec(outcome.close)?.[1];
    if (WS_FAILURES.has(outcome.close) || masked || Number(httpStatus) >= 500)
      this.fail(input, `${outcome.close} ${masked?.slice(0, 300) ?? ''}`);
  }

  private fail(input: unknown, outcome: string): void {
    if (this.failures.length < 20)
      this.failures.push({ input: JSON.stringify(input).slice(0, 600), outcome });
  }

  /** The histogram as `bucket: n` lines, most frequent first. */
  table(): string {
    return [...this.histogram.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([bucket, n]) => `  ${bucket.padEnd(28)} ${n}`)
      .join('\n');
  }
}

/** Runs `run` over `items` with at most `concurrency` in flight. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Resident set size and live heap after a full garbage collection, in MB. */
export function memoryAfterGc(): { rssMb: number; heapMb: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / 2 ** 20), heapMb: Math.round(m.heapUsed / 2 ** 20) };
}
