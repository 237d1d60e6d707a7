/**
 * Gateway options from the environment. The per-tenant rate limit: over the budget → RATE_LIMITED
 * (HTTP 429, retry-after), before any subgraph work; another tenant's budget is untouched (in memory on
 * SQLite; shared Redis counters in the distributed mode). CORS: only the configured origins are allowed.
 */
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

describeEachDb('gateway options: rate limit and CORS (%s)', (kind) => {
  let t: TestPlatform;
  const LIMIT = 5;
  beforeAll(async () => {
    t = await startTestPlatform(kind, {
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      CORS_ORIGINS: 'https://partner.example.com',
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

  test('CORS: a configured origin is allowed, another is not', async () => {
    const preflight = (origin: string) =>
      fetch(t.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-api-key',
        },
      });
    const ok = await preflight('https://partner.example.com');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.net');
  });
});
