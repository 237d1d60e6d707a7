/** Chooses the pub/sub implementation: Redis when a URL is given, in-process otherwise. */
import { MemoryPubSub } from './memory-pubsub';
import { RedisPubSub } from './redis-pubsub';
import type { PubSub } from './pubsub';

export type { PubSub, PubSubIterator, SubscribeOptions } from './pubsub';
export { MemoryPubSub } from './memory-pubsub';
export { RedisPubSub, type RedisPubSubOptions } from './redis-pubsub';

export interface CreatePubSubOptions {
  redisUrl?: string;
  prefix?: string;
  onError?: (err: unknown) => void;
}

export function createPubSub(opts: CreatePubSubOptions = {}): PubSub {
  if (opts.redisUrl)
    return new RedisPubSub({ url: opts.redisUrl, prefix: opts.prefix, onError: opts.onError });
  return new MemoryPubSub();
}
