/**
 * Gateway options from the environment. The per-tenant rate limit: over the budget → RATE_LIMITED
 * (HTTP 429, retry-after), before any subgraph work; another tenant's budget is untouched (in memory on
 * SQLite; shared Redis counters in the distributed mode). CORS: only the configured origins are
 * allowed, with credentials; any other origin gets no CORS headers; with `*` nobody gets credentials.
 */
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const ALLOWED = ['https://partner.example.com', 'https://app.example.org'];
/** Not configured: a look-alike, another scheme, a sandboxed page's `null`, a plain stranger. */
const FOREIGN = [
  'https://partner.example.com.evil.net',
  'http://partner.example.com',
  'null',
  'https://evil.example.net',
];

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-api-key',
    },
  });
}

/** A request a page would send (anonymous: the per-tenant rate budget stays untouched). */
async function anonymousPost(url: string, origin: string): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  await res.arrayBuffer();
  return res;
}

function corsHeaders(res: Response): { allowOrigin: string | null; allowCredentials: string | null } {
  return {
    allowOrigin: res.headers.get('access-control-allow-origin'),
    allowCredentials: res.headers.get('access-control-allow-credentials'),
  };
}

describeEachDb('gateway options: rate limit and CORS (%s)', (kind) => {
  let t: TestPlatform;
  const LIMIT = 5;
  beforeAll(async () => {
    t = await startTestPlatform(kind, {
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      CORS_ORIGINS: ALLOWED.join(','),
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  test('the request over the budget is RATE_LIMITED with retry-after; other tenants are unaffected', async () => {
    // a window boundary mid-test would reset the count; start early in a minute
    const second = new Date().getSeconds();
    if (second > 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < LIMIT + 1; i++) {
      last = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': t.apiKeys.acme },
        body: JSON.stringify({ query: '{ locations { id } }' }),
      });
      statuses.push(last.status);
      if (i < LIMIT) await last.text();
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    const other = await t.gql('{ locations { id } }', {}, { 'x-api-key': t.apiKeys.summit });
    expect(other.status).toBe(200);
    expect(other.errors).toBeUndefined();
  }, 30_000);

  test('CORS: configured origins get their origin and credentials back; any other origin gets no CORS headers', async () => {
    const origins = [...ALLOWED, ...FOREIGN];
    // preflights and real (anonymous) requests, from every origin, all in flight together
    const answers = await Promise.all(
      origins.flatMap((origin) => [
        preflight(t.url, origin).then((res) => ({ origin, kind: 'preflight', res })),
        anonymousPost(t.url, origin).then((res) => ({ origin, kind: 'post', res })),
      ]),
    );
    const seen = answers.map(({ origin, kind, res }) => ({ origin, kind, ...corsHeaders(res) }));
    expect(seen).toEqual(
      origins.flatMap((origin) => {
        const ok = ALLOWED.includes(origin);
        const h = { allowOrigin: ok ? origin : null, allowCredentials: ok ? 'true' : null };
        return [
          { origin, kind: 'preflight', ...h },
          { origin, kind: 'post', ...h },
        ];
      }),
    );
  });
});

describe('gateway CORS with CORS_ORIGINS=* (the default)', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { CORS_ORIGINS: '*' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  test('any origin may call, never with credentials', async () => {
    const origins = [...ALLOWED, ...FOREIGN];
    const answers = await Promise.all(
      origins.flatMap((origin) => [preflight(t.url, origin), anonymousPost(t.url, origin)]),
    );
    for (const res of answers) {
      const h = corsHeaders(res);
      expect(h.allowOrigin).not.toBeNull();
      expect(h.allowCredentials).toBeNull();
    }
  });
});
