/**
 * The hint quota on the coaching path: the limit comes from billing's `billing.subscription.changed`
 * (coaching's quota view), the count is coaching's own. A run is admitted (its first hint taken) before
 * spending on a model call, takes one more per further hint, and keeps counted exactly what it delivered. With a spent quota requestCoaching
 * answers QUOTA_EXCEEDED (remaining, resetsAt), while a coached turn — from the API or a GoHighLevel
 * webhook — is still stored and its run ends in FAILED with error QUOTA_EXCEEDED.
 */
import { MemoryCache } from '../../../core/cache';
import { MemoryQuotaCounter } from '../../../core/quota';
import { makeEvent } from '../../../core/events/envelope';
import { EventTypes, type SubscriptionChangedPayload } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { sessionChannel } from '../../../subgraphs/coaching';
import { createCoachingEngine } from '../../../subgraphs/coaching/engine';
import type { CoachingEngine } from '../../../subgraphs/coaching/engine/types';
import {
  feedReadModels,
  fixture,
  startCoaching,
  subscribe,
  waitForSubscribers,
  wsClient,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';
import { ghlKeys, inbound, postWebhook, signEd25519, type GhlKeyPairs } from './support/ghl';
import {
  ADD_TURN,
  HINTS_SUB,
  REQUEST,
  SESSION_FIELDS,
  sessionRep,
  type HintEventView,
  type SessionFieldsView,
} from './support/operations';

const DAY = 86_400_000;

describeEachDb('hint quota on the coaching path (%s)', (kind) => {
  let h: CoachingHarness;
  let keys: GhlKeyPairs;
  const quota = new MemoryQuotaCounter();
  const offline = createCoachingEngine({ cache: new MemoryCache() });
  const engineRun = jest.fn<ReturnType<CoachingEngine['run']>, Parameters<CoachingEngine['run']>>(
    (req, onEvent) => offline.run(req, onEvent),
  );
  const take = jest.spyOn(quota, 'take');

  /** A fresh tenant whose quota allows `limit` hints this period (resets tomorrow), as billing publishes it. */
  async function tenantWithLimit(limit: number): Promise<{ f: Fixture; periodEnd: string }> {
    const f = fixture();
    await feedReadModels(h, f);
    const now = Date.now();
    const periodEnd = new Date(now + DAY).toISOString();
    await h.events.publish(
      makeEvent<SubscriptionChangedPayload>(EventTypes.billingSubscriptionChanged, f.tenantId, {
        organizationId: f.tenantId,
        planCode: 'STARTER',
        status: 'ACTIVE',
        seats: 3,
        currentPeriodStart: new Date(now - DAY).toISOString(),
        currentPeriodEnd: periodEnd,
        hintLimit: limit,
      }),
    );
    await h.events.drain();
    return { f, periodEnd };
  }

  /** Hints counted for the tenant this period (a take of nothing reads the count). */
  const counted = async (tenantId: string, periodEnd: string) =>
    (await quota.take({ tenantId, periodEnd }, 0, 0, async () => 0)).used;

  async function hintEvents(f: Fixture) {
    const client = wsClient(h.wsUrl, await h.codec.sign(principal({ tenantId: f.tenantId })));
    const sub = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
    await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId));
    return {
      sub,
      close: async () => {
        sub.dispose();
        await client.dispose();
      },
    };
  }

  const stored = async (f: Fixture) =>
    (
      await h.exec<SessionFieldsView>(
        principal({ tenantId: f.tenantId }),
        SESSION_FIELDS,
        sessionRep(f.sessionId),
      )
    ).data!._entities[0]!;

  beforeAll(async () => {
    keys = ghlKeys();
    h = await startCoaching(kind, {
      quota,
      engine: { run: engineRun },
      // a spent quota is answered after waiting this long for it to change (a plan change on its way)
      readModelWaitMs: 300,
      ghl: { ed25519PublicKeys: keys.ed25519PublicKeys, rsaPublicKeys: keys.rsaPublicKeys },
    });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    engineRun.mockClear();
    take.mockClear();
  });

  it('requestCoaching answers QUOTA_EXCEEDED with remaining and resetsAt, and calls no model', async () => {
    const { f, periodEnd } = await tenantWithLimit(0);
    const p = principal({ tenantId: f.tenantId });
    const res = await h.exec(p, REQUEST, { s: f.sessionId, q: 'What should I ask next?' });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      remaining: 0,
      resetsAt: periodEnd,
    });
    await h.settle();
    expect(engineRun).not.toHaveBeenCalled();
  });

  it('addConversationTurn still stores the turn, and the run publishes FAILED with QUOTA_EXCEEDED', async () => {
    const { f } = await tenantWithLimit(0);
    const events = await hintEvents(f);
    try {
      const turn = await h.exec(principal({ tenantId: f.tenantId }), ADD_TURN, {
        input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'We want 3 bedrooms and to move by June.' },
      });
      expect(turn.errors).toBeUndefined();
      const items = await events.sub.until((all) => all.some((e) => e.type === 'FAILED'));
      expect(items).toEqual([expect.objectContaining({ type: 'FAILED', index: 0, error: 'QUOTA_EXCEEDED' })]);
      await h.settle();
      const session = await stored(f);
      expect(session.turns.map((t) => t.text)).toEqual(['We want 3 bedrooms and to move by June.']);
      expect(session.qualification?.slots.bedrooms).toBe(3);
      expect(session.hints).toHaveLength(0);
      expect(engineRun).not.toHaveBeenCalled();
      expect(h.published.some((e) => e.type === 'coaching.hint.delivered' && e.tenantId === f.tenantId)).toBe(
        false,
      );
    } finally {
      await events.close();
    }
  });

  it('a GoHighLevel message is stored the same way: 202, turn kept, FAILED with QUOTA_EXCEEDED', async () => {
    const { f } = await tenantWithLimit(0);
    const events = await hintEvents(f);
    try {
      const body = inbound({
        locationId: f.ghlLocationId,
        contactId: f.contactId,
        userId: f.ghlUserId,
        body: 'Do you have anything under 400k near downtown?',
      });
      const raw = Buffer.from(JSON.stringify(body));
      const res = await postWebhook(h.server.url, raw, {
        'x-ghl-signature': signEd25519(raw, keys.edPrivate),
      });
      expect(res.status).toBe(202);
      const items = await events.sub.until((all) => all.some((e) => e.type === 'FAILED'));
      expect(items.at(-1)).toMatchObject({ type: 'FAILED', index: 0, error: 'QUOTA_EXCEEDED' });
      await h.settle();
      const session = await stored(f);
      expect(session.turns.map((t) => t.externalId)).toEqual([body['messageId']]);
      expect(session.hints).toHaveLength(0);
      expect(engineRun).not.toHaveBeenCalled();
    } finally {
      await events.close();
    }
  });

  it('admits each run before its model call and counts exactly the hints the runs kept', async () => {
    const { f, periodEnd } = await tenantWithLimit(100);
    const p = principal({ tenantId: f.tenantId });
    const turn = await h.exec(p, ADD_TURN, {
      input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'Is the price negotiable at all?' },
    });
    expect(turn.errors).toBeUndefined();
    const run = await h.exec(p, REQUEST, { s: f.sessionId, q: 'How do I answer the price question?' });
    expect(run.errors).toBeUndefined();
    await h.settle();
    expect(engineRun).toHaveBeenCalledTimes(2);
    const hints = (await stored(f)).hints.length;
    expect(hints).toBeGreaterThan(0);
    // requestCoaching took its run's first hint before answering, the turn's run before it started
    expect(take.mock.calls.filter(([key]) => key.tenantId === f.tenantId).length).toBeGreaterThanOrEqual(2);
    expect(await counted(f.tenantId, periodEnd)).toBe(hints);
  });

  it('a run keeps no more hints than the quota has left', async () => {
    const { f, periodEnd } = await tenantWithLimit(1);
    const run = await h.exec(principal({ tenantId: f.tenantId }), REQUEST, {
      s: f.sessionId,
      q: 'They think the commission is too high and want to wait. What now?',
    });
    expect(run.errors).toBeUndefined();
    await h.settle();
    const engineHints = ((await engineRun.mock.results[0]!.value) as { hints: unknown[] }).hints;
    expect(engineHints.length).toBeGreaterThan(1); // the engine offered more than was left
    expect((await stored(f)).hints).toHaveLength(1);
    expect(await counted(f.tenantId, periodEnd)).toBe(1);
  });
});
