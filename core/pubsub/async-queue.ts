/**
 * A push-to-pull bridge: producers `push`, one consumer iterates. Bounded: when the consumer falls more
 * than `capacity` messages behind, the oldest are dropped (and counted). `return()` ends the iteration,
 * resolves a pending `next()` with `done`, and runs the release callback once.
 */
import type { PubSubIterator } from './pubsub';

export class AsyncQueue<T> implements PubSubIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private done = false;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    readonly ready: Promise<void>,
    private readonly release: () => void,
  ) {}

  get closed(): boolean {
    return this.done;
  }

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.buffer.push(value);
    if (this.buffer.length > this.capacity) {
      this.buffer.shift();
      this.dropped++;
    }
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.buffer.length = 0;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.({ value: undefined, done: true });
      this.release();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
