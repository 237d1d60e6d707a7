/**
 * The outbox relay: publishes unpublished outbox rows in `seq` order and marks them published.
 *
 * When: right after a transaction that wrote outbox rows commits (commit-hook.ts kicks it), so a
 * consumer in another subgraph learns of a change within milliseconds of the mutation's answer; and on a
 * polling tick as the safety net (rows left by a crash, a failed publish, another process's writes).
 * Kicks while a pass runs coalesce into one more pass.
 *
 * On PostgreSQL each batch is claimed with FOR UPDATE SKIP LOCKED through the `outbox_claim` function
 * (outbox-postgres.ts: the table is under row-level security, the relay runs outside any tenant scope),
 * so several relays (one per instance) never publish the same row concurrently. A publish failure stops
 * the batch (order is kept) and the rest is retried on the next pass. Delivery is at least once: a crash
 * between publish and commit republishes, which idempotent consumers absorb.
 *
 * Each publish is bounded (`publishTimeoutMs`): the batch holds a transaction — on PostgreSQL a pooled
 * connection and the claimed rows' locks — and the event bus's Redis client waits without limit for a
 * Redis that hangs (its commands queue until it answers). Past the bound the publish counts as failed:
 * the rows published so far are marked, the transaction ends and the connection goes back to the pool;
 * the rest waits for the next pass. A publish that still lands later is a duplicate the consumers absorb.
 *
 * The in-process bus (embedded mode, no Redis) keeps nothing: an event it took is only safe once its
 * handlers are done. So with such a bus a row is marked published after every group's handler finished
 * with it (in-process-deliveries.ts), in a transaction of its own; the relay does not wait for that. A
 * process that stops or dies mid-delivery leaves the row unpublished, and the next start publishes it
 * again; consumers skip what they had applied (processed_event).
 */
import { AsyncResource } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';
import { BusClosedError, type EventBus } from '../events/event-bus';
import type { Orm } from '../db/orm';
import { isPostgres } from '../db/request-scope';
import type { Logger } from '../logger';
import type { EventEnvelope, EventType } from '../vocabulary';
import { onOutboxCommit } from './commit-hook';
import { OutboxEvent } from './outbox-event';
import { claimSql, markPublishedSql, seqsParam, type OutboxRow } from './outbox-postgres';
import { InProcessDeliveries } from './in-process-deliveries';

export interface OutboxRelayOptions {
  orm: Orm;
  bus: EventBus;
  /** Poll interval of the safety net (commits kick the relay at once). Default 500 ms. */
  intervalMs?: number;
  batchSize?: number;
  /** How long one publish may take before the batch gives up (default 1 s, as live pub/sub publishes). */
  publishTimeoutMs?: number;
  logger?: Logger;
}

/** A publish that did not finish within `publishTimeoutMs`. */
export class PublishTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`event bus publish did not finish within ${timeoutMs} ms`);
    this.name = 'PublishTimeoutError';
  }
}

/**
 * The bus's publish, abandoned (not cancelled: the bus may still deliver it) after `timeoutMs`. An event
 * loop kept busy past the bound runs the expired timer before it reads the answer already waiting on the
 * socket: the timeout lets one round of I/O run first, so a publish Redis did answer in time is not
 * counted as failed (the pass stopping there left the following events for a later pass, and a request
 * waiting for one of them — a session just started — ran out of time on a loaded machine).
 */
async function publishWithin(bus: EventBus, event: EventEnvelope, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    const expire = () => reject(new PublishTimeoutError(timeoutMs));
    timer = setTimeout(() => setImmediate(expire), timeoutMs);
  });
  const publishing = bus.publish(event);
  publishing.catch(() => undefined); // a late failure after the bound is already reported as the timeout
  try {
    await Promise.race([publishing, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface OutboxRelay {
  /** Publishes everything unpublished now; resolves with the number of events published. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function toEnvelope(row: OutboxEvent): EventEnvelope {
  return {
    id: row.eventId,
    type: row.type as EventType,
    tenantId: row.tenant,
    at: row.at.toISOString(),
    version: row.version,
    payload: row.payload,
  };
}

function rowToEnvelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.event_id,
    type: row.type as EventType,
    tenantId: row.tenant,
    at: new Date(row.at).toISOString(),
    version: Number(row.version),
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
  };
}

interface Claimed {
  seq: number;
  event: EventEnvelope;
}

export interface OutboxStore {
  claim(em: EntityManager, limit: number): Promise<Claimed[]>;
  markPublished(em: EntityManager, seqs: number[]): Promise<void>;
}

const ormStore: OutboxStore = {
  async claim(em, limit) {
    const rows = await em.find(OutboxEvent, { publishedAt: null }, { orderBy: { seq: 'asc' }, limit });
    return rows.map((row) => ({ seq: row.seq, event: toEnvelope(row) }));
  },
  async markPublished(em, seqs) {
    await em.nativeUpdate(OutboxEvent, { seq: { $in: seqs } }, { publishedAt: new Date() });
  },
};

function postgresStore(schema: string): OutboxStore {
  return {
    async claim(em, limit) {
      const rows = (await em
        .getConnection()
        .execute(claimSql(schema), [limit], 'all', em.getTransactionContext())) as OutboxRow[];
      return rows.map((row) => ({ seq: Number(row.seq), event: rowToEnvelope(row) }));
    },
    async markPublished(em, seqs) {
      await em
        .getConnection()
        .execute(markPublishedSql(schema), [seqsParam(seqs)], 'get', em.getTransactionContext());
    },
  };
}

interface BatchResult {
  fetched: number;
  /** Events handed to the bus in this batch. */
  published: number;
  /** Why the batch stopped early (the first publish that failed), if it did. */
  failure?: { err: unknown; eventId: string };
}

/**
 * One batch in one transaction. A durable bus's publications are marked in it; an in-process bus's are
 * handed to `inProcess`, which marks each row once its handlers are done (rows still being delivered
 * from an earlier pass are skipped, not published twice).
 */
async function publishBatch(
  opts: OutboxRelayOptions,
  store: OutboxStore,
  batchSize: number,
  inProcess: InProcessDeliveries | null,
): Promise<BatchResult> {
  return opts.orm.em.fork({ clear: true }).transactional(async (em) => {
    // rows still being delivered are skipped: ask for that many more, so a batch's worth is new
    const rows = await store.claim(em, batchSize + (inProcess?.inFlight ?? 0));
    const published: number[] = [];
    let failure: BatchResult['failure'];
    for (const row of rows) {
      if (inProcess?.has(row.event.id)) continue;
      try {
        if (inProcess) inProcess.publish(row.seq, row.event);
        else await publishWithin(opts.bus, row.event, opts.publishTimeoutMs ?? 1_000);
      } catch (err) {
        failure = { err, eventId: row.event.id };
        break;
      }
      published.push(row.seq);
    }
    if (published.length && !inProcess) await store.markPublished(em, published);
    return { fetched: rows.length, published: published.length, failure };
  });
}

export function startOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const batchSize = opts.batchSize ?? 100;
  const store = isPostgres(opts.orm)
    ? postgresStore(String(opts.orm.config.get('schema') ?? 'public'))
    : ormStore;
  let stopped = false;
  // a bus that stays down fails every pass (twice a second): warn when it starts and when it ends
  let failingSince: number | null = null;
  const noteFailure = (failure: NonNullable<BatchResult['failure']>) => {
    // shutting down: the in-process bus takes no more events; they wait in the outbox for the next start
    if (failure.err instanceof BusClosedError) return opts.logger?.debug(failure, 'event bus closed');
    if (failingSince !== null) return opts.logger?.debug(failure, 'outbox publish failed again; will retry');
    failingSince = Date.now();
    opts.logger?.warn(failure, 'outbox publish failed; will retry on every pass until it works');
  };
  const noteSuccess = () => {
    if (failingSince === null) return;
    opts.logger?.info({ failedForMs: Date.now() - failingSince }, 'outbox publishing again');
    failingSince = null;
  };

  const inProcess = opts.bus.publishInProcess
    ? new InProcessDeliveries({
        orm: opts.orm,
        bus: opts.bus,
        store,
        // once stopped, no pass follows: mark it here (else it would stay "being delivered" for good)
        onDelivered: () => (stopped ? void inProcess?.markDelivered() : kick()),
        logger: opts.logger,
      })
    : null;

  const drainOnce = async (): Promise<number> => {
    let total = 0;
    await inProcess?.markDelivered(); // rows whose handlers have finished since the last pass
    for (;;) {
      const r = await publishBatch(opts, store, batchSize, inProcess);
      total += r.published;
      if (r.failure) noteFailure(r.failure);
      else if (r.fetched > 0) noteSuccess();
      // on failure stop: order is kept; a batch of rows all still being delivered is no progress either
      if (r.failure || r.published < batchSize) return total;
    }
  };

  // One pass at a time; a pass requested while one runs is queued once (it sees everything committed
  // before it starts, so every request made meanwhile shares it).
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<number> | null = null;
  const runOnce = (): Promise<number> => {
    if (queued) return queued;
    const next = tail.then(() => {
      queued = null;
      return drainOnce();
    });
    queued = next;
    tail = next.catch((err: unknown) => opts.logger?.warn({ err }, 'outbox relay pass failed'));
    return next;
  };
  // Bound to the relay's own async context: a kick comes from inside a request's commit, and the pass
  // must not run in that request's ORM context (AsyncLocalStorage) — nor keep it alive.
  const kick = AsyncResource.bind(() => {
    if (!stopped) runOnce().catch(() => undefined);
  });

  const hook = onOutboxCommit(opts.orm, kick);
  const timer = setInterval(kick, opts.intervalMs ?? 500);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      hook.dispose();
      clearInterval(timer);
      await tail;
      await inProcess?.markDelivered();
    },
  };
}
