/**
 * Redis Streams event bus: one stream per event type (`<prefix>:<type>`), one consumer group per
 * `subscribe(group, …)`. A consumer reads with XREADGROUP, acks with XACK after its handler succeeded,
 * and before every read reclaims entries another (dead) consumer of its group read but never acked,
 * with XAUTOCLAIM after `claimIdleMs`. A failed handler leaves its entry pending, so it is retried by
 * the same reclaim path; after `maxDeliveries` it is copied to `<prefix>:dead-letter` and acked.
 * Delivery is at least once: consumers must be idempotent on `event.id` (core/outbox processed events).
 * A consumer handles up to `concurrency` entries of what it read at once (each acked on its own): one slow
 * handler, or a burst of events, must not queue every other event of the group behind it — a request may
 * be waiting for one of them (read-your-writes). Like the members of a group, concurrent handlers see
 * events out of order; consumers already tolerate that (newest-event-wins read models, idempotent sums).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import Redis from 'ioredis';
import type { EventEnvelope, EventType } from '../vocabulary';
import type { EventBus, EventHandler } from './event-bus';
import type { Logger } from '../logger';

export interface RedisStreamsEventBusOptions {
  /** Redis URL: the bus opens and closes its own connections. */
  url?: string;
  /** Or a client whose options the bus duplicates (one of `url`, `redis` is required). */
  redis?: Redis;
  /** Stream key prefix; one stream per event type. Default `events`. */
  prefix?: string;
  /** This process's consumer name within every group. Default host-pid-random. */
  consumer?: string;
  /** Pending entries idle this long are reclaimed from their (presumed dead) consumer. Default 30 s. */
  claimIdleMs?: number;
  /** XREADGROUP BLOCK timeout; also the reclaim cadence when idle. Default 1 s. */
  blockMs?: number;
  /** Entries per read. Default 50. */
  batchSize?: number;
  /** Entries one consumer handles at once, per subscription. Default 16. */
  concurrency?: number;
  /** Deliveries before an entry goes to the dead-letter stream. Default 5. */
  maxDeliveries?: number;
  /** Approximate MAXLEN per stream. Default 1,000,000. */
  maxLen?: number;
  /** New groups read from the start of the stream ('0', default) or only new entries ('$'). */
  startFrom?: '0' | '$';
  /** How long close() waits for an in-flight handler before dropping it (it stays pending). Default 5 s. */
  shutdownTimeoutMs?: number;
  logger?: Logger;
}

type StreamEntry = [id: string, fields: string[]];
type ReadReply = [stream: string, entries: StreamEntry[]][] | null;
type AutoClaimReply = [next: string, entries: (StreamEntry | null)[], deleted?: string[]];

interface Subscription {
  group: string;
  streams: string[];
  handler: EventHandler;
  conn: Redis;
  loop?: Promise<void>;
  inFlight: Set<Promise<void>>;
}

const FIELD = 'event';

export class RedisStreamsEventBus implements EventBus {
  private readonly writer: Redis;
  private readonly subs: Subscription[] = [];
  private readonly prefix: string;
  readonly consumer: string;
  private readonly o: Required<
    Omit<RedisStreamsEventBusOptions, 'url' | 'redis' | 'logger' | 'prefix' | 'consumer'>
  >;
  private stopped = false;

  constructor(private readonly opts: RedisStreamsEventBusOptions) {
    this.writer = this.connect();
    this.prefix = opts.prefix ?? 'events';
    this.consumer = opts.consumer ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.o = {
      claimIdleMs: opts.claimIdleMs ?? 30_000,
      blockMs: opts.blockMs ?? 1_000,
      batchSize: opts.batchSize ?? 50,
      concurrency: Math.max(1, opts.concurrency ?? 16),
      maxDeliveries: opts.maxDeliveries ?? 5,
      maxLen: opts.maxLen ?? 1_000_000,
      startFrom: opts.startFrom ?? '0',
      shutdownTimeoutMs: opts.shutdownTimeoutMs ?? 5_000,
    };
  }

  streamKey(type: EventType): string {
    return `${this.prefix}:${type}`;
  }

  get deadLetterKey(): string {
    return `${this.prefix}:dead-letter`;
  }

  private connect(): Redis {
    const { url, redis } = this.opts;
    if (!url && !redis) throw new Error('RedisStreamsEventBus needs url or redis');
    const conn = redis ? redis.duplicate() : new Redis(url!, { maxRetriesPerRequest: null });
    conn.on('error', (err: Error) => this.opts.logger?.warn({ err }, 'redis event bus connection error'));
    return conn;
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.writer.xadd(
      this.streamKey(event.type),
      'MAXLEN',
      '~',
      String(this.o.maxLen),
      '*',
      'id',
      event.id,
      FIELD,
      JSON.stringify(event),
    );
  }

  async subscribe(group: string, types: EventType[], handler: EventHandler): Promise<void> {
    const streams = [...new Set(types)].map((t) => this.streamKey(t));
    for (const stream of streams) {
      try {
        await this.writer.xgroup('CREATE', stream, group, this.o.startFrom, 'MKSTREAM');
      } catch (err) {
        if (!(err instanceof Error) || !err.message.includes('BUSYGROUP')) throw err;
      }
    }
    const sub: Subscription = { group, streams, handler, conn: this.connect(), inFlight: new Set() };
    sub.loop = this.run(sub);
    this.subs.push(sub);
  }

  private async run(sub: Subscription): Promise<void> {
    while (!this.stopped) {
      try {
        await this.reclaim(sub);
        if (this.stopped) return;
        const reply = (await sub.conn.xreadgroup(
          'GROUP',
          sub.group,
          this.consumer,
          'COUNT',
          this.o.batchSize,
          'BLOCK',
          this.o.blockMs,
          'STREAMS',
          ...sub.streams,
          ...sub.streams.map(() => '>'),
        )) as ReadReply;
        await this.processAll(
          sub,
          (reply ?? []).flatMap(([stream, entries]) => entries.map((entry) => ({ stream, entry }))),
        );
      } catch (err) {
        if (this.stopped) return;
        this.opts.logger?.warn({ err, group: sub.group }, 'redis event bus read failed');
        await new Promise((r) => setTimeout(r, Math.min(this.o.blockMs, 1_000)));
      }
    }
  }

  /** XAUTOCLAIM every entry of the group idle longer than `claimIdleMs` to this consumer, then handle it. */
  private async reclaim(sub: Subscription): Promise<void> {
    for (const stream of sub.streams) {
      let cursor = '0-0';
      do {
        const [next, entries, deleted] = (await sub.conn.xautoclaim(
          stream,
          sub.group,
          this.consumer,
          this.o.claimIdleMs,
          cursor,
          'COUNT',
          this.o.batchSize,
        )) as AutoClaimReply;
        if (deleted?.length) await sub.conn.xack(stream, sub.group, ...deleted);
        await this.processAll(
          sub,
          entries.filter((e): e is StreamEntry => e !== null).map((entry) => ({ stream, entry })),
        );
        if (this.stopped) return;
        cursor = next;
      } while (cursor !== '0-0' && !this.stopped);
    }
  }

  /** Handles `items` with at most `concurrency` in flight; stops taking new ones once closing. */
  private async processAll(
    sub: Subscription,
    items: { stream: string; entry: StreamEntry }[],
  ): Promise<void> {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < items.length && !this.stopped; i = next++) {
        await this.process(sub, items[i]!.stream, items[i]!.entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, items.length) }, worker));
  }

  private async process(sub: Subscription, stream: string, [id, fields]: StreamEntry): Promise<void> {
    const raw = fieldValue(fields, FIELD);
    let event: EventEnvelope | undefined;
    try {
      event = raw === undefined ? undefined : (JSON.parse(raw) as EventEnvelope);
    } catch {
      event = undefined;
    }
    if (!event) {
      await this.deadLetter(sub, stream, id, fields, 'malformed entry');
      return;
    }
    const run = sub.handler(event);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    sub.inFlight.add(settled);
    try {
      await run;
      await sub.conn.xack(stream, sub.group, id);
    } catch (err) {
      this.opts.logger?.warn(
        { err, group: sub.group, eventId: event.id, type: event.type },
        'event handler failed',
      );
      const deliveries = await this.deliveryCount(sub, stream, id);
      if (deliveries >= this.o.maxDeliveries) await this.deadLetter(sub, stream, id, fields, String(err));
    } finally {
      sub.inFlight.delete(settled);
    }
  }

  private async deliveryCount(sub: Subscription, stream: string, id: string): Promise<number> {
    const rows = (await sub.conn.xpending(stream, sub.group, id, id, 1)) as [
      string,
      string,
      number,
      number,
    ][];
    return rows[0]?.[3] ?? 0;
  }

  private async deadLetter(sub: Subscription, stream: string, id: string, fields: string[], reason: string) {
    await sub.conn.xadd(
      this.deadLetterKey,
      '*',
      'stream',
      stream,
      'group',
      sub.group,
      'entry',
      id,
      'reason',
      reason,
      ...fields,
    );
    await sub.conn.xack(stream, sub.group, id);
    this.opts.logger?.error(
      { stream, group: sub.group, entry: id, reason },
      'event moved to dead-letter stream',
    );
  }

  /**
   * Stops reading. In-flight handlers get `shutdownTimeoutMs` to finish (and be acked); after that their
   * entries simply stay pending and another consumer reclaims them — exactly what happens when a process dies.
   */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const inFlight = this.subs.flatMap((s) => [...s.inFlight]);
    await Promise.race([
      Promise.all(inFlight),
      new Promise((r) => setTimeout(r, this.o.shutdownTimeoutMs).unref()),
    ]);
    for (const sub of this.subs) sub.conn.disconnect();
    await Promise.race([
      Promise.all(this.subs.map((s) => s.loop)),
      new Promise((r) => setTimeout(r, 1_000).unref()),
    ]);
    this.writer.disconnect();
  }
}

function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
