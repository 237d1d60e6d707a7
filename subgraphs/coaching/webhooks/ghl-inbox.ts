/**
 * The webhook inbox's storage (entities/ghl-webhook-delivery.ts): accept a verified delivery in a committed
 * transaction before the 202, and process one delivery exactly once.
 *
 * Exactly once: a worker claims the oldest processable row and keeps it locked for the whole transaction
 * (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so several coaching instances never take the same row; SQLite: one
 * connection, one transaction at a time). The effects run in a savepoint of that transaction and the row is
 * marked DONE or DEAD in it, so effects and mark commit together; a crash rolls both back and the row is
 * still PENDING for the next worker or the next start. A failed attempt rolls back the savepoint only and
 * records the attempt (back-off, DEAD after `maxAttempts`).
 *
 * Waiting: a message of a new conversation waits for the session the agents subgraph opens
 * (ghl-conversation.ts). Its outcome is PENDING: what it did so far commits, the row stays PENDING (no
 * failed attempt counted) with `available_at` at its next check and `detail` saying what it waits for;
 * `wakeDelivery` makes it processable at once when the session arrives.
 *
 * Order: a row is processable only when no older PENDING row has its `orderKey` (location:contact), so two
 * messages of one contact are never processed at once nor out of order — across instances too, since an
 * older row stays PENDING until its transaction commits.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { isPostgres } from '../../../core/db/request-scope';
import { quoteIdent, TENANT_SETTING } from '../../../core/db/rls';
import { TENANT_FILTER } from '../../../core/db/tenant-filter';
import { sqlEm } from '../../../core/outbox';
import { GHL_INBOX_TABLE, GhlWebhookDelivery } from '../entities';
import { GHL_INBOX_SETTING } from './ghl-database-names';
import { findRouteTarget, type GhlRouteTarget } from './ghl-routes';
import { GhlDeadLetterReason, GhlDeliveryStatus } from '../../../core/vocabulary';

export interface NewDelivery {
  webhookId: string;
  type: string;
  ghlLocationId: string | null;
  orderKey: string;
  raw: Buffer;
  signatureScheme: string;
}

export type AcceptResult =
  | { kind: 'accepted'; route: GhlRouteTarget | null }
  | { kind: 'duplicate' }
  | { kind: 'busy'; pending: number };

export interface ClaimedDelivery {
  seq: number;
  webhookId: string;
  type: string;
  tenantId: string | null;
  locationId: string | null;
  ghlLocationId: string | null;
  body: string;
  attempts: number;
  receivedAt: Date;
}

/** What a waiting delivery waits for: the conversation's session (see ghl-conversation.ts). */
export interface WaitingFor {
  tenantId: string;
  agentId: string;
  locationId: string | null;
  contactId: string;
}

export type DeliveryOutcome =
  | { status: GhlDeliveryStatus.DONE; after?: () => void }
  | { status: GhlDeliveryStatus.PENDING; retryAt: Date; detail: string; waitingFor: WaitingFor }
  | { status: GhlDeliveryStatus.DEAD; reason: GhlDeadLetterReason; detail: string };

/** What processing one row needs: the savepoint's EntityManager and a way into a tenant's scope. */
export interface DeliveryTx {
  em: EntityManager;
  row: ClaimedDelivery;
  /** Sets the tenant filter and (PostgreSQL) `app.tenant_id` for the rest of the transaction. */
  enterTenant(tenantId: string): Promise<void>;
}

export type ProcessResult =
  | { row: ClaimedDelivery; outcome: DeliveryOutcome }
  | { row: ClaimedDelivery; failed: unknown; dead: boolean };

export interface ProcessOptions {
  maxAttempts: number;
  /** Delay before attempt `n + 1` after `n` failures. */
  backoffMs(failures: number): number;
}

function table(orm: Orm): string {
  if (!isPostgres(orm)) return quoteIdent(GHL_INBOX_TABLE);
  return `${quoteIdent(String(orm.config.get('schema') ?? 'public'))}.${quoteIdent(GHL_INBOX_TABLE)}`;
}

async function exec<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

async function setLocal(em: EntityManager, setting: string, value: string): Promise<void> {
  await exec(em, `select set_config('${setting}', ?, true)`, [value]);
}

/** A transaction that may see and write the inbox rows of every tenant (the receiver's and the worker's). */
async function inboxTransaction<T>(orm: Orm, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return orm.em.fork({ clear: true }).transactional(async (em) => {
    if (isPostgres(orm)) await setLocal(em, GHL_INBOX_SETTING, 'on');
    return fn(em);
  });
}

export async function countPending(orm: Orm, em: EntityManager): Promise<number> {
  const out = await exec<{ n: number | string }>(
    em,
    `select count(*) as n from ${table(orm)} where status = ?`,
    [GhlDeliveryStatus.PENDING],
  );
  return Number(out[0]?.n ?? 0);
}

/**
 * Stores a verified delivery, committed before the caller answers: `busy` (nothing stored) when
 * `maxPending` deliveries wait already, `duplicate` when its webhookId was accepted before.
 */
export async function acceptDelivery(orm: Orm, d: NewDelivery, maxPending: number): Promise<AcceptResult> {
  return inboxTransaction(orm, async (em): Promise<AcceptResult> => {
    const pending = await countPending(orm, em);
    if (pending >= maxPending) return { kind: 'busy', pending };
    const route = await findRouteTarget(orm, em, d.ghlLocationId);
    const now = new Date();
    const res = await sqlEm(em)
      .createQueryBuilder(GhlWebhookDelivery)
      .insert({
        webhookId: d.webhookId,
        type: d.type,
        tenantId: route?.tenantId ?? null,
        ghlLocationId: d.ghlLocationId,
        locationId: route?.locationId ?? null,
        orderKey: d.orderKey,
        body: d.raw.toString('utf8'),
        signatureScheme: d.signatureScheme,
        status: GhlDeliveryStatus.PENDING,
        attempts: 0,
        receivedAt: now,
        availableAt: now,
      })
      .onConflict('webhook_id')
      .ignore()
      .execute('run');
    return res.affectedRows > 0 ? { kind: 'accepted', route } : { kind: 'duplicate' };
  });
}

async function claim(orm: Orm, em: EntityManager): Promise<ClaimedDelivery | null> {
  const t = table(orm);
  const lock = isPostgres(orm) ? ' for update of d skip locked' : '';
  const found = await exec<Record<string, unknown>>(
    em,
    `select d.seq, d.webhook_id, d.type, d.tenant_id, d.location_id, d.ghl_location_id, d.body, d.attempts, ` +
      `d.received_at ` +
      `from ${t} d where d.status = ? and d.available_at <= ? and not exists (` +
      `select 1 from ${t} o where o.order_key = d.order_key and o.status = ? and o.seq < d.seq) ` +
      `order by d.seq limit 1${lock}`,
    [GhlDeliveryStatus.PENDING, new Date(), GhlDeliveryStatus.PENDING],
  );
  const r = found[0];
  if (!r) return null;
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    seq: Number(r['seq']),
    webhookId: String(r['webhook_id']),
    type: String(r['type']),
    tenantId: str(r['tenant_id']),
    locationId: str(r['location_id']),
    ghlLocationId: str(r['ghl_location_id']),
    body: String(r['body']),
    attempts: Number(r['attempts']),
    receivedAt: toDate(r['received_at']),
  };
}

/** A datetime column as the driver returns it (SQLite: epoch milliseconds). */
function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const d = new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

async function mark(orm: Orm, em: EntityManager, seq: number, outcome: DeliveryOutcome): Promise<void> {
  if (outcome.status === GhlDeliveryStatus.PENDING) {
    await exec(em, `update ${table(orm)} set available_at = ?, detail = ? where seq = ?`, [
      outcome.retryAt,
      outcome.detail.slice(0, 300),
      seq,
    ]);
    return;
  }
  const dead = outcome.status === GhlDeliveryStatus.DEAD;
  await exec(
    em,
    `update ${table(orm)} set status = ?, reason = ?, detail = ?, processed_at = ? where seq = ?`,
    [outcome.status, dead ? outcome.reason : null, dead ? outcome.detail : null, new Date(), seq],
  );
}

async function recordFailure(
  orm: Orm,
  em: EntityManager,
  row: ClaimedDelivery,
  err: unknown,
  opts: ProcessOptions,
): Promise<boolean> {
  const failures = row.attempts + 1;
  const dead = failures >= opts.maxAttempts;
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
  await exec(
    em,
    `update ${table(orm)} set attempts = ?, error = ?, available_at = ?, status = ?, reason = ?, detail = ?, ` +
      `processed_at = ? where seq = ?`,
    [
      failures,
      message,
      new Date(Date.now() + opts.backoffMs(failures)),
      dead ? GhlDeliveryStatus.DEAD : GhlDeliveryStatus.PENDING,
      dead ? GhlDeadLetterReason.PROCESSING_FAILED : null,
      dead ? `processing failed ${failures} times` : null,
      dead ? new Date() : null,
      row.seq,
    ],
  );
  return dead;
}

/**
 * Claims and processes the next processable delivery; null when there is none. `handle` runs in a
 * savepoint of the claiming transaction; its outcome is recorded in the same transaction.
 */
export async function processNextDelivery(
  orm: Orm,
  handle: (tx: DeliveryTx) => Promise<DeliveryOutcome>,
  opts: ProcessOptions,
): Promise<ProcessResult | null> {
  return inboxTransaction(orm, async (em): Promise<ProcessResult | null> => {
    const row = await claim(orm, em);
    if (!row) return null;
    try {
      const outcome = await em.transactional(async (inner) =>
        handle({
          em: inner,
          row,
          async enterTenant(tenantId) {
            inner.setFilterParams(TENANT_FILTER, { tenantId });
            if (isPostgres(orm)) await setLocal(inner, TENANT_SETTING, tenantId);
          },
        }),
      );
      await mark(orm, em, row.seq, outcome);
      return { row, outcome };
    } catch (err) {
      const dead = await recordFailure(orm, em, row, err, opts);
      return { row, failed: err, dead };
    }
  });
}

/** Makes a waiting delivery processable now (its session arrived); false when it is no longer waiting. */
export async function wakeDelivery(orm: Orm, seq: number): Promise<boolean> {
  return inboxTransaction(orm, async (em) => {
    const out = await exec<{ seq: number }>(
      em,
      `update ${table(orm)} set available_at = ? where seq = ? and status = ? returning seq`,
      [new Date(), seq, GhlDeliveryStatus.PENDING],
    );
    return out.length > 0;
  });
}

/** Removes processed (DONE and DEAD) deliveries received before `before`; returns how many. */
export async function pruneDeliveries(orm: Orm, before: Date): Promise<number> {
  return inboxTransaction(orm, async (em) => {
    const out = await exec<{ seq: number }>(
      em,
      `delete from ${table(orm)} where status <> ? and received_at < ? returning seq`,
      [GhlDeliveryStatus.PENDING, before],
    );
    return out.length;
  });
}
