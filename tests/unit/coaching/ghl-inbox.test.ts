/**
 * The durable GHL webhook inbox, in process: a message whose GHL user matches no agent is dead-lettered
 * (NO_MATCHING_AGENT, visible to its tenant, counted for operators) — never handed to another agent of the
 * location; duplicates in flight together are stored and processed once; a processing failure rolls its
 * effects back and is retried, then dead-lettered after `maxAttempts`, holding back later deliveries of the
 * same contact until then. Failures are injected by a database trigger (no code seam).
 */
import type { EntityManager } from '@mikro-orm/core';
import { withTenantScope } from '../../../core/db/request-scope';
import { metrics } from '../../../core/metrics';
import { ConversationTurn, GhlWebhookDelivery, SessionView } from '../../../subgraphs/coaching/entities';
import { principal } from '../../helpers/principals';
import { describeEachDb } from '../../helpers/variants';
import { ghlKeys, inbound, postWebhook, signEd25519, type GhlKeyPairs } from './support/ghl';
import {
  feedReadModels,
  fixture,
  startCoaching,
  waitFor,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';

const DEAD = `{ ghlWebhookDeliveries(status: DEAD, first: 200) { webhookId status reason detail } }`;

async function deadLetterCount(reason: string): Promise<number> {
  const metric = await metrics.registry.getSingleMetric('ghl_webhook_dead_letters_total')?.get();
  return metric?.values.find((v) => v.labels['reason'] === reason)?.value ?? 0;
}

describeEachDb('GHL webhook inbox (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  let keys: GhlKeyPairs;
  const inTenant = <T>(fn: (em: EntityManager) => Promise<T>, tenantId = f.tenantId) =>
    withTenantScope(h.db.orm, tenantId, fn);
  const send = (body: Record<string, unknown>) => {
    const raw = Buffer.from(JSON.stringify(body));
    return postWebhook(h.server.url, raw, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) });
  };
  const message = (over: Record<string, unknown>) =>
    inbound({ locationId: f.ghlLocationId, contactId: f.contactId, userId: f.ghlUserId, ...over });
  const row = (webhookId: string) =>
    h.db.owner.em.fork().findOne(GhlWebhookDelivery, { webhookId }, { filters: false });

  beforeAll(async () => {
    keys = ghlKeys();
    h = await startCoaching(kind, {
      ghl: { ed25519PublicKeys: keys.ed25519PublicKeys, maxAttempts: 2, pollIntervalMs: 50 },
    });
    f = fixture();
    await feedReadModels(h, f);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('dead-letters messages whose GHL user matches no agent (20 in flight with 20 matched ones)', async () => {
    const deadBefore = await deadLetterCount('NO_MATCHING_AGENT');
    const contact = (i: number) => `contact-mix-${i}`;
    const unmatched = Array.from({ length: 20 }, (_, i) =>
      message({ userId: 'ghl-user-nobody', contactId: contact(i), body: `unmatched ${i}` }),
    );
    const matched = Array.from({ length: 20 }, (_, i) =>
      message({ contactId: contact(i), body: `matched ${i}` }),
    );
    const statuses = await Promise.all([...unmatched, ...matched].map((b) => send(b).then((r) => r.status)));
    expect(statuses).toEqual(Array(40).fill(202));
    await h.settle();
    // the matched ones opened sessions of the matching agent only; the other agent of the location got none
    const sessions = await inTenant((em) => em.find(SessionView, { contactId: { $like: 'contact-mix-%' } }));
    expect(sessions).toHaveLength(20);
    expect(new Set(sessions.map((s) => s.agentId))).toEqual(new Set([f.agentId]));
    const texts = (await inTenant((em) => em.find(ConversationTurn, { text: { $like: '%matched %' } }))).map(
      (t) => t.text,
    );
    expect(texts.filter((t) => t.startsWith('unmatched'))).toEqual([]);
    expect(texts.filter((t) => t.startsWith('matched'))).toHaveLength(20);
    // visible to the tenant, with the reason; counted for operators
    const res = await h.exec<{
      ghlWebhookDeliveries: { webhookId: string; reason: string; detail: string }[];
    }>(principal({ tenantId: f.tenantId }), DEAD);
    const dead = res.data!.ghlWebhookDeliveries.filter((d) =>
      unmatched.some((u) => u['webhookId'] === d.webhookId),
    );
    expect(dead).toHaveLength(20);
    for (const d of dead) {
      expect(d.reason).toBe('NO_MATCHING_AGENT');
      expect(d.detail).toContain('ghl-user-nobody');
    }
    expect((await deadLetterCount('NO_MATCHING_AGENT')) - deadBefore).toBe(20);
    // another tenant's admin sees none of them
    const other = await h.exec<{ ghlWebhookDeliveries: unknown[] }>(
      principal({ tenantId: 'someone-else' }),
      DEAD,
    );
    expect(other.data!.ghlWebhookDeliveries).toEqual([]);
  });

  it("a message naming no GHL user goes to the contact's open session, or is dead-lettered", async () => {
    const known = message({ userId: undefined, body: 'no user, session exists' });
    const unknown = message({
      userId: undefined,
      contactId: 'contact-without-session',
      body: 'no user, no session',
    });
    expect((await Promise.all([send(known), send(unknown)])).map((r) => r.status)).toEqual([202, 202]);
    await h.settle();
    const turn = await inTenant((em) =>
      em.findOne(ConversationTurn, { externalId: known['messageId'] as string }),
    );
    expect(turn?.sessionId).toBe(f.sessionId);
    expect(await row(unknown['webhookId'] as string)).toMatchObject({
      status: 'DEAD',
      reason: 'NO_MATCHING_AGENT',
    });
    expect(await inTenant((em) => em.count(SessionView, { contactId: 'contact-without-session' }))).toBe(0);
  });

  it('stores and processes concurrent duplicates once: one webhookId ×25, one messageId under 10 webhookIds', async () => {
    const before = await inTenant((em) => em.count(ConversationTurn, {}));
    const same = message({ body: 'sent 25 times' });
    const results = await Promise.all(Array.from({ length: 25 }, () => send(same)));
    expect(results.filter((r) => r.status === 202)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200 && r.body['duplicate'] === true)).toHaveLength(24);
    const retried = message({ body: 'one GHL message, 10 deliveries' });
    const ids = Array.from({ length: 10 }, (_, i) => `redelivery-${i}-${String(retried['webhookId'])}`);
    const again = await Promise.all(ids.map((webhookId) => send({ ...retried, webhookId })));
    expect(again.map((r) => r.status)).toEqual(Array(10).fill(202));
    await h.settle();
    expect((await inTenant((em) => em.count(ConversationTurn, {}))) - before).toBe(2);
    const rows = await h.db.owner.em
      .fork()
      .find(
        GhlWebhookDelivery,
        { webhookId: { $in: [String(same['webhookId']), ...ids] } },
        { filters: false },
      );
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.status === 'DONE' && r.attempts === 0)).toBe(true);
  });

  describe('processing failures (a database trigger refuses turns saying "fails" while switched on)', () => {
    const q = (name: string) => (kind === 'postgres' ? `"${h.db.schema}"."${name}"` : `"${name}"`);
    const owner = (text: string) => h.db.owner.em.getConnection().execute(text);
    beforeAll(async () => {
      await owner(`create table ${q('test_fail_switch')} (x integer)`);
      if (kind === 'postgres') {
        await owner(
          `grant select on ${q('test_fail_switch')} to ${process.env['DB_APP_ROLE'] ?? 'coaching_app'}`,
        );
        await owner(
          `create function ${q('test_fail_turn')}() returns trigger language plpgsql as $$ begin ` +
            `if new.text like '%fails%' and exists (select 1 from ${q('test_fail_switch')}) ` +
            `then raise exception 'injected failure'; end if; ` +
            `return new; end $$`,
        );
        await owner(
          `create trigger test_fail_turns before insert on ${q('conversation_turns')} ` +
            `for each row execute function ${q('test_fail_turn')}()`,
        );
      } else {
        await owner(
          `create trigger test_fail_turns before insert on conversation_turns ` +
            `when new.text like '%fails%' and exists (select 1 from test_fail_switch) ` +
            `begin select raise(abort, 'injected failure'); end`,
        );
      }
    });
    const failOn = () => owner(`insert into ${q('test_fail_switch')} values (1)`);
    const failOff = () => owner(`delete from ${q('test_fail_switch')}`);

    it('a failed attempt leaves no effect and is retried: one turn in the end, attempts recorded', async () => {
      await failOn();
      const body = message({ contactId: 'contact-retry', body: 'fails once' });
      expect((await send(body)).status).toBe(202);
      await waitFor(async () => ((await row(String(body['webhookId'])))?.attempts ?? 0) >= 1, 10_000);
      // the conversation's session is agents' (committed before the turn failed): it stays, with no turn
      expect(await inTenant((em) => em.count(SessionView, { contactId: 'contact-retry' }))).toBe(1);
      expect(
        await inTenant((em) => em.count(ConversationTurn, { externalId: String(body['messageId']) })),
      ).toBe(0);
      await failOff();
      await waitFor(async () => (await row(String(body['webhookId'])))?.status === 'DONE', 10_000);
      expect(await row(String(body['webhookId']))).toMatchObject({ status: 'DONE', attempts: 1 });
      expect(
        await inTenant((em) => em.count(ConversationTurn, { externalId: String(body['messageId']) })),
      ).toBe(1);
    });

    it("dead-letters after maxAttempts; the contact's next message is processed only after that", async () => {
      const before = await deadLetterCount('PROCESSING_FAILED');
      await failOn();
      const first = message({ contactId: 'contact-poison', body: 'always fails' });
      const second = message({ contactId: 'contact-poison', body: 'comes after' });
      expect((await send(first)).status).toBe(202);
      expect((await send(second)).status).toBe(202);
      await waitFor(async () => (await row(String(second['webhookId'])))?.status === 'DONE', 15_000);
      const [a, b] = [await row(String(first['webhookId'])), await row(String(second['webhookId']))];
      expect(a).toMatchObject({ status: 'DEAD', reason: 'PROCESSING_FAILED', attempts: 2 });
      // same contact: the second waited until the first was settled (dead), and succeeded at once
      expect(b).toMatchObject({ status: 'DONE', attempts: 0 });
      expect(b!.processedAt!.getTime()).toBeGreaterThanOrEqual(a!.processedAt!.getTime());
      expect((await deadLetterCount('PROCESSING_FAILED')) - before).toBe(1);
      const texts = (
        await inTenant((em) => em.find(ConversationTurn, { text: { $in: ['always fails', 'comes after'] } }))
      ).map((t) => t.text);
      expect(texts).toEqual(['comes after']);
      await failOff();
    });
  });
});
