/**
 * The outbox relay: publishes unpublished outbox rows in `seq` order and marks them published.
 * On PostgreSQL each batch is claimed with FOR UPDATE SKIP LOCKED, so several relays (one per instance)
 * never publish the same row concurrently. A publish failure stops the batch (order is kept) and the
 * rest is retried on the next tick. Delivery is at least once: a crash between publish and commit
 * republishes, which idempotent consumers absorb.
 */
import { LockMode } from '@mikro-orm/core';
import type { EventBus } from '../events/event-bus';
import type { Orm } from '../db/orm';
import { isPostgres } from '../db/request-scope';
import type { Logger } from '../logger';
import type { EventEnvelope, EventType } from '../vocabulary';
import { OutboxEvent } from './outbox-event';

export interface OutboxRelayOptions {
  orm: Orm;
  bus: EventBus;
  /** Poll interval. Default 500 ms. */
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

interface BatchResult {
  fetched: number;
  published: number;
  failed: boolean;
}

async function publishBatch(opts: OutboxRelayOptions, batchSize: number): Promise<BatchResult> {
  const pg = isPostgres(opts.orm);
  return opts.orm.em.fork({ clear: true }).transactional(async (em) => {
    const rows = await em.find(
      OutboxEvent,
      { publishedAt: null },
      {
        orderBy: { seq: 'asc' },
        limit: batchSize,
        ...(pg ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
      },
    );
    const published: number[] = [];
    let failed = false;
    for (const row of rows) {
      try {
        await opts.bus.publish(toEnvelope(row));
      } catch (err) {
        opts.logger?.warn({ err, eventId: row.eventId }, 'outbox publish failed; will retry');
        failed = true;
        break;
      }
      published.push(row.seq);
    }
    if (published.length) {
      await em.nativeUpdate(OutboxEvent, { seq: { $in: published } }, { publishedAt: new Date() });
    }
    return { fetched: rows.length, published: published.length, failed };
  });
}

export function startOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const batchSize = opts.batchSize ?? 100;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const drainOnce = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const r = await publishBatch(opts, batchSize);
      total += r.published;
      if (r.failed || r.fetched < batchSize) return total; // on failure stop: order is kept
    }
  };

  const runOnce = (): Promise<number> => {
    const next = running.then(drainOnce, drainOnce);
    running = next.catch((err: unknown) => {
      opts.logger?.warn({ err }, 'outbox relay pass failed');
      return 0;
    });
    return next;
  };

  const timer = setInterval(() => {
    if (!stopped) runOnce().catch(() => undefined);
  }, opts.intervalMs ?? 500);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
