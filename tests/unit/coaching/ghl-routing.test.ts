/**
 * GoHighLevel location routes belong to the tenant that installed the app, not to whoever registered the
 * GHL location id first. Tenant B registers tenant A's GHL location id (before A does): nothing of that
 * location reaches B — before A connects (dead letters no tenant sees), while A connects, and afterwards
 * (A's), with deliveries and B's attempts in flight together. `connectGhlLocation` exchanges the OAuth code
 * (against a fake GoHighLevel token endpoint); UNINSTALL ends the route. On PostgreSQL: row-level security
 * on `ghl_location_routes` and `ghl_webhook_deliveries` for the runtime role, and the one narrow lookup.
 */
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { withTenantScope } from '../../../core/db/request-scope';
import { AgentRole, EventTypes, Experience, MemberRole } from '../../../core/vocabulary';
import { ConversationTurn, GhlWebhookDelivery } from '../../../subgraphs/coaching/entities';
import { GhlOAuthInstallVerifier } from '../../../subgraphs/coaching/webhooks/ghl-install-verifier';
import { startFakeGhlOAuth, type FakeGhlOAuth } from '../../fixtures/fake-ghl-oauth';
import { principal } from '../../helpers/principals';
import { describeEachDb, describeNeeding } from '../../helpers/variants';
import { seedGhlRoutes } from '../../../subgraphs/coaching/seed';
import { ghlKeys, inbound, postWebhook, signEd25519, type GhlKeyPairs } from './support/ghl';
import { fixture, startCoaching, type CoachingHarness, type Fixture } from './support/live-harness';

const CONNECT = `mutation ($code: String!) { connectGhlLocation(code: $code) { ghlLocationId locationId companyId } }`;
const DELIVERIES = `query ($status: GhlDeliveryStatus) {
  ghlWebhookDeliveries(status: $status, first: 200) { webhookId ghlLocationId locationId status reason detail }
}`;

interface DeliveryRow {
  webhookId: string;
  ghlLocationId: string | null;
  locationId: string | null;
  status: string;
  reason: string | null;
  detail: string | null;
}

describeEachDb('GHL routes follow the app installation, per tenant (%s)', (kind) => {
  let h: CoachingHarness;
  let ghl: FakeGhlOAuth;
  let keys: GhlKeyPairs;
  let a: Fixture;
  let b: Fixture;
  const shared = 'u-shared'; // both tenants' agents carry the same GHL user id: a mis-route would match
  const admin = (f: Fixture) => principal({ tenantId: f.tenantId });
  const inTenant = <T>(f: Fixture, fn: (em: EntityManager) => Promise<T>) =>
    withTenantScope(h.db.orm, f.tenantId, fn);
  const turns = (f: Fixture) => inTenant(f, (em) => em.count(ConversationTurn, {}));

  const register = async (f: Fixture, ghlLocationId: string, locationId = f.locationId) => {
    await h.events.publish(
      makeEvent(EventTypes.tenantLocationUpserted, f.tenantId, {
        locationId,
        organizationId: f.tenantId,
        ghlLocationId,
        name: 'Branch',
      }),
    );
    await h.events.drain();
  };
  const addAgent = async (f: Fixture) => {
    await h.events.publish(
      makeEvent(EventTypes.agentUpserted, f.tenantId, {
        agentId: f.agentId,
        locationId: f.locationId,
        name: 'Agent',
        role: AgentRole.BUYER_AGENT,
        experience: Experience.NOVICE,
        specializations: [],
        tags: [],
        active: true,
        ghlUserId: shared,
      }),
    );
    await h.events.drain();
  };
  const send = (body: Record<string, unknown>) => {
    const raw = Buffer.from(JSON.stringify(body));
    return postWebhook(h.server.url, raw, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) });
  };
  const message = (ghlLocationId: string, text: string) =>
    inbound({ locationId: ghlLocationId, contactId: `c-${text}`, userId: shared, body: text });
  const deliveriesOf = async (f: Fixture, status?: string): Promise<DeliveryRow[]> => {
    const res = await h.exec<{ ghlWebhookDeliveries: DeliveryRow[] }>(admin(f), DELIVERIES, { status });
    expect(res.errors).toBeUndefined();
    return res.data!.ghlWebhookDeliveries;
  };
  const connect = (f: Fixture, code: string) => h.exec(admin(f), CONNECT, { code });

  beforeAll(async () => {
    keys = ghlKeys();
    ghl = await startFakeGhlOAuth();
    h = await startCoaching(kind, {
      ghl: {
        ed25519PublicKeys: keys.ed25519PublicKeys,
        installVerifier: new GhlOAuthInstallVerifier({
          clientId: ghl.clientId,
          clientSecret: ghl.clientSecret,
          tokenUrl: ghl.tokenUrl,
        }),
      },
    });
    a = fixture();
    b = { ...fixture(), ghlLocationId: a.ghlLocationId };
    // B registers A's GHL location id FIRST (the old "first registration wins" rule handed B the webhooks)
    await register(b, a.ghlLocationId);
    await register(a, a.ghlLocationId);
    await addAgent(a);
    await addAgent(b);
  });
  afterAll(async () => {
    await h?.close();
    await ghl?.close();
  });

  it('before any installation proof, deliveries are dead letters no tenant receives or sees', async () => {
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => send(message(a.ghlLocationId, `pre-${i}`))),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(10).fill(202));
    await h.settle();
    expect(await turns(a)).toBe(0);
    expect(await turns(b)).toBe(0);
    // no tenant can be determined: operators only (log + metric), not in either tenant's list
    expect(await deliveriesOf(a)).toEqual([]);
    expect(await deliveriesOf(b)).toEqual([]);
    const dead = await h.db.owner.em
      .fork()
      .find(GhlWebhookDelivery, { ghlLocationId: a.ghlLocationId }, { filters: false });
    expect(dead).toHaveLength(10);
    for (const d of dead)
      expect(d).toMatchObject({ status: 'DEAD', reason: 'UNKNOWN_LOCATION', tenantId: null });
  });

  it("B cannot connect A's location without a code GoHighLevel issued for it", async () => {
    const forged = await connect(b, 'code-b-made-up');
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    // a code for a location B does not have (B's admin installed the app elsewhere)
    const elsewhere = await connect(b, ghl.issueCode('ghl-not-registered-by-b'));
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    // read-only credentials cannot connect at all
    const agent = await h.exec(principal({ tenantId: b.tenantId, role: MemberRole.AGENT }), CONNECT, {
      code: ghl.issueCode(a.ghlLocationId),
    });
    expect(agent.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it("A connects; 40 deliveries in flight with B re-registering and retrying connects: all 40 are A's, 0 are B's", async () => {
    const connected = await connect(a, ghl.issueCode(a.ghlLocationId, 'company-a'));
    expect(connected.errors).toBeUndefined();
    expect(connected.data).toEqual({
      connectGhlLocation: {
        ghlLocationId: a.ghlLocationId,
        locationId: a.locationId,
        companyId: 'company-a',
      },
    });
    const aBefore = await turns(a);
    const results = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        send(message(a.ghlLocationId, `live-${i}`)).then((r) => r.status),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        connect(b, `stolen-${i}`).then((r) => String(r.errors?.[0]?.extensions?.['code'])),
      ),
      register(b, a.ghlLocationId).then(() => 'registered'),
    ]);
    expect(results.slice(0, 40)).toEqual(Array(40).fill(202));
    expect(results.slice(40, 45)).toEqual(Array(5).fill('BAD_USER_INPUT'));
    await h.settle();
    expect((await turns(a)) - aBefore).toBe(40);
    expect(await turns(b)).toBe(0);
    const aDone = await deliveriesOf(a, 'DONE');
    expect(aDone).toHaveLength(40);
    for (const d of aDone)
      expect(d).toMatchObject({ ghlLocationId: a.ghlLocationId, locationId: a.locationId });
    expect(await deliveriesOf(b)).toEqual([]);
  });

  it('an UNINSTALL ends the route: later deliveries are dead letters again', async () => {
    const uninstall = await send({
      type: 'UNINSTALL',
      webhookId: `uninstall-${a.tenantId}`,
      timestamp: new Date().toISOString(),
      appId: 'app-1',
      companyId: 'company-a',
      locationId: a.ghlLocationId,
    });
    expect(uninstall.status).toBe(202);
    await h.settle();
    const before = await turns(a);
    expect((await send(message(a.ghlLocationId, 'after-uninstall'))).status).toBe(202);
    await h.settle();
    expect(await turns(a)).toBe(before);
    expect(await turns(b)).toBe(0);
  });
});

describeNeeding(['DATABASE_URL'], 'GHL routes and inbox under row-level security (postgres)', () => {
  let h: CoachingHarness;
  let keys: GhlKeyPairs;
  const a = fixture();
  const b = fixture();
  const q = (table: string) => `"${h.db.schema}"."${table}"`;
  /** Raw SQL as the runtime role, inside a tenant's scope (app.tenant_id set) or none; `inboxFlag` as the worker sets it. */
  const sql = async <T = Record<string, unknown>>(
    tenantId: string | null,
    text: string,
    params: unknown[] = [],
    inboxFlag = false,
  ): Promise<T[]> => {
    const run = async (em: EntityManager): Promise<T[]> => {
      const ctx = em.getTransactionContext();
      if (inboxFlag)
        await em.getConnection().execute(`select set_config('app.ghl_inbox', 'on', true)`, [], 'all', ctx);
      return em.getConnection().execute<T[]>(text, params, 'all', ctx);
    };
    if (tenantId) return withTenantScope(h.db.orm, tenantId, run);
    return h.db.orm.em.fork().transactional(run);
  };

  beforeAll(async () => {
    keys = ghlKeys();
    h = await startCoaching('postgres', { ghl: { ed25519PublicKeys: keys.ed25519PublicKeys } });
    await seedGhlRoutes(h.db.orm, [
      { tenantId: a.tenantId, ghlLocationId: a.ghlLocationId, locationId: a.locationId },
      { tenantId: b.tenantId, ghlLocationId: b.ghlLocationId, locationId: b.locationId },
    ]);
    // one delivery routed to each tenant, one for a location nobody connected
    for (const loc of [a.ghlLocationId, b.ghlLocationId, 'ghl-nobody']) {
      const raw = Buffer.from(JSON.stringify(inbound({ locationId: loc, contactId: 'c', body: 'hi' })));
      expect(
        (await postWebhook(h.server.url, raw, { 'x-ghl-signature': signEd25519(raw, keys.edPrivate) }))
          .status,
      ).toBe(202);
    }
    await h.settle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the runtime role reads and writes only its tenant routes; without a tenant it sees none', async () => {
    const seen = await sql<{ tenant_id: string }>(
      a.tenantId,
      `select tenant_id from ${q('ghl_location_routes')}`,
    );
    expect(seen.map((r) => r.tenant_id)).toEqual([a.tenantId]);
    expect(await sql(null, `select 1 from ${q('ghl_location_routes')}`)).toEqual([]);
    // writing B's route from A's scope: refused by the policy's WITH CHECK
    await expect(
      sql(
        a.tenantId,
        `insert into ${q('ghl_location_routes')} (id, tenant_id, ghl_location_id, location_id, installed_at) ` +
          `values (?, ?, ?, ?, now())`,
        [`${b.tenantId}:x`, b.tenantId, 'x', b.locationId],
      ),
    ).rejects.toThrow(/row-level security/);
    // taking over B's route from A's scope: B's row is invisible, nothing is updated or deleted
    await sql(a.tenantId, `update ${q('ghl_location_routes')} set tenant_id = ? where ghl_location_id = ?`, [
      a.tenantId,
      b.ghlLocationId,
    ]);
    await sql(a.tenantId, `delete from ${q('ghl_location_routes')} where ghl_location_id = ?`, [
      b.ghlLocationId,
    ]);
    const bRoutes = await sql<{ tenant_id: string }>(
      b.tenantId,
      `select tenant_id from ${q('ghl_location_routes')} where ghl_location_id = ?`,
      [b.ghlLocationId],
    );
    expect(bRoutes).toEqual([{ tenant_id: b.tenantId }]);
    // the inbox worker's flag does not open the routes table
    const flagged = await sql<{ tenant_id: string }>(
      a.tenantId,
      `select tenant_id from ${q('ghl_location_routes')}`,
      [],
      true,
    );
    expect(flagged.map((r) => r.tenant_id)).toEqual([a.tenantId]);
  });

  it('the one cross-tenant path answers only the tenant and location of one GHL location', async () => {
    const rows = await sql<Record<string, unknown>>(
      a.tenantId,
      `select * from "${h.db.schema}".ghl_route_for(?)`,
      [b.ghlLocationId],
    );
    expect(rows).toEqual([{ tenant_id: b.tenantId, location_id: b.locationId }]);
    expect(await sql(a.tenantId, `select * from "${h.db.schema}".ghl_route_for(?)`, ['ghl-nobody'])).toEqual(
      [],
    );
  });

  it('inbox rows: a tenant sees its own only, no one sees unrouted ones; only the worker flag sees all', async () => {
    const tenantsOf = async (tenantId: string | null, flag = false) =>
      (
        await sql<{ tenant_id: string | null }>(
          tenantId,
          `select tenant_id from ${q('ghl_webhook_deliveries')} order by seq`,
          [],
          flag,
        )
      ).map((r) => r.tenant_id);
    expect(await tenantsOf(a.tenantId)).toEqual([a.tenantId]);
    expect(await tenantsOf(b.tenantId)).toEqual([b.tenantId]);
    expect(await tenantsOf(null)).toEqual([]);
    expect(await tenantsOf(null, true)).toEqual([a.tenantId, b.tenantId, null]);
    // B's delivery (no agent matched: a dead letter B sees) cannot be revived or altered from A's scope
    const bRow = `select status, reason from ${q('ghl_webhook_deliveries')}`;
    expect(await sql(b.tenantId, bRow)).toEqual([{ status: 'DEAD', reason: 'NO_MATCHING_AGENT' }]);
    await sql(
      a.tenantId,
      `update ${q('ghl_webhook_deliveries')} set status = 'PENDING', reason = null where tenant_id = ?`,
      [b.tenantId],
    );
    expect(await sql(b.tenantId, bRow)).toEqual([{ status: 'DEAD', reason: 'NO_MATCHING_AGENT' }]);
  });
});
