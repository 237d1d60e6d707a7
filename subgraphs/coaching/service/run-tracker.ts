/**
 * Background coaching runs: every run is tracked so shutdown and tests can wait for them, and a run can
 * never become an unhandled rejection. At most `maxConcurrent` runs do their work (`slot`) at once, the
 * rest wait their turn; what a run waits for before its work (its quota) holds no slot.
 */
import type { Logger } from '../../../core/logger';

export class RunTracker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private closed = false;

  constructor(
    private readonly maxConcurrent: number,
    private readonly logger: Logger,
  ) {}

  /** Starts `fn` in the background (after the current tick). Returns false when shutting down. */
  launch(fn: () => Promise<void>): boolean {
    if (this.closed) return false;
    const p = this.run(fn).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
    return true;
  }

  private async run(fn: () => Promise<void>): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await fn();
    } catch (err) {
      this.logger.error({ err }, 'coaching run failed');
    }
  }

  /** Runs `fn` once one of the `maxConcurrent` slots is free. */
  async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  get size(): number {
    return this.inFlight.size;
  }

  /** Resolves when every run started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }
}
