/**
 * Create-then-use for the GoHighLevel install: a location created in the tenants subgraph is connected
 * (`connectGhlLocation`, coaching subgraph) the moment `createLocation` answers — no delay, no retry —
 * with many chains in flight from both demo tenants, through the real gateway. Coaching learns the
 * location from an event; it waits (bounded) for it instead of answering "none of your locations". A code
 * for another tenant's fresh location is still refused, exactly like one for a location nobody has.
 */
import { randomUUID } from 'node:crypto';
import { startFakeGhlOAuth, type FakeGhlOAuth } from '../fixtures/fake-ghl-oauth';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const CREATE_LOCATION = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id } }`;
const CONNECT = `mutation ($code: String!) { connectGhlLocation(code: $code) { ghlLocationId locationId } }`;
const CHAINS = 40;

describeEachDb('a location is connectable to GoHighLevel the moment it is created (%s)', (kind) => {
  let t: TestPlatform;
  let ghl: FakeGhlOAuth;

  beforeAll(async () => {
    ghl = await startFakeGhlOAuth();
    t = await startTestPlatform(kind, {
      RATE_LIMIT_PER_MINUTE: '100000',
      GHL_CLIENT_ID: ghl.clientId,
      GHL_CLIENT_SECRET: ghl.clientSecret,
      GHL_OAUTH_TOKEN_URL: ghl.tokenUrl,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await ghl?.close();
  });

  const createLocation = async (tenant: 'acme' | 'summit', ghlLocationId: string) => {
    const r = await t.gql<{ createLocation: { id: string } }>(
      CREATE_LOCATION,
      { input: { ghlLocationId, name: `Branch ${ghlLocationId}`, timezone: 'America/Chicago' } },
      { 'x-api-key': t.apiKeys[tenant] },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createLocation.id;
  };

  test(`${CHAINS} createLocation → connectGhlLocation chains at once, both tenants: 0 failures`, async () => {
    const results = await Promise.all(
      Array.from({ length: CHAINS }, async (_, i) => {
        const tenant = i % 2 ? 'summit' : 'acme';
        const ghlLocationId = `ghl-new-${i}-${randomUUID().slice(0, 8)}`;
        const locationId = await createLocation(tenant, ghlLocationId);
        const connected = await t.gql<{ connectGhlLocation: { ghlLocationId: string; locationId: string } }>(
          CONNECT,
          { code: ghl.issueCode(ghlLocationId) },
          { 'x-api-key': t.apiKeys[tenant] },
        );
        return { connected, expected: { ghlLocationId, locationId } };
      }),
    );
    const failures = results.filter((r) => r.connected.errors).map((r) => r.connected.errors);
    expect(failures).toEqual([]);
    for (const r of results) expect(r.connected.data!.connectGhlLocation).toEqual(r.expected);
  }, 120_000);

  test("a code for another tenant's freshly created location is refused like an unknown one", async () => {
    const ghlLocationId = `ghl-acme-only-${randomUUID().slice(0, 8)}`;
    await createLocation('acme', ghlLocationId);
    const [foreign, unknown] = await Promise.all([
      t.gql(CONNECT, { code: ghl.issueCode(ghlLocationId) }, { 'x-api-key': t.apiKeys.summit }),
      t.gql(CONNECT, { code: ghl.issueCode('ghl-nobody-has-this') }, { 'x-api-key': t.apiKeys.summit }),
    ]);
    for (const r of [foreign, unknown])
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    // the same message shape: only the GHL id the caller sent differs
    const shape = (r: typeof foreign, id: string) => r.errors![0]!.message.replace(id, '<id>');
    expect(shape(foreign, ghlLocationId)).toBe(shape(unknown, 'ghl-nobody-has-this'));
  }, 60_000);
});
