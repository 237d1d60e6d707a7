/**
 * Drives the webhook inbox: up to `concurrency` lanes each claim and process one delivery at a time until
 * none is processable. A lane starts when the receiver pokes (a delivery was just committed), on every
 * poll tick (deliveries accepted by other instances, retries whose back-off ended) and at start (what a
 * previous process left PENDING). `close()` stops claiming and waits for the deliveries in flight, so a
 * shutdown never abandons a half-processed delivery (and a crash rolls it back: see ghl-inbox.ts).
 */
import type { Logger } from '../../../core/logger';

export interface InboxWorkerOptions {
  /** Deliveries processed at once; 0 = none (a receive-only instance: other instances process the inbox). */
  concurrency: number;
  pollIntervalMs: number;
  /** Claims and processes one delivery; false when none was processable. */
  processOne: () => Promise<boolean>;
  /** Housekeeping run at start and every `pruneIntervalMs` (old processed rows). */
  prune?: () => Promise<void>;
  pruneIntervalMs?: number;
  logger: Logger;
}

export class InboxWorker {
  private lanes = 0;
  /** Side tasks (a waiting delivery's wake-up) `idle()` waits for; `close()` tells them to stop. */
  private tasks = 0;
  private stopping!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stopping = resolve));
  /** Bumped by every poke; `settled` is the newest poke after which a lane found nothing to do. */
  private gen = 0;
  private settled = 0;
  private paused = false;
  private closed = false;
  private timers: NodeJS.Timeout[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: InboxWorkerOptions) {}

  /** Starts polling and resumes what is pending. Idempotent. */
  start(): void {
    if (this.timers.length || this.closed) return;
    this.timers.push(setInterval(() => this.poke(), this.opts.pollIntervalMs));
    if (this.opts.prune) {
      const prune = () =>
        void this.opts.prune!().catch((err: unknown) =>
          this.opts.logger.warn({ err }, 'pruning the webhook inbox failed'),
        );
      this.timers.push(setInterval(prune, this.opts.pruneIntervalMs ?? 600_000));
      prune();
    }
    for (const t of this.timers) t.unref();
    this.poke();
  }

  /** Work may be waiting (a delivery was committed). */
  poke(): void {
    this.gen++;
    this.pump();
  }

  /** Stops claiming (the deliveries in flight finish); accepted deliveries wait, PENDING. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.poke();
  }

  get active(): number {
    return this.lanes;
  }

  /** Claiming now: not paused, not closed, and not a receive-only instance (concurrency 0). */
  private get running(): boolean {
    return !this.paused && !this.closed && this.opts.concurrency > 0;
  }

  private pump(): void {
    while (this.running && this.lanes < this.opts.concurrency && this.gen !== this.settled) {
      this.lanes++;
      void this.lane();
    }
    this.notifyIdle();
  }

  private async lane(): Promise<void> {
    try {
      while (this.running) {
        const gen = this.gen;
        let processed = false;
        try {
          processed = await this.opts.processOne();
        } catch (err) {
          // the database is unreachable or similar: wait for the next poke instead of spinning
          this.opts.logger.error({ err }, 'webhook inbox: claiming a delivery failed');
        }
        if (processed) continue;
        if (gen > this.settled) this.settled = gen;
        if (this.gen === gen) break;
      }
    } finally {
      this.lanes--;
      this.pump();
    }
  }

  /**
   * Runs `task` beside the lanes (it does not hold one): `idle()` waits for it, and `stopped` resolves when
   * the worker closes (the task should give up then; what it was about stays PENDING in the inbox).
   */
  track(task: (stopped: Promise<void>) => Promise<void>): void {
    this.tasks++;
    void task(this.stopped)
      .catch((err: unknown) => this.opts.logger.warn({ err }, 'webhook inbox: a side task failed'))
      .finally(() => {
        this.tasks--;
        this.notifyIdle();
      });
  }

  private isIdle(): boolean {
    return this.lanes === 0 && this.tasks === 0 && (!this.running || this.gen === this.settled);
  }

  private notifyIdle(): void {
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves when no lane runs and nothing poked since the last empty claim (or when paused/closed). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops claiming and waits for the deliveries in flight (drain). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopping();
    for (const t of this.timers.splice(0)) clearInterval(t);
    await this.idle();
  }
}
