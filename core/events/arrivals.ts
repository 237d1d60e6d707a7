/**
 * Read-your-writes across subgraphs: a read model fed by another subgraph's events lags its source by
 * the time the event takes to arrive. A caller that did everything in order (created a session, then used
 * it at once) must not be told NOT_FOUND meanwhile. `Arrivals.await` looks a row up and, while it is
 * absent, waits — bounded — for the consumer to apply an event about that (kind, tenant, id): the consumer
 * calls `notify` after its transaction committed, which wakes the waiters in this process at once. In
 * case the event was applied by another instance of the subgraph (one consumer-group member gets each
 * event), the lookup is also re-run every `recheckMs`. After `timeoutMs` the answer is null — a
 * genuinely unknown id, or another tenant's (the lookup is tenant-scoped and the key holds the tenant),
 * looks exactly like a missing one.
 */
import { metrics } from '../metrics';

export interface ArrivalKey {
  /** What the id names, e.g. `session` or `agent`. */
  kind: string;
  tenantId: string;
  id: string;
}

export interface ArrivalsOptions {
  /** How long `await` waits for a row that is not there yet. 0 = never wait. */
  timeoutMs: number;
  /** Re-run the lookup at least this often while waiting. Default 250 ms. */
  recheckMs?: number;
}

interface Signal {
  promise: Promise<void>;
  wake(): void;
  waiters: number;
}

function keyOf(k: ArrivalKey): string {
  return `${k.kind}\u0000${k.tenantId}\u0000${k.id}`;
}

export class Arrivals {
  private readonly signals = new Map<string, Signal>();
  readonly timeoutMs: number;
  private readonly recheckMs: number;

  constructor(opts: ArrivalsOptions) {
    this.timeoutMs = Math.max(0, opts.timeoutMs);
    this.recheckMs = Math.max(1, opts.recheckMs ?? 250);
  }

  /** Wakes whoever waits for `key`. Call after the change committed (a woken reader looks again). */
  notify(key: ArrivalKey): void {
    const k = keyOf(key);
    const signal = this.signals.get(k);
    if (!signal) return;
    this.signals.delete(k);
    signal.wake();
  }

  /** Readers waiting right now (tests, metrics). */
  get waiting(): number {
    let n = 0;
    for (const s of this.signals.values()) n += s.waiters;
    return n;
  }

  /**
   * `find()`, and while it answers null, `find()` again each time `key` is notified (or every
   * `recheckMs`), for at most `timeoutMs`. Null when the row never appeared.
   */
  async await<T>(
    key: ArrivalKey,
    find: () => Promise<T | null>,
    timeoutMs = this.timeoutMs,
  ): Promise<T | null> {
    const k = keyOf(key);
    const started = Date.now();
    const deadline = started + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      // Listen before looking: a notification between the lookup and the wait is not lost.
      const signal = this.listen(k);
      try {
        const row = await find();
        if (row !== null || Date.now() >= deadline) {
          if (attempt > 0) this.observe(key, started, row !== null);
          return row;
        }
        await wait(signal.promise, Math.min(deadline - Date.now(), this.recheckMs));
      } finally {
        this.unlisten(k, signal);
      }
    }
  }

  private observe(key: ArrivalKey, started: number, found: boolean): void {
    metrics.readModelWait.observe(
      { kind: key.kind, outcome: found ? 'found' : 'missing' },
      (Date.now() - started) / 1000,
    );
  }

  private listen(k: string): Signal {
    let signal = this.signals.get(k);
    if (!signal) {
      let wake!: () => void;
      const promise = new Promise<void>((resolve) => (wake = resolve));
      signal = { promise, wake, waiters: 0 };
      this.signals.set(k, signal);
    }
    signal.waiters++;
    return signal;
  }

  private unlisten(k: string, signal: Signal): void {
    signal.waiters--;
    if (signal.waiters === 0 && this.signals.get(k) === signal) this.signals.delete(k);
  }
}

function wait(signal: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([signal, timeout]).finally(() => clearTimeout(timer));
}
