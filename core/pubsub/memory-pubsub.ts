/** In-process pub/sub: fan-out to local iterators of the channel. Payloads go through JSON like Redis. */
import { AsyncQueue } from './async-queue';
import { DEFAULT_BUFFER_SIZE, type PubSub, type PubSubIterator, type SubscribeOptions } from './pubsub';

export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<AsyncQueue<unknown>>>();

  async publish(channel: string, payload: unknown): Promise<void> {
    const queues = this.channels.get(channel);
    if (!queues || queues.size === 0) return;
    const text = JSON.stringify(payload);
    for (const q of queues) q.push(JSON.parse(text) as unknown);
  }

  subscribe<T = unknown>(channel: string, opts: SubscribeOptions = {}): PubSubIterator<T> {
    const queues = this.channels.get(channel) ?? new Set<AsyncQueue<unknown>>();
    this.channels.set(channel, queues);
    const queue: AsyncQueue<unknown> = new AsyncQueue<unknown>(
      opts.bufferSize ?? DEFAULT_BUFFER_SIZE,
      Promise.resolve(),
      () => {
        queues.delete(queue);
        if (queues.size === 0 && this.channels.get(channel) === queues) this.channels.delete(channel);
      },
    );
    queues.add(queue);
    return queue as AsyncQueue<T>;
  }

  /** Number of live local subscribers of a channel (tests, metrics). */
  subscriberCount(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  async close(): Promise<void> {
    for (const queues of [...this.channels.values()]) for (const q of [...queues]) await q.return();
    this.channels.clear();
  }
}
