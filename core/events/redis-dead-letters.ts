/**
 * The Redis Streams bus's dead letters (`<prefix>:dead-letter`, written by redis-streams-event-bus.ts with
 * the fields of the in-process bus's dead letters: group, attempts, last error, the event), read and
 * redelivered. Redelivery adds the event back to its own stream and deletes the dead letter: every group of
 * that stream sees it again, and those that had applied it skip it (consumers are idempotent on the event
 * id: processed_event), as with the in-process bus's redelivery through the outbox.
 */
import type Redis from 'ioredis';
import type { EventEnvelope } from '../vocabulary';
import { fieldValue, parseEvent } from './redis-streams-event-bus';

export interface RedisDeadLetter {
  /** The dead-letter stream entry's id (logged when it was written). */
  id: string;
  stream: string;
  group: string;
  attempts: number;
  lastError: string;
  /** Absent for an entry whose event could not be read (malformed): it cannot be redelivered. */
  event?: EventEnvelope;
}

function toDeadLetter(id: string, fields: string[]): RedisDeadLetter {
  const event = parseEvent(fields);
  return {
    id,
    stream: fieldValue(fields, 'stream') ?? '',
    group: fieldValue(fields, 'group') ?? '',
    attempts: Number(fieldValue(fields, 'attempts') ?? 0),
    lastError: fieldValue(fields, 'lastError') ?? fieldValue(fields, 'reason') ?? '',
    event,
  };
}

/** Every dead letter in `key`, oldest first. */
export async function listRedisDeadLetters(redis: Redis, key: string): Promise<RedisDeadLetter[]> {
  const entries = (await redis.xrange(key, '-', '+')) as [string, string[]][];
  return entries.map(([id, fields]) => toDeadLetter(id, fields));
}

/** Adds each dead letter's event back to its stream and deletes it from `key`; resolves with the ids done. */
export async function redeliverRedisDeadLetters(opts: {
  redis: Redis;
  key: string;
  ids?: readonly string[];
}): Promise<string[]> {
  const wanted = opts.ids ? new Set(opts.ids) : null;
  const done: string[] = [];
  for (const letter of await listRedisDeadLetters(opts.redis, opts.key)) {
    if ((wanted && !wanted.has(letter.id)) || !letter.event || !letter.stream) continue;
    await opts.redis.xadd(letter.stream, '*', 'id', letter.event.id, 'event', JSON.stringify(letter.event));
    await opts.redis.xdel(opts.key, letter.id);
    done.push(letter.id);
  }
  return done;
}
