/**
 * The per-tenant hash chain: entry hash = sha256(prevHash + canonical JSON of the entry's fields),
 * with changeDigest = sha256(canonical JSON of the change). Appends lock the tenant's AuditHead row
 * (PostgreSQL: SELECT … FOR UPDATE; SQLite: the single connection is held by the write transaction).
 */
import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { AuditEntry, AuditHead } from '../entities';
import { canonicalJson, sha256Hex } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string;
  /** What changed; plain JSON (strings, numbers, booleans, null, arrays, objects). Never secrets. */
  change: Record<string, unknown>;
}

export interface AuditAppend extends AuditRecord {
  tenantId: string;
  actor: string;
}

type ChainFields = Pick<
  AuditEntry,
  'id' | 'tenantId' | 'seq' | 'actor' | 'action' | 'targetType' | 'targetId' | 'at' | 'changeDigest'
>;

export function changeDigestOf(change: unknown): string {
  return sha256Hex(canonicalJson(change));
}

export function chainHash(prevHash: string, e: ChainFields): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        id: e.id,
        tenantId: e.tenantId,
        seq: e.seq,
        actor: e.actor,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        at: e.at.toISOString(),
        changeDigest: e.changeDigest,
      }),
  );
}

async function lockHead(em: EntityManager, tenantId: string): Promise<AuditHead> {
  const pg = em.getPlatform() instanceof PostgreSqlPlatform;
  const head = await em.findOne(
    AuditHead,
    { tenantId },
    pg ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true },
  );
  if (head) return head;
  // first entry of the tenant: the head row must exist before it can be locked by the next writer
  const created = em.create(AuditHead, { tenantId, seq: 0, hash: GENESIS_HASH });
  await em.flush();
  return created;
}

/**
 * Adds the next entry of the tenant's chain to `em`. The caller must flush before appending again
 * (the head is re-read from the database on every append).
 */
export async function appendAudit(em: EntityManager, rec: AuditAppend): Promise<AuditEntry> {
  const head = await lockHead(em, rec.tenantId);
  // JSON round trip: what is hashed is exactly what the json column gives back
  const change = JSON.parse(JSON.stringify(rec.change)) as Record<string, unknown>;
  const fields: ChainFields = {
    id: randomUUID(),
    tenantId: rec.tenantId,
    seq: head.seq + 1,
    actor: rec.actor,
    action: rec.action,
    targetType: rec.targetType,
    targetId: rec.targetId,
    at: new Date(),
    changeDigest: changeDigestOf(change),
  };
  const hash = chainHash(head.hash, fields);
  const entry = em.create(AuditEntry, { ...fields, change, prevHash: head.hash, hash });
  head.seq = fields.seq;
  head.hash = hash;
  return entry;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  brokenAtSeq: number | null;
}

const BATCH = 500;

/**
 * Recomputes the chain of the em's tenant up to its head; detects edited, inserted and deleted entries.
 * The head is read FIRST: an entry and the head move together in one transaction, so every entry up to the
 * head's seq is committed by then, and appends committed while the entries are read (seq above the head)
 * are not taken for a break (on PostgreSQL each statement of a request sees the newest commits).
 */
export async function verifyChain(em: EntityManager, tenantId: string): Promise<ChainVerification> {
  const head = await em.findOne(AuditHead, { tenantId }, { disableIdentityMap: true });
  const lastSeq = head?.seq ?? 0;
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number): ChainVerification => ({ valid: false, checked, brokenAtSeq: seq });
  while (expectedSeq <= lastSeq) {
    const batch = await em.find(
      AuditEntry,
      { seq: { $gte: expectedSeq, $lte: lastSeq } },
      { orderBy: { seq: 'asc' }, limit: BATCH, disableIdentityMap: true },
    );
    if (batch.length === 0) return broken(expectedSeq);
    for (const e of batch) {
      checked++;
      if (e.seq !== expectedSeq) return broken(expectedSeq);
      if (e.tenantId !== tenantId || e.prevHash !== prev) return broken(e.seq);
      if (changeDigestOf(e.change) !== e.changeDigest || chainHash(prev, e) !== e.hash) return broken(e.seq);
      prev = e.hash;
      expectedSeq++;
    }
  }
  if (head && head.hash !== prev) return broken(lastSeq);
  // entries past the head: appends committed meanwhile (their head, committed with them, is visible to a
  // later read) — or entries written around the chain, which no head covers
  const beyond = await em.count(AuditEntry, { seq: { $gt: lastSeq } });
  if (beyond > 0) {
    const now = await em.findOne(AuditHead, { tenantId }, { disableIdentityMap: true });
    if (!now || now.seq < lastSeq + beyond) return broken(lastSeq + 1);
  }
  return { valid: true, checked, brokenAtSeq: null };
}
