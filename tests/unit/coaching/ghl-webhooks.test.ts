/**
 * GoHighLevel webhooks at POST /webhooks/ghl: signatures over the raw bytes (Ed25519 x-ghl-signature,
 * RSA-SHA256 x-wh-signature), stale and duplicate deliveries, the bounded queue (429), and what each
 * delivery type becomes (turns and hints, a new conversation's session from agents, events for other
 * subgraphs).
 */
import type { EntityManager } from '@mikro-orm/core';
import { unscopedFork, withTenantScope } from '../../../core/db/request-scope';
import { describeEachDb } from '../../helpers/variants';
import {
  ConversationTurn,
  SessionView,
  CoachingHint,
  GhlWebhookDelivery,
} from '../../../subgraphs/coaching/entities';
import {
  feedReadModels,
  fixture,
  startCoaching,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';
import { seedGhlRoutes } from '../../../subgraphs/coaching/seed';
import { rejectedWebhooks } from '../../../subgraphs/coaching/webhooks/rejection-log';
import { ghlKeys, inbound, postWebhook, signEd25519, signRsa, type GhlKeyPairs } from './support/ghl';

describeEachDb('GHL webhooks (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  let keys: GhlKeyPairs;
  const base = () => h.server.url;
  const inTenant = <T>(fn: (em: EntityManager) => Promise<T>) => withTenantScope(h.db.orm, f.tenantId, fn);
  const turnCount = () => inTenant((em) => em.count(ConversationTurn, {}));
  const send = (body: Record<string, unknown>, scheme: 'ed' | 'rsa' = 'ed') => {
    const raw = Buffer.from(JSON.stringify(body));
    const header: Record<string, string> =
      scheme === 'ed'
        ? { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) }
        : { 'x-wh-signature': signRsa(raw, keys.rsaPrivate) };
    return postWebhook(base(), raw, header);
  };
  const message = (over: Record<string, unknown> = {}) =>
    inbound({
      locationId: f.ghlLocationId,
      contactId: f.contactId,
      userId: f.ghlUserId,
      body: 'Do you have anything under 400k near downtown?',
      ...over,
    });

  beforeAll(async () => {
    keys = ghlKeys();
    h = await startCoaching(kind, {
      ghl: { ed25519PublicKeys: keys.ed25519PublicKeys, rsaPublicKeys: keys.rsaPublicKeys, queueSize: 2 },
    });
    f = fixture();
    await feedReadModels(h, f);
  });
  afterAll(async () => {
    await h.close();
  });

  it('accepts an Ed25519-signed InboundMessage with 202 and records a coached LEAD turn', async () => {
    const body = message();
    const res = await send(body);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: true, webhookId: body['webhookId'] });
    await h.settle();
    const turn = await inTenant((em) =>
      em.findOne(ConversationTurn, { externalId: body['messageId'] as string }),
    );
    expect(turn).toMatchObject({
      sessionId: f.sessionId,
      speaker: 'LEAD',
      source: 'GHL',
      text: body['body'],
    });
    expect(await inTenant((em) => em.count(CoachingHint, { sessionId: f.sessionId }))).toBeGreaterThan(0);
  });

  it('accepts an RSA-signed (x-wh-signature) delivery', async () => {
    const body = message({ body: 'Is the seller flexible on price?' });
    expect((await send(body, 'rsa')).status).toBe(202);
    await h.settle();
    expect(
      await inTenant((em) => em.count(ConversationTurn, { externalId: body['messageId'] as string })),
    ).toBe(1);
  });

  it('rejects unsigned, forged and altered deliveries with 401 and stores nothing', async () => {
    const before = await turnCount();
    const raw = Buffer.from(JSON.stringify(message()));
    const other = ghlKeys();
    const altered = Buffer.from(raw.toString('utf8').replace('400k', '900k'));
    const cases: [Buffer, Record<string, string>][] = [
      [raw, {}],
      [raw, { 'x-ghl-signature': signEd25519(raw, other.edPrivate) }],
      [raw, { 'x-wh-signature': signRsa(raw, other.rsaPrivate) }],
      [raw, { 'x-ghl-signature': 'bm90IGEgc2lnbmF0dXJl' }],
      [altered, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) }],
      [altered, { 'x-wh-signature': signRsa(raw, keys.rsaPrivate) }],
      // a valid signature over the re-serialized JSON is not a signature over the bytes received
      [
        Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 2)),
        { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) },
      ],
    ];
    for (const [bytes, headers] of cases) {
      const res = await postWebhook(base(), bytes, headers);
      expect(res.status).toBe(401);
    }
    await h.settle();
    expect(await turnCount()).toBe(before);
  });

  it('400 forged deliveries write a bounded number of warn lines; the metric counts all 400', async () => {
    const counter = async () =>
      (await rejectedWebhooks.get()).values.find((v) => v.labels['reason'] === 'signature')?.value ?? 0;
    const before = await counter();
    const warn = jest.spyOn(h.rt.logger, 'warn');
    try {
      const raw = Buffer.from(JSON.stringify(message()));
      const statuses = await Promise.all(
        Array.from({ length: 400 }, (_, i) =>
          postWebhook(base(), raw, i % 2 ? {} : { 'x-ghl-signature': 'bm90IGEgc2lnbmF0dXJl' }).then(
            (r) => r.status,
          ),
        ),
      );
      expect(statuses.filter((s) => s !== 401)).toEqual([]);
      const lines = warn.mock.calls.filter(([, msg]) => String(msg).includes('invalid signature'));
      // one source (loopback): at most a summary and a first line (none when an earlier test's rejection
      // opened this minute's window); before, 400
      expect(lines.length).toBeLessThanOrEqual(2);
      expect((await counter()) - before).toBe(400);
    } finally {
      warn.mockRestore();
    }
  });

  it('rejects stale deliveries and deliveries without a timestamp', async () => {
    const stale = await send(message({ timestamp: new Date(Date.now() - 301_000).toISOString() }));
    expect(stale.status).toBe(401);
    expect(stale.body['error']).toBe('stale delivery');
    const future = await send(message({ timestamp: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.status).toBe(401);
    const missing = await send(message({ timestamp: undefined }));
    expect(missing.status).toBe(400);
  });

  it('answers a duplicate webhookId with 200 {duplicate:true} and does not process it twice', async () => {
    const before = await turnCount();
    const body = message({ body: 'Can we see it Saturday?' });
    expect((await send(body)).status).toBe(202);
    const again = await send(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true });
    // same GHL message under a new webhook id: the unique (tenant, externalId) constraint holds
    expect((await send({ ...body, webhookId: 'another-delivery-id' })).status).toBe(202);
    await h.settle();
    expect(await turnCount()).toBe(before + 1);
  });

  it('answers 429 when the inbox is full (nothing stored), and the refused delivery can be retried', async () => {
    h.rt.ghlInbox.pause();
    const bodies = [message({ body: 'one' }), message({ body: 'two' }), message({ body: 'three' })];
    const statuses = [];
    for (const b of bodies) statuses.push((await send(b)).status);
    expect(statuses).toEqual([202, 202, 429]);
    h.rt.ghlInbox.resume();
    await h.settle();
    expect((await send(bodies[2]!)).status).toBe(202);
    await h.settle();
    const texts = await inTenant((em) =>
      em.find(ConversationTurn, { text: { $in: ['one', 'two', 'three'] } }),
    );
    expect(texts.map((t) => t.text).sort()).toEqual(['one', 'three', 'two']);
  });

  it('a new contact: states the conversation once, the session agents opened (its id) gets every message', async () => {
    const contactId = 'brand-new-contact';
    const first = message({
      contactId,
      body: 'Hi, I saw your listing on Elm St.',
      conversationId: 'conv-elm',
    });
    const second = message({ contactId, body: 'Is it still available?', conversationId: 'conv-elm' });
    expect((await send(first)).status).toBe(202);
    expect((await send(second)).status).toBe(202);
    await h.settle();
    const started = h.published.filter((e) => e.type === 'coaching.ghl_conversation.started');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      tenantId: f.tenantId,
      payload: {
        agentId: f.agentId,
        locationId: f.locationId,
        contactId,
        ghlLocationId: f.ghlLocationId,
        ghlConversationId: 'conv-elm',
        webhookId: first['webhookId'],
        messageId: first['messageId'],
      },
    });
    // coaching minted no session: the one it uses is the one agents (here its stand-in) opened
    const sessions = await inTenant((em) => em.find(SessionView, { contactId }));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ agentId: f.agentId, locationId: f.locationId, origin: 'AGENTS' });
    expect([...h.agents.opened.values()]).toContain(sessions[0]!.sessionId);
    const turns = await inTenant((em) => em.find(ConversationTurn, { sessionId: sessions[0]!.sessionId }));
    expect(turns.map((t) => t.text).sort()).toEqual([
      'Hi, I saw your listing on Elm St.',
      'Is it still available?',
    ]);
    expect(
      await inTenant((em) => em.count(CoachingHint, { sessionId: sessions[0]!.sessionId })),
    ).toBeGreaterThan(0);
    const rows = await unscopedFork(h.db.owner).find(
      GhlWebhookDelivery,
      { webhookId: { $in: [first['webhookId'] as string, second['webhookId'] as string] } },
      { filters: false },
    );
    expect(rows.map((r) => [r.status, r.attempts, r.detail])).toEqual([
      ['DONE', 0, null],
      ['DONE', 0, null],
    ]);
  });

  it('records an OutboundMessage as an AGENT turn without coaching', async () => {
    const hintsBefore = await inTenant((em) => em.count(CoachingHint, {}));
    const body = message({
      type: 'OutboundMessage',
      direction: 'outbound',
      body: 'Sure, Saturday at 10 works.',
    });
    expect((await send(body)).status).toBe(202);
    await h.settle();
    const turn = await inTenant((em) =>
      em.findOne(ConversationTurn, { externalId: body['messageId'] as string }),
    );
    expect(turn?.speaker).toBe('AGENT');
    expect(await inTenant((em) => em.count(CoachingHint, {}))).toBe(hintsBefore);
  });

  it('publishes coaching.ghl_opportunity.status_changed for an OpportunityStatusUpdate', async () => {
    const res = await send({
      type: 'OpportunityStatusUpdate',
      webhookId: 'opp-delivery-1',
      timestamp: new Date().toISOString(),
      locationId: f.ghlLocationId,
      id: 'opp-1',
      contactId: f.contactId,
      status: 'won',
      monetaryValue: 12500,
    });
    expect(res.status).toBe(202);
    await h.settle();
    const event = h.published.find((e) => e.type === 'coaching.ghl_opportunity.status_changed');
    expect(event).toMatchObject({
      tenantId: f.tenantId,
      payload: {
        locationId: f.locationId,
        contactId: f.contactId,
        opportunityId: 'opp-1',
        status: 'won',
        monetaryValue: 12500,
      },
    });
  });

  it('records INSTALL / UNINSTALL (no tenants.* event: coaching does not own that fact; a connected INSTALL states coaching.ghl_app.installed); UNINSTALL ends the routes', async () => {
    const common = {
      timestamp: new Date().toISOString(),
      appId: 'app-1',
      companyId: 'comp-1',
      locationId: f.ghlLocationId,
    };
    const before = h.published.length;
    expect(
      (await send({ ...common, type: 'INSTALL', webhookId: 'install-1', installType: 'Location' })).status,
    ).toBe(202);
    await h.settle();
    // still routed after an INSTALL: a message is accepted for the tenant
    const routed = message({ body: 'still routed after INSTALL' });
    expect((await send(routed)).status).toBe(202);
    await h.settle();
    expect(
      await inTenant((em) => em.count(ConversationTurn, { externalId: routed['messageId'] as string })),
    ).toBe(1);
    expect((await send({ ...common, type: 'UNINSTALL', webhookId: 'uninstall-1' })).status).toBe(202);
    await h.settle();
    const rows = await unscopedFork(h.db.owner).find(
      GhlWebhookDelivery,
      { webhookId: { $in: ['install-1', 'uninstall-1'] } },
      { filters: false },
    );
    expect(rows.map((r) => [r.webhookId, r.status, r.tenantId]).sort()).toEqual([
      ['install-1', 'DONE', f.tenantId],
      ['uninstall-1', 'DONE', f.tenantId],
    ]);
    expect(h.published.slice(before).filter((e) => e.type.startsWith('tenants.'))).toEqual([]);
    // the INSTALL of a connected location is coaching's fact, with the brand it carried (none here)
    expect(
      h.published
        .slice(before)
        .filter((e) => e.type === 'coaching.ghl_app.installed')
        .map((e) => [e.tenantId, e.payload]),
    ).toEqual([
      [
        f.tenantId,
        {
          locationId: f.locationId,
          ghlLocationId: f.ghlLocationId,
          companyName: null,
          logoUrl: null,
          whitelabel: false,
          installedAt: common.timestamp,
          webhookId: 'install-1',
        },
      ],
    ]);
    // the location's webhooks reach no tenant any more
    const after = message({ body: 'after UNINSTALL' });
    expect((await send(after)).status).toBe(202);
    await h.settle();
    const row = await unscopedFork(h.db.owner).findOne(
      GhlWebhookDelivery,
      { webhookId: after['webhookId'] as string },
      { filters: false },
    );
    expect(row).toMatchObject({ status: 'DEAD', reason: 'UNKNOWN_LOCATION' });
    await seedGhlRoutes(h.db.orm, [
      { tenantId: f.tenantId, ghlLocationId: f.ghlLocationId, locationId: f.locationId },
    ]);
  });

  it('ignores unknown types (200); a message for an unconnected location is dead-lettered, no turn', async () => {
    const before = await turnCount();
    const unknown = await send({
      type: 'ContactTagUpdate',
      webhookId: 'x-1',
      timestamp: new Date().toISOString(),
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ ignored: true });
    const unmapped = message({ locationId: 'not-a-mapped-location' });
    expect((await send(unmapped)).status).toBe(202);
    await h.settle();
    expect(await turnCount()).toBe(before);
    const row = await unscopedFork(h.db.owner).findOne(
      GhlWebhookDelivery,
      { webhookId: unmapped['webhookId'] as string },
      { filters: false },
    );
    expect(row).toMatchObject({ status: 'DEAD', reason: 'UNKNOWN_LOCATION', tenantId: null });
  });

  it('answers 405 to other methods and 400 to a signed non-JSON body', async () => {
    const get = await fetch(new URL('/webhooks/ghl', base()));
    expect(get.status).toBe(405);
    const raw = Buffer.from('not json');
    expect(
      (await postWebhook(base(), raw, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) })).status,
    ).toBe(400);
  });
});

describe('GHL webhooks without configured keys', () => {
  it('rejects every delivery (fail closed)', async () => {
    const h = await startCoaching('sqlite');
    try {
      const keys = ghlKeys();
      const raw = Buffer.from(JSON.stringify(inbound({ locationId: 'x', contactId: 'y', body: 'hi' })));
      expect(
        (await postWebhook(h.server.url, raw, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) }))
          .status,
      ).toBe(401);
    } finally {
      await h.close();
    }
  });
});
