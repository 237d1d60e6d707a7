/**
 * Chooses the event bus from options: Redis Streams when a Redis URL is given, else in-process.
 */
import type { EventBus } from './event-bus';
import { MemoryEventBus } from './memory-event-bus';
import { RedisStreamsEventBus, type RedisStreamsEventBusOptions } from './redis-streams-event-bus';
import type { Logger } from '../logger';

export interface CreateEventBusOptions extends Omit<RedisStreamsEventBusOptions, 'url' | 'redis'> {
  redisUrl?: string;
  logger?: Logger;
}

export function createEventBus(opts: CreateEventBusOptions): EventBus {
  const { redisUrl, ...rest } = opts;
  if (redisUrl) return new RedisStreamsEventBus({ ...rest, url: redisUrl });
  return new MemoryEventBus(opts.logger);
}
