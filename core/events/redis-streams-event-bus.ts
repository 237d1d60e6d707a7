/**
 * Redis Streams event bus: one stream per event type (`<prefix>:<type>`), one consumer group per
 * `subscribe(group, …)`. A consumer reads with XREADGROUP, acks with XACK after its handler succeeded,
 * and before every read reclaims entries another (dead) consumer of its group read but never acked,
 * with XAUTOCLAIM after `claimIdleMs`. A failed handler is retried at once by the same consumer after a
 * short, growing pause (core/events/retry-policy.ts: 50 ms, 100 ms, … capped at 1 s), as on the in-process
 * bus — not after `claimIdleMs` (30 s): a reader waiting a bounded 3 s for the event (coaching's read model)
 * gave up long before, and a transient failure became a NOT_FOUND. After `maxDeliveries` attempts in all
 * (deliveries to a consumer that died count as attempts) the entry is copied to `<prefix>:dead-letter` with
 * its group, attempts and last error — the fields of the in-process bus's dead letters — and acked; an
 * error log names its dead-letter id. A consumer that stops mid-retry leaves the entry pending: reclaimed.
 * Delivery is at least once: consumers must be idempotent on `event.id` (core/outbox processed events).
 * A consumer handles up to `concurrency` entries of what it read at once (each acked on its own): one slow
 * handler, or a burst of events, must not queue every other event of the group behind it — a request may
 * be waiting for one of them (read-your-writes). Like the members of a group, concurrent handlers see
 * events out of order; consumers already tolerate that (newest-event-wins read models, idempotent sums).
 * A Redis that restarted empty loses every group: the first read, reclaim or ack that answers NOGROUP
 * recreates the consumer's group and the consumer carries on (redis-stream-groups.ts).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import Redis from 'ioredis';
import type { EventEnvelope, EventType } from '../vocabulary';
import type { EventBus, EventHandler } from './event-bus';
import type { Logger } from '../logger';
import { ensureGroup, isGroupGoneError, recreateGroups } from './redis-stream-groups';
import { DELIVERY_ATTEMPTS, describeError, retryDelayMs } from './retry-policy';
import {
  ConsumerHealthTracker,
  type ConsumerHealth,
  type ConsumerHealthOptions,
  type WatchedConsumer,
} from './consumer-health';

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
  /** Attempts (retries and deliveries) before an entry goes to the dead-letter stream. Default 5. */
  maxDeliveries?: number;
  /** Approximate MAXLEN per stream. Default 1,000,000. */
  maxLen?: number;
  /** New groups read from the start of the stream ('0', default) or only new entries ('$'). */
  startFrom?: '0' | '$';
  /** How long close() waits for an in-flight handler before dropping it (it stays pending). Default 5 s. */
  shutdownTimeoutMs?: number;
  /** When the consumers count as unhealthy, and for how long after (consumer-health.ts). */
  health?: ConsumerHealthOptions;
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
  /** Its read loop, as the health tracker watches it. */
  watched: WatchedConsumer;
}

const FIELD = 'event';

export class RedisStreamsEventBus implements EventBus {
  private readonly writer: Redis;
  private readonly subs: Subscription[] = [];
  private readonly prefix: string;
  readonly consumer: string;
  private readonly o: Required<
    Omit<RedisStreamsEventBusOptions, 'url' | 'redis' | 'logger' | 'prefix' | 'consumer' | 'health'>
  >;
  private stopped = false;
  private readonly tracker: ConsumerHealthTracker;

  constructor(private readonly opts: RedisStreamsEventBusOptions) {
    // a read blocks blockMs; a busy event loop (a start on a loaded machine) stretches it by seconds
    const stallMs = (opts.blockMs ?? 1_000) + 10_000;
    this.tracker = new ConsumerHealthTracker({ stallMs, ...opts.health });
    this.writer = this.connect();
    this.prefix = opts.prefix ?? 'events';
    this.consumer = opts.consumer ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.o = {
      claimIdleMs: opts.claimIdleMs ?? 30_000,
      blockMs: opts.blockMs ?? 1_000,
      batchSize: opts.batchSize ?? 50,
      concurrency: Math.max(1, opts.concurrency ?? 16),
      maxDeliveries: Math.max(1, opts.maxDeliveries ?? DELIVERY_ATTEMPTS),
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
    // lost, and back: the consumers count as catching up for a while from the moment it is back
    let wasReady = false;
    conn.on('close', () => this.tracker.failed());
    conn.on('ready', () => {
      if (wasReady) this.tracker.failed();
      wasReady = true;
    });
    return conn;
  }

  consumerHealth(): ConsumerHealth {
    return this.tracker.health(this.subs.map((s) => s.watched));
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
    for (const stream of streams) await ensureGroup(this.writer, stream, group, this.o.startFrom);
    const conn = this.connect();
    const watched: WatchedConsumer = { status: () => conn.status, readingSince: null };
    const sub: Subscription = { group, streams, handler, conn, inFlight: new Set(), watched };
    sub.loop = this.run(sub);
    this.subs.push(sub);
  }

  private async run(sub: Subscription): Promise<void> {
    while (!this.stopped) {
      try {
        this.tracker.reading(sub.watched);
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
        this.tracker.read(sub.watched);
        await this.processAll(
          sub,
          (reply ?? []).flatMap(([stream, entries]) => entries.map((entry) => ({ stream, entry }))),
        );
      } catch (err) {
        if (this.stopped) return;
        this.tracker.read(sub.watched);
        this.tracker.failed();
        if (isGroupGoneError(err) && (await this.recreate(sub))) continue;
        this.opts.logger?.warn({ err, group: sub.group }, 'redis event bus read failed');
        await new Promise((r) => setTimeout(r, Math.min(this.o.blockMs, 1_000)));
      }
    }
  }

  /**
   * After a NOGROUP (Redis lost the group, e.g. it restarted empty): recreates the group on the streams that
   * lost it and says so once. False when that failed too (the caller logs and backs off as for any error).
   */
  private async recreate(sub: Subscription): Promise<boolean> {
    try {
      const created = await recreateGroups(sub.conn, sub.streams, sub.group);
      // one line per consumer and loss; a member that finds the group recreated by another says nothing
      if (created.length)
        this.opts.logger?.warn(
          { group: sub.group, streams: created },
          'redis event bus: consumer group was gone (Redis restarted empty?); recreated, consuming again',
        );
      return true;
    } catch (err) {
      this.opts.logger?.warn(
        { err, group: sub.group },
        'redis event bus: recreating the consumer group failed',
      );
      return false;
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
    const event = parseEvent(fields);
    if (!event) {
      await this.deadLetter(sub, stream, id, fields, { attempts: 0, lastError: 'malformed entry' });
      return;
    }
    const run = this.handle(sub, stream, id, event);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    sub.inFlight.add(settled);
    try {
      const outcome = await run;
      // an ack error is Redis's, not the handler's: it goes up to the read loop (NOGROUP recreates the group)
      if (outcome === 'done') await sub.conn.xack(stream, sub.group, id);
      else if (outcome !== 'stopped') await this.deadLetter(sub, stream, id, fields, outcome, event);
    } finally {
      sub.inFlight.delete(settled);
    }
  }

  /**
   * Runs the handler, retrying it here after a short pause until it succeeds ('done'), or has failed
   * `maxDeliveries` attempts in all (its given-up record), or the bus closes ('stopped': the entry stays
   * pending and is reclaimed). A Redis error while counting deliveries rejects (the entry stays pending).
   */
  private async handle(
    sub: Subscription,
    stream: string,
    id: string,
    event: EventEnvelope,
  ): Promise<'done' | 'stopped' | { attempts: number; lastError: string }> {
    let earlier: number | undefined; // attempts made by earlier deliveries (to consumers that died)
    for (let attempt = 1; ; attempt++) {
      try {
        await sub.handler(event);
        return 'done';
      } catch (err) {
        this.opts.logger?.warn(
          { err, group: sub.group, eventId: event.id, type: event.type, attempt },
          'event handler failed',
        );
        earlier ??= Math.max(1, await this.deliveryCount(sub, stream, id)) - 1;
        const attempts = earlier + attempt;
        if (attempts >= this.o.maxDeliveries) return { attempts, lastError: describeError(err) };
        if (this.stopped) return 'stopped';
        await new Promise((r) => setTimeout(r, retryDelayMs(attempts)));
        if (this.stopped) return 'stopped';
      }
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

  /** Copies the entry to the dead-letter stream with why it was given up, acks it, logs its dead-letter id. */
  private async deadLetter(
    sub: Subscription,
    stream: string,
    id: string,
    fields: string[],
    givenUp: { attempts: number; lastError: string },
    event?: EventEnvelope,
  ): Promise<void> {
    const deadLetterId = await sub.conn.xadd(
      this.deadLetterKey,
      '*',
      'stream',
      stream,
      'group',
      sub.group,
      'entry',
      id,
      'attempts',
      String(givenUp.attempts),
      'lastError',
      givenUp.lastError,
      ...fields,
    );
    await sub.conn.xack(stream, sub.group, id);
    this.opts.logger?.error(
      {
        deadLetterId,
        stream,
        group: sub.group,
        entry: id,
        eventId: event?.id,
        type: event?.type,
        ...givenUp,
      },
      'event handler gave up: event kept as a dead letter (redeliver with npm run dead-letters)',
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

export function parseEvent(fields: string[]): EventEnvelope | undefined {
  const raw = fieldValue(fields, FIELD);
  try {
    return raw === undefined ? undefined : (JSON.parse(raw) as EventEnvelope);
  } catch {
    return undefined;
  }
}

export function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
