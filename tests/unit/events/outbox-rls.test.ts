/**
 * `outbox_event` on PostgreSQL: a request scoped to tenant A (the runtime role, `app.tenant_id` = A)
 * inserts and sees only A's outbox rows — it cannot read, update, delete, claim or mark tenant B's, nor
 * write a row in B's name — while the relay, outside any tenant scope, publishes every tenant's rows
 * through the owner's `outbox_claim` / `outbox_mark_published` functions. A connection with no tenant
 * scope sees nothing directly (fail closed). Checked with both tenants' requests in flight together.
 */
import { randomUUID } from 'node:crypto';
import { entitySchemaMigration } from '../../helpers/entity-schema-migration';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import { enqueue, inTransaction, OutboxEvent, outboxEntities, startOutboxRelay } from '../../../core/outbox';
import { claimSql, markPublishedSql, seqsParam } from '../../../core/outbox/outbox-postgres';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { createTestDb, type TestDb } from '../../helpers/db';
import { describeNeeding } from '../../helpers/variants';

const HOUR = 3_600_000;

describeNeeding(['DATABASE_URL'], 'outbox_event row-level security (postgres)', () => {
  let db: TestDb;
  const [A, B] = [randomUUID(), randomUUID()];
  const PER_TENANT = 25;
  const event = (tenantId: string, n: number) => makeEvent(EventTypes.billingInvoiceIssued, tenantId, { n });
  const produce = (e: EventEnvelope) =>
    withTenantScope(db.orm, e.tenantId, (em) => inTransaction(em, async (tx) => void enqueue(tx, e)));

  beforeAll(async () => {
    db = await createTestDb('postgres', 'outboxrls', outboxEntities, [
      entitySchemaMigration('Migration0001OutboxRlsTest'),
    ]);
    // both tenants write at the same time, each in its own scope
    await Promise.all(
      Array.from({ length: PER_TENANT }, (_, i) => [produce(event(A, i)), produce(event(B, i))]).flat(),
    );
  });
  afterAll(() => db?.close());

  const schema = () => db.schema;
  const bSeqs = async () =>
    (await db.owner.em.fork().find(OutboxEvent, { tenant: B }, { fields: ['seq'] })).map((r) => r.seq);

  /** Everything a request of `me` can do to `other`'s rows through the runtime role. */
  async function probe(me: string, other: string, otherSeqs: number[]) {
    return withTenantScope(db.orm, me, async (em) => {
      const ctx = em.getTransactionContext();
      const conn = em.getConnection();
      const visible = await em.find(OutboxEvent, {}, { fields: ['tenant'] });
      const updated = await em.nativeUpdate(OutboxEvent, { tenant: other }, { type: 'tampered' });
      const deleted = await em.nativeDelete(OutboxEvent, { tenant: other });
      const claimed = (await conn.execute(claimSql(schema()), [1000], 'all', ctx)) as unknown[];
      const marked = (await conn.execute(markPublishedSql(schema()), [seqsParam(otherSeqs)], 'get', ctx)) as {
        marked: number;
      };
      return {
        tenants: [...new Set(visible.map((r) => r.tenant))],
        count: visible.length,
        updated,
        deleted,
        claimed: claimed.length,
        marked: marked.marked,
      };
    });
  }

  it("a request scoped to one tenant reads and changes only its own tenant's rows (both in flight together)", async () => {
    const seqsOfB = await bSeqs();
    const seqsOfA = (await db.owner.em.fork().find(OutboxEvent, { tenant: A }, { fields: ['seq'] })).map(
      (r) => r.seq,
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? probe(A, B, seqsOfB) : probe(B, A, seqsOfA))),
    );
    for (const [i, r] of results.entries()) {
      expect(r.tenants).toEqual([i % 2 ? A : B]);
      expect(r.count).toBe(PER_TENANT);
      expect({ updated: r.updated, deleted: r.deleted, claimed: r.claimed, marked: r.marked }).toEqual({
        updated: 0,
        deleted: 0,
        claimed: 0,
        marked: 0,
      });
    }
    const all = await db.owner.em.fork().find(OutboxEvent, {});
    expect(all).toHaveLength(2 * PER_TENANT);
    expect(all.filter((r) => r.type === 'tampered' || r.publishedAt !== null)).toEqual([]);
  });

  it("a request scoped to tenant A cannot write a row in tenant B's name", async () => {
    const forged = event(B, 999);
    await expect(
      withTenantScope(db.orm, A, (em) => inTransaction(em, async (tx) => void enqueue(tx, forged))),
    ).rejects.toThrow(/row-level security/);
    expect(await db.owner.em.fork().count(OutboxEvent, { eventId: forged.id })).toBe(0);
  });

  it('outside any tenant scope the runtime role sees and writes nothing directly (fail closed)', async () => {
    const em = db.orm.em.fork();
    expect(await em.count(OutboxEvent, {})).toBe(0);
    const e = event(A, 1000);
    await expect(em.transactional(async (tx) => void enqueue(tx, e))).rejects.toThrow(/row-level security/);
  });

  it("the relay, outside any tenant scope, publishes every tenant's rows once", async () => {
    const bus = new MemoryEventBus();
    const seen: EventEnvelope[] = [];
    await bus.subscribe('test', [EventTypes.billingInvoiceIssued], async (e) => void seen.push(e));
    const relay = startOutboxRelay({ orm: db.orm, bus, intervalMs: HOUR, batchSize: 7 });
    expect(await relay.runOnce()).toBe(2 * PER_TENANT);
    expect(await relay.runOnce()).toBe(0);
    await relay.stop();
    await bus.drain();
    expect(seen.filter((e) => e.tenantId === A)).toHaveLength(PER_TENANT);
    expect(seen.filter((e) => e.tenantId === B)).toHaveLength(PER_TENANT);
    expect(seen.map((e) => (e.payload as { n: number }).n).filter((n) => n >= 0)).toHaveLength(
      2 * PER_TENANT,
    );
    expect(await db.owner.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);
  });
});
