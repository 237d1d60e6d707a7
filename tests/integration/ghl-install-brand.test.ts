/**
 * Issue 9 §2: the brand that arrives with a GoHighLevel app INSTALL (`companyName`,
 * `whitelabelDetails.logoUrl`) styles the organization that owns the installed location, as the widget reads
 * it (`viewer.organization.branding`). Through the whole platform: a signed INSTALL on the gateway's
 * webhook route, `connectGhlLocation` proving the installation against a fake GoHighLevel OAuth endpoint,
 * coaching's `coaching.ghl_app.installed`, tenants' consumer. Either order (INSTALL before or after the
 * connect); a branding the tenant sets after the install survives a redelivered INSTALL and a reconnect
 * (both re-state the old install), while a newer install applies; two tenants installing at once each get
 * their own brand; a logo that is not an https URL is never applied. Waits on the API and on the consumer's
 * log lines, never on a duration.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startFakeGhlOAuth, type FakeGhlOAuth } from '../fixtures/fake-ghl-oauth';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

type Tenant = 'acme' | 'summit';
interface Branding {
  brandName: string | null;
  primaryColor: string | null;
  logoUrl: string | null;
}
/** A child organization of a demo tenant with one location and an admin key of its own. */
interface Space {
  tenant: Tenant;
  key: string;
  organizationId: string;
  locationId: string;
  ghlLocationId: string;
}
interface BrandLog {
  msg?: string;
  locationId?: string;
  webhookId?: string;
  result?: string;
}

const WAIT = { timeoutMs: 20_000, intervalMs: 25 };
const VIEWER = `{ viewer { organization { id branding { brandName primaryColor logoUrl } } } }`;
const CONNECT = `mutation ($code: String!) { connectGhlLocation(code: $code) { ghlLocationId locationId } }`;

describeEachDb('the brand a GoHighLevel install carries styles the organization (%s)', (kind) => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const lines: string[] = [];
  const logger = pino(
    { level: 'info', name: 'it' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  let t: TestPlatform;
  let ghl: FakeGhlOAuth;

  beforeAll(async () => {
    ghl = await startFakeGhlOAuth();
    t = await startTestPlatform(
      kind,
      {
        RATE_LIMIT_PER_MINUTE: '100000',
        GHL_ED25519_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        GHL_CLIENT_ID: ghl.clientId,
        GHL_CLIENT_SECRET: ghl.clientSecret,
        GHL_OAUTH_TOKEN_URL: ghl.tokenUrl,
      },
      logger,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await ghl?.close();
  });

  const ok = async <T>(query: string, variables: Record<string, unknown>, key: string): Promise<T> => {
    const r = await t.gql<T>(query, variables, { 'x-api-key': key });
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  const newSpace = async (tenant: Tenant): Promise<Space> => {
    const root = t.apiKeys[tenant];
    const suffix = randomUUID().slice(0, 8);
    const { createOrganization: org } = await ok<{ createOrganization: { id: string } }>(
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { name: `Brokerage ${suffix}` } },
      root,
    );
    const ghlLocationId = `ghl-brand-${tenant}-${suffix}`;
    const { createLocation: loc } = await ok<{ createLocation: { id: string } }>(
      `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id } }`,
      {
        input: {
          organizationId: org.id,
          ghlLocationId,
          name: `Office ${suffix}`,
          timezone: 'America/Denver',
        },
      },
      root,
    );
    const { createApiKey } = await ok<{ createApiKey: { secret: string } }>(
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { name: `key ${suffix}`, scopes: ['tenants:read', 'tenants:admin'], organizationId: org.id } },
      root,
    );
    return { tenant, key: createApiKey.secret, organizationId: org.id, locationId: loc.id, ghlLocationId };
  };

  /** Sends a signed INSTALL as GoHighLevel does (marketplace app install event); answers the HTTP status. */
  const install = async (
    s: Space,
    brand: { companyName: string; logoUrl?: string },
    opts: { webhookId?: string; timestamp?: string } = {},
  ): Promise<number> => {
    const body = {
      type: 'INSTALL',
      appId: 'app-coach',
      installType: 'Location',
      locationId: s.ghlLocationId,
      companyId: `company-${s.tenant}`,
      userId: 'ghl-user-installer',
      companyName: brand.companyName,
      isWhitelabelCompany: brand.logoUrl !== undefined,
      ...(brand.logoUrl !== undefined
        ? { whitelabelDetails: { logoUrl: brand.logoUrl, domain: 'x.test' } }
        : {}),
      timestamp: opts.timestamp ?? new Date().toISOString(),
      webhookId: opts.webhookId ?? randomUUID(),
    };
    const raw = Buffer.from(JSON.stringify(body));
    const res = await fetch(new URL('/webhooks/ghl', t.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ghl-signature': sign(null, raw, privateKey).toString('base64'),
      },
      body: new Uint8Array(raw),
    });
    return res.status;
  };

  const connect = async (s: Space): Promise<void> => {
    const { connectGhlLocation } = await ok<{ connectGhlLocation: { locationId: string } }>(
      CONNECT,
      { code: ghl.issueCode(s.ghlLocationId) },
      s.key,
    );
    expect(connectGhlLocation.locationId).toBe(s.locationId);
  };

  const branding = async (s: Space): Promise<Branding> => {
    const { viewer } = await ok<{ viewer: { organization: { id: string; branding: Branding } } }>(
      VIEWER,
      {},
      s.key,
    );
    expect(viewer.organization.id).toBe(s.organizationId);
    return viewer.organization.branding;
  };

  const brandingBecomes = (s: Space, expected: Branding) =>
    eventually(async () => expect(await branding(s)).toEqual(expected), {
      ...WAIT,
      what: `${s.tenant} brand`,
    });

  /** What tenants' consumer did with the install events of a location (its log lines). */
  const brandLogs = (s: Space): BrandLog[] =>
    lines
      .map((l) => JSON.parse(l) as BrandLog)
      .filter((l) => l.msg === 'GHL install brand' && l.locationId === s.locationId);

  test('INSTALL first, then connectGhlLocation: the organization shows the company name and logo', async () => {
    const s = await newSpace('acme');
    expect(await branding(s)).toEqual({ brandName: null, primaryColor: null, logoUrl: null });
    expect(await install(s, { companyName: 'Peak Agency', logoUrl: 'https://cdn.peak.test/logo.png' })).toBe(
      202,
    );
    await connect(s);
    await brandingBecomes(s, {
      brandName: 'Peak Agency',
      primaryColor: null,
      logoUrl: 'https://cdn.peak.test/logo.png',
    });
  }, 60_000);

  test('connectGhlLocation first, then INSTALL: the same brand applies', async () => {
    const s = await newSpace('summit');
    await connect(s);
    expect(
      await install(s, { companyName: 'Ridge Partners', logoUrl: 'https://ridge.test/brand/logo.svg' }),
    ).toBe(202);
    await brandingBecomes(s, {
      brandName: 'Ridge Partners',
      primaryColor: null,
      logoUrl: 'https://ridge.test/brand/logo.svg',
    });
  }, 60_000);

  test("the tenant's own branding after the install survives a redelivered INSTALL and a reconnect; a newer install applies", async () => {
    const s = await newSpace('acme');
    const installedAt = new Date().toISOString();
    const first = randomUUID();
    const logo = 'https://cdn.harbor.test/logo.png';
    expect(
      await install(
        s,
        { companyName: 'Harbor Group', logoUrl: logo },
        { webhookId: first, timestamp: installedAt },
      ),
    ).toBe(202);
    await connect(s);
    await brandingBecomes(s, { brandName: 'Harbor Group', primaryColor: null, logoUrl: logo });

    await ok(
      `mutation ($input: UpdateOrganizationBrandingInput!) { updateOrganizationBranding(input: $input) { id } }`,
      {
        input: {
          organizationId: s.organizationId,
          branding: { brandName: 'Our Own Name', primaryColor: '#123abc' },
        },
      },
      s.key,
    );
    const own = { brandName: 'Our Own Name', primaryColor: '#123abc', logoUrl: logo };
    expect(await branding(s)).toEqual(own);

    // GoHighLevel's retry of the same delivery is a duplicate; the same install under a new webhook id is
    // stored and processed, and a reconnect re-states the newest INSTALL held: both say the old install time
    expect(
      await install(
        s,
        { companyName: 'Harbor Group', logoUrl: logo },
        { webhookId: first, timestamp: installedAt },
      ),
    ).toBe(200);
    const replay = randomUUID();
    expect(
      await install(
        s,
        { companyName: 'Harbor Group', logoUrl: logo },
        { webhookId: replay, timestamp: installedAt },
      ),
    ).toBe(202);
    await connect(s);
    const replays = await eventually(
      () => {
        const seen = brandLogs(s).filter((l) => l.webhookId === replay);
        return seen.length >= 2 && seen;
      },
      { ...WAIT, what: 'both re-statements of the old install consumed' },
    );
    expect(replays.map((l) => l.result)).toEqual(['older-than-branding', 'older-than-branding']);
    expect(await branding(s)).toEqual(own);

    // a new installation (later than the tenant's branding) is a newer statement of the brand
    expect(await install(s, { companyName: 'Harbor Group West' })).toBe(202);
    await brandingBecomes(s, { brandName: 'Harbor Group West', primaryColor: '#123abc', logoUrl: logo });
  }, 90_000);

  test('two tenants installing at once each get their own brand, never the other one', async () => {
    const spaces = await Promise.all(
      ['acme', 'summit', 'acme', 'summit', 'acme', 'summit'].map((x) => newSpace(x as Tenant)),
    );
    const brandOf = (s: Space, i: number) => ({
      companyName: `${s.tenant} agency ${i}`,
      logoUrl: `https://${s.tenant}.test/${i}/logo.png`,
    });
    await Promise.all(
      spaces.map(async (s, i) => {
        // half install first, half connect first
        if (i % 4 < 2) {
          expect(await install(s, brandOf(s, i))).toBe(202);
          await connect(s);
        } else {
          await connect(s);
          expect(await install(s, brandOf(s, i))).toBe(202);
        }
      }),
    );
    await Promise.all(
      spaces.map((s, i) => {
        const b = brandOf(s, i);
        return brandingBecomes(s, { brandName: b.companyName, primaryColor: null, logoUrl: b.logoUrl });
      }),
    );
    // each root organization kept its own (empty) branding: a child's install styles that child only
    for (const tenant of ['acme', 'summit'] as const) {
      const { viewer } = await ok<{ viewer: { organization: { branding: Branding } } }>(
        VIEWER,
        {},
        t.apiKeys[tenant],
      );
      expect(viewer.organization.branding.brandName ?? '').not.toMatch(/agency/);
    }
  }, 90_000);

  test('a logo that is not an https URL (http:, javascript:) is not applied; the company name is', async () => {
    const [plain, script] = await Promise.all([newSpace('summit'), newSpace('acme')]);
    expect(await install(plain, { companyName: 'Plain Realty', logoUrl: 'http://plain.test/logo.png' })).toBe(
      202,
    );
    expect(
      await install(script, { companyName: 'Script Realty', logoUrl: 'javascript:alert(document.cookie)' }),
    ).toBe(202);
    await Promise.all([connect(plain), connect(script)]);
    await brandingBecomes(plain, { brandName: 'Plain Realty', primaryColor: null, logoUrl: null });
    await brandingBecomes(script, { brandName: 'Script Realty', primaryColor: null, logoUrl: null });
  }, 60_000);
});
