/**
 * The in-process webhook queue: bounded (a full queue refuses work, so the route answers 429 and GHL
 * retries later), `concurrency` workers, and jobs with the same key run one after another (two messages of
 * one contact must not open two sessions). Job failures are logged, never unhandled.
 */
import type { Logger } from '../../../core/logger';

export interface QueueJob {
  key: string;
  run: () => Promise<void>;
}

export interface BoundedQueueOptions {
  /** Jobs waiting to start; beyond this `tryPush` refuses. */
  maxSize: number;
  concurrency: number;
  logger: Logger;
}

export class BoundedQueue {
  private readonly waiting: QueueJob[] = [];
  private readonly runningKeys = new Set<string>();
  private readonly idleWaiters: (() => void)[] = [];
  private running = 0;
  private paused = false;
  private closed = false;

  constructor(private readonly opts: BoundedQueueOptions) {}

  get size(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.running;
  }

  /** Queues the job; false when the queue is full or closed. */
  tryPush(job: QueueJob): boolean {
    if (this.closed || this.waiting.length >= this.opts.maxSize) return false;
    this.waiting.push(job);
    this.pump();
    return true;
  }

  /** Stops starting jobs (maintenance, tests); queued jobs wait and still count against the bound. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  private pump(): void {
    while (!this.paused && this.running < this.opts.concurrency) {
      const i = this.waiting.findIndex((j) => !this.runningKeys.has(j.key));
      if (i < 0) break;
      const [job] = this.waiting.splice(i, 1);
      if (!job) break;
      this.start(job);
    }
    if (this.running === 0 && (this.waiting.length === 0 || this.paused)) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private start(job: QueueJob): void {
    this.running++;
    this.runningKeys.add(job.key);
    void (async () => {
      try {
        await job.run();
      } catch (err) {
        this.opts.logger.error({ err, key: job.key }, 'webhook job failed');
      } finally {
        this.running--;
        this.runningKeys.delete(job.key);
        this.pump();
      }
    })();
  }

  /** Resolves when nothing is running and nothing can start (empty, or paused). */
  idle(): Promise<void> {
    if (this.running === 0 && (this.waiting.length === 0 || this.paused)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses new jobs and finishes the queued ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.paused = false;
    this.pump();
    await this.idle();
  }
}
