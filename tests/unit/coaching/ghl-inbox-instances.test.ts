/**
 * Several coaching instances share one webhook inbox: each delivery is processed by exactly one of them,
 * the deliveries of one contact one after another in arrival order; an instance that shuts down finishes
 * what it is processing (drain) and leaves the rest PENDING, which the next instance picks up. On
 * PostgreSQL the instances are separate connection pools (as separate processes would be); on SQLite
 * (one process by design) they share the one connection.
 */
import type { EntityManager } from '@mikro-orm/core';
import { loadConfig } from '../../../core/config';
import { ContextTokenCodec } from '../../../core/context-token';
import { createOrm, type Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import { createLogger } from '../../../core/logger';
import { MemoryPubSub } from '../../../core/pubsub';
import { createCoachingSubgraph, type CoachingRuntime } from '../../../subgraphs/coaching';
import { ConversationTurn, GhlWebhookDelivery } from '../../../subgraphs/coaching/entities';
import { dbOptions } from '../../helpers/db';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../../helpers/subgraph-harness';
import { describeEachDb } from '../../helpers/variants';
import { ghlKeys, inbound, postWebhook, signEd25519, type GhlKeyPairs } from './support/ghl';
import {
  feedReadModels,
  fixture,
  startCoaching,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';

const logger = createLogger({ level: 'silent', name: 'coaching-2' });

describeEachDb('GHL webhook inbox shared by coaching instances (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  let keys: GhlKeyPairs;
  const extra: { rt: CoachingRuntime; orm: Orm | null }[] = [];

  /** Another coaching instance on the same database (its own pool on PostgreSQL); its worker not started. */
  const instance = async (): Promise<CoachingRuntime> => {
    const module = createCoachingSubgraph({
      pubsub: new MemoryPubSub(),
      ghl: { ed25519PublicKeys: keys.ed25519PublicKeys, pollIntervalMs: 50 },
    });
    const orm =
      kind === 'postgres'
        ? await createOrm({
            name: 'coaching',
            entities: module.entities,
            migrations: module.migrations,
            database: dbOptions('postgres'),
            schema: h.db.schema,
          })
        : null;
    const { runtime: rt } = await module.create({
      config: loadConfig({
        JWT_SECRET: TEST_JWT_SECRET,
        CONTEXT_SECRET: TEST_CONTEXT_SECRET,
        NODE_ENV: 'test',
      }),
      orm: orm ?? h.db.orm,
      events: new MemoryEventBus(logger),
      logger,
      codec: new ContextTokenCodec(TEST_CONTEXT_SECRET),
    });
    extra.push({ rt, orm });
    return rt;
  };
  const send = (body: Record<string, unknown>) => {
    const raw = Buffer.from(JSON.stringify(body));
    return postWebhook(h.server.url, raw, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) });
  };
  const inTenant = <T>(fn: (em: EntityManager) => Promise<T>) => withTenantScope(h.db.orm, f.tenantId, fn);
  const rows = (webhookIds: string[]) =>
    h.db.owner.em
      .fork()
      .find(
        GhlWebhookDelivery,
        { webhookId: { $in: webhookIds } },
        { filters: false, orderBy: { seq: 'asc' } },
      );
  /** `n` contacts × 2 messages each, all accepted (202) while no worker runs. */
  const accept = async (tag: string, contacts: number) => {
    const bodies = Array.from({ length: contacts }, (_, i) =>
      [1, 2].map((k) =>
        inbound({
          locationId: f.ghlLocationId,
          contactId: `${tag}-contact-${i}`,
          userId: f.ghlUserId,
          body: `${tag} message ${k} of contact ${i}`,
        }),
      ),
    ).flat();
    const statuses = await Promise.all(bodies.map((b) => send(b).then((r) => r.status)));
    expect(statuses).toEqual(Array(bodies.length).fill(202));
    return bodies;
  };

  beforeAll(async () => {
    keys = ghlKeys();
    h = await startCoaching(kind, { ghl: { ed25519PublicKeys: keys.ed25519PublicKeys, pollIntervalMs: 50 } });
    f = fixture();
    await feedReadModels(h, f);
  });
  afterAll(async () => {
    for (const { rt, orm } of extra) {
      await rt.close();
      await orm?.close(true);
    }
    await h?.close();
  });

  // 60 new conversations wait for their sessions first: on 2 loaded CI cores that takes longer than jest's default
  // 30 s (a correctness test, not a timing one); the second instance is closed even when it fails, so its worker
  // cannot take the next test's deliveries
  it('two instances process 120 deliveries together: each exactly once, each contact in order', async () => {
    h.rt.ghlInbox.pause();
    const second = await instance();
    try {
      await pairsTogether(second);
    } finally {
      await second.close();
    }
  }, 120_000);

  async function pairsTogether(second: CoachingRuntime): Promise<void> {
    const bodies = await accept('pair', 60);
    const turnsBefore = await inTenant((em) => em.count(ConversationTurn, {}));
    const [d1, d2] = [h.rt.ghlInboxStats.done, second.ghlInboxStats.done];
    // both start claiming at the same moment
    h.rt.ghlInbox.resume();
    second.startInbox();
    await Promise.all([h.settle(), second.idle()]);
    await h.settle();
    const byFirst = h.rt.ghlInboxStats.done - d1;
    const bySecond = second.ghlInboxStats.done - d2;
    expect(byFirst + bySecond).toBe(120);
    if (kind === 'postgres') {
      // separate pools really worked side by side
      expect(byFirst).toBeGreaterThan(0);
      expect(bySecond).toBeGreaterThan(0);
    }
    expect((await inTenant((em) => em.count(ConversationTurn, {}))) - turnsBefore).toBe(120);
    const stored = await rows(bodies.map((b) => String(b['webhookId'])));
    expect(stored.every((r) => r.status === 'DONE' && r.attempts === 0)).toBe(true);
    // per contact, the delivery that arrived first (lower seq) was settled first
    for (let i = 0; i < 60; i++) {
      const pair = stored.filter((r) => r.orderKey === `${f.ghlLocationId}:pair-contact-${i}`);
      expect(pair).toHaveLength(2);
      expect(pair[0]!.processedAt!.getTime()).toBeLessThanOrEqual(pair[1]!.processedAt!.getTime());
    }
  }

  it('an instance shutting down drains what it processes; the next one resumes the rest, once each', async () => {
    h.rt.ghlInbox.pause();
    const leaving = await instance();
    const bodies = await accept('drain', 20);
    const turnsBefore = await inTenant((em) => em.count(ConversationTurn, {}));
    // stop while it is working — right after its first delivery committed DONE (new contacts first wait,
    // PENDING, for the session agents opens): close() returns only when the deliveries then in flight are
    // committed too
    let closing: Promise<void> | null = null;
    const closed = new Promise<void>((resolve) => {
      const record = leaving.ghlInboxStats.record.bind(leaving.ghlInboxStats);
      jest.spyOn(leaving.ghlInboxStats, 'record').mockImplementation((result) => {
        record(result);
        if ('outcome' in result && result.outcome.status === 'DONE')
          closing ??= leaving.close().then(resolve);
      });
    });
    leaving.startInbox();
    await closed;
    const ids = bodies.map((b) => String(b['webhookId']));
    const afterStop = await rows(ids);
    expect(new Set(afterStop.map((r) => r.status))).toEqual(new Set(['DONE', 'PENDING']));
    const done = afterStop.filter((r) => r.status === 'DONE').length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(40); // some were left for the next instance
    expect(afterStop.filter((r) => r.status === 'PENDING')).toHaveLength(40 - done);
    // nothing half-done: a turn exists exactly for each DONE delivery
    expect((await inTenant((em) => em.count(ConversationTurn, {}))) - turnsBefore).toBe(done);
    const next = await instance();
    next.startInbox();
    await next.idle();
    await h.settle();
    expect((await rows(ids)).every((r) => r.status === 'DONE')).toBe(true);
    expect((await inTenant((em) => em.count(ConversationTurn, {}))) - turnsBefore).toBe(40);
    h.rt.ghlInbox.resume();
  });
});
