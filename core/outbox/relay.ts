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
 */
import { AsyncResource } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';
import type { EventBus } from '../events/event-bus';
import type { Orm } from '../db/orm';
import { isPostgres } from '../db/request-scope';
import type { Logger } from '../logger';
import type { EventEnvelope, EventType } from '../vocabulary';
import { onOutboxCommit } from './commit-hook';
import { OutboxEvent } from './outbox-event';
import { claimSql, markPublishedSql, seqsParam, type OutboxRow } from './outbox-postgres';

export interface OutboxRelayOptions {
  orm: Orm;
  bus: EventBus;
  /** Poll interval of the safety net (commits kick the relay at once). Default 500 ms. */
  intervalMs?: number;
  batchSize?: number;
  logger?: Logger;
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

interface OutboxStore {
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
  published: number;
  failed: boolean;
}

async function publishBatch(
  opts: OutboxRelayOptions,
  store: OutboxStore,
  batchSize: number,
): Promise<BatchResult> {
  return opts.orm.em.fork({ clear: true }).transactional(async (em) => {
    const rows = await store.claim(em, batchSize);
    const published: number[] = [];
    let failed = false;
    for (const row of rows) {
      try {
        await opts.bus.publish(row.event);
      } catch (err) {
        opts.logger?.warn({ err, eventId: row.event.id }, 'outbox publish failed; will retry');
        failed = true;
        break;
      }
      published.push(row.seq);
    }
    if (published.length) await store.markPublished(em, published);
    return { fetched: rows.length, published: published.length, failed };
  });
}

export function startOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const batchSize = opts.batchSize ?? 100;
  const store = isPostgres(opts.orm)
    ? postgresStore(String(opts.orm.config.get('schema') ?? 'public'))
    : ormStore;
  let stopped = false;

  const drainOnce = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const r = await publishBatch(opts, store, batchSize);
      total += r.published;
      if (r.failed || r.fetched < batchSize) return total; // on failure stop: order is kept
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
    },
  };
}
