/**
 * The manager dashboard (/dashboard) in a real Chromium against a started platform, from real data: coached
 * and rated sessions of two tenants at three locations (tests/e2e/browser/dashboard-data.ts), consumed by
 * analytics before any page opens. Checked as a user would notice it:
 *   - the tenant's API key (org-wide, like an owner): the agents table and the charts show the API's numbers (the uPlot canvas is drawn and
 *     the arrays it plots equal the API's points), never another tenant's agents; axe finds nothing;
 *   - the location and period filters re-query and change the numbers;
 *   - a MANAGER token limited to one location: only what the API returns for it (that location's agents,
 *     no other location's, no other tenant's), and the billing section names the scope it lacks;
 *   - narrow API keys: agents:read without analytics:read still lists the agents and their locations (figures
 *     marked unavailable for that scope); analytics:read alone gets a quota sentence naming the scopes it lacks;
 *   - a refused credential, signing out by keyboard, and an alert that fires while the page is open being
 *     announced through the live region.
 */
import type { Browser, Page } from 'playwright-core';
import { axeScan, describeWithBrowser, launchBrowser, pageErrors, screenshot } from '../../helpers/browser';
import { startTestPlatform, type TestPlatform } from '../../helpers/platform';
import {
  start as startFakeAnthropic,
  GENERIC_HINTS,
  type FakeAnthropic,
} from '../../fixtures/fake-anthropic';
import {
  AUSTIN,
  DENVER,
  LAKEWAY,
  agentAt,
  analyticsCaughtUp,
  closePeriod,
  coachSession,
  dayRange,
  key,
  managerToken,
  ok,
  scopedKey,
  series,
  type CoachedAgent,
  type SeriesPoint,
} from './dashboard-data';

const AGENTS = `query ($f: AgentFilter, $from: DateTime!, $to: DateTime!) { agents(first: 100, filter: $f) {
  edges { node { name performance(from: $from, to: $to) { hintsDelivered acceptanceRate } } } } }`;

interface ApiAgent {
  name: string;
  performance: { hintsDelivered: number; acceptanceRate: number | null } | null;
}

describeWithBrowser('manager dashboard in a browser', () => {
  let t: TestPlatform;
  let fake: FakeAnthropic;
  let browser: Browser;
  let managerJwt: string;
  let invoice: { id: string; totalCents: number; hints: number };
  const austin = agentAt('acme', AUSTIN);
  const lakeway = agentAt('acme', LAKEWAY);
  const denver = agentAt('summit', DENVER);
  const opened: Page[] = [];

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    // one hint a run, answering after 40 ms like a model's first token: real latency, tokens and cost
    fake.setDefault({ delayMs: 40, then: { hints: GENERIC_HINTS } });
    t = await startTestPlatform('sqlite', {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1', // every live turn to the (fake) model: its tokens and cost show
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const plan: [CoachedAgent, 'ACCEPTED' | 'DISMISSED'][] = [
      [austin, 'ACCEPTED'],
      [austin, 'ACCEPTED'],
      [austin, 'ACCEPTED'],
      [lakeway, 'DISMISSED'],
      [denver, 'ACCEPTED'],
      [denver, 'DISMISSED'],
    ];
    await Promise.all(plan.map(([agent, verdict]) => coachSession(t, agent, verdict)));
    await analyticsCaughtUp(t, 'acme', AUSTIN, 3);
    await analyticsCaughtUp(t, 'acme', LAKEWAY, 1);
    await analyticsCaughtUp(t, 'summit', DENVER, 2);
    managerJwt = await managerToken(t, [AUSTIN]);
    invoice = await closePeriod(t, 'acme', 4);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fake?.close();
  });

  afterEach(async () => {
    for (const p of opened.splice(0)) await p.context().close();
  });

  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    opened.push(page);
    const errors = pageErrors(page);
    await page.goto(`${t.url.replace(/\/graphql$/, '')}/dashboard`);
    return { page, errors };
  }

  /** Enters the credential and presses Enter (the keyboard path), then waits for the figures. */
  async function signIn(page: Page, credential: string): Promise<void> {
    await page.getByLabel('Member token or API key').fill(credential);
    await page.getByLabel('Member token or API key').press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('#dashboard[data-state="ready"]') ??
        document.getElementById('sign-in-error')?.textContent,
    );
    expect(await page.locator('#sign-in-error').textContent()).toBe('');
  }

  /** Waits until the page shows the data of this filter choice. */
  async function filtered(page: Page, location: string, period: string): Promise<void> {
    await page.waitForSelector(
      `#dashboard[data-state="ready"][data-location="${location}"][data-period="${period}"]`,
    );
  }

  async function apiAgents(headers: Record<string, string>, days: number, locationId?: string) {
    const vars = { f: locationId ? { locationId } : null, ...dayRange(days) };
    const d = await ok<{ agents: { edges: { node: ApiAgent }[] } }>(t, 'agents', AGENTS, vars, headers);
    return d.agents.edges.map((e) => e.node);
  }

  async function tableNames(page: Page): Promise<string[]> {
    return page.locator('#agents-table tbody th').allInnerTexts();
  }

  async function rowCells(page: Page, name: string): Promise<string[]> {
    return page.locator('#agents-table tbody tr', { hasText: name }).locator('td').allInnerTexts();
  }

  /** What uPlot holds for the hints chart, and what the API's points say it should hold. */
  async function expectHintsChart(page: Page, points: SeriesPoint[]): Promise<void> {
    const figure = page.locator('#chart-hints');
    await figure.locator('canvas').waitFor();
    expect(await figure.getAttribute('data-points')).toBe(String(points.length));
    const plotted = JSON.parse((await figure.getAttribute('data-plotted')) ?? 'null') as unknown;
    expect(plotted).toEqual([
      points.map((p) => Date.parse(p.start) / 1000),
      points.map((p) => p.hintsDelivered),
      points.map((p) => (p.acceptanceRate === null ? null : Math.round(p.acceptanceRate * 1000) / 10)),
    ]);
    expect(await figure.locator('table.data tbody tr').count()).toBe(points.length);
    expect(await figure.locator('.plot').getAttribute('aria-label')).toMatch(
      /Hints delivered from \d+ to \d+/,
    );
  }

  const percent = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

  test('the tenant API key (org-wide) sees its agents and charts drawn from the API, nothing of the other tenant', async () => {
    const { page, errors } = await openPage();
    await signIn(page, t.apiKeys.acme);
    const expected = await apiAgents(key(t, 'acme'), 30);
    const names = await tableNames(page);
    expect(names.map((n) => n.replace(/ \(inactive\)$/, '')).sort()).toEqual(
      expected.map((a) => a.name).sort(),
    );
    expect(names).toEqual(expect.arrayContaining([austin.name, lakeway.name]));
    expect(names.join('\n')).not.toContain(denver.name);
    expect(names.some((n) => n.includes('Summit'))).toBe(false);

    // the four figures of an agent are the API's: Austin accepted all 3 hints, Lakeway dismissed its one
    for (const agent of [austin, lakeway]) {
      const perf = expected.find((a) => a.name === agent.name)!.performance!;
      const cells = await rowCells(page, agent.name);
      expect(cells[1]).toBe(String(perf.hintsDelivered));
      expect(cells[2]).toBe(percent(perf.acceptanceRate));
      expect(cells[3]).toMatch(/^\d[\d,]* ms$/);
      expect(cells[4]).toMatch(/^\$\d+\.\d{4}$/);
    }
    expect((await rowCells(page, austin.name)).slice(1, 3)).toEqual(['3', '100.0%']);
    expect((await rowCells(page, lakeway.name)).slice(1, 3)).toEqual(['1', '0.0%']);

    const points = await series(t, key(t, 'acme'), 30);
    expect(points.reduce((n, p) => n + p.hintsDelivered, 0)).toBe(4);
    await expectHintsChart(page, points);
    await page.locator('#chart-latency canvas').waitFor();

    await page.waitForSelector('#billing[aria-busy="false"]');
    expect(await page.locator('#billing').innerText()).not.toMatch(/Not allowed|answered|reached/);
    // the period closed after 4 hints: its invoice is listed, and the new period starts at zero
    expect(await page.locator('#quota').innerText()).toMatch(/Hints used: 0 of [\d,]+/);
    const invoiceRow = await page.locator('#invoices tbody tr').allInnerTexts();
    expect(invoiceRow).toHaveLength(1);
    expect(invoice.hints).toBe(4);
    expect(invoiceRow[0]).toContain(`$${(invoice.totalCents / 100).toFixed(2)}`);
    await page.waitForSelector('#alerts[aria-busy="false"] .body > *');
    await screenshot(page, 'dashboard');
    expect(await axeScan(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  test('the shell is served with the same-origin CSP, no inline script, and refuses other methods', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/assets/dashboard.js"></script>');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/assets/dashboard.js">']);
    expect((await fetch(`${base}/dashboard`, { method: 'POST' })).status).toBe(405);
    const js = await fetch(`${base}/assets/dashboard.js`);
    expect(js.status).toBe(200);
    expect((await fetch(`${base}/assets/dashboard.css`)).status).toBe(200);
  });

  test('the location and period filters re-query and change the numbers', async () => {
    const { page, errors } = await openPage();
    await signIn(page, t.apiKeys.acme);
    const allHints = await page.locator('#agents-totals').innerText();

    await page.getByLabel('Location').selectOption(LAKEWAY);
    await filtered(page, LAKEWAY, '30');
    const lakewayAgents = await apiAgents(key(t, 'acme'), 30, LAKEWAY);
    expect((await tableNames(page)).sort()).toEqual(lakewayAgents.map((a) => a.name).sort());
    expect(await tableNames(page)).not.toContain(austin.name);
    expect(await page.locator('#agents-totals').innerText()).toMatch(/^1 hints delivered/);
    expect(await page.locator('#agents-totals').innerText()).not.toBe(allHints);
    await expectHintsChart(page, await series(t, key(t, 'acme'), 30, LAKEWAY));

    await page.getByLabel('Location').selectOption(AUSTIN);
    await page.getByLabel('Period').selectOption('7');
    await filtered(page, AUSTIN, '7');
    const austinPoints = await series(t, key(t, 'acme'), 7, AUSTIN);
    expect(austinPoints.reduce((n, p) => n + p.hintsDelivered, 0)).toBe(3);
    await expectHintsChart(page, austinPoints);
    expect(await page.locator('#agents-totals').innerText()).toMatch(/^3 hints delivered/);
    expect(errors).toEqual([]);
  }, 60_000);

  test('a MANAGER of one location sees only what the API returns for that token', async () => {
    const { page, errors } = await openPage();
    await signIn(page, managerJwt);
    const bearer = { authorization: `Bearer ${managerJwt}` };
    const expected = await apiAgents(bearer, 30);
    const names = await tableNames(page);
    expect(names.sort()).toEqual(expected.map((a) => a.name).sort());
    expect(names).toContain(austin.name);
    expect(names).not.toContain(lakeway.name);
    expect(names.some((n) => n.includes('Summit'))).toBe(false);
    // the location filter offers the manager's location only
    const options = await page.locator('#location option').allInnerTexts();
    expect(options).toEqual(['All visible locations', 'Austin Downtown']);
    expect(await page.locator('#who-text').innerText()).toContain('MANAGER');

    const points = await series(t, bearer, 30);
    expect(points.reduce((n, p) => n + p.hintsDelivered, 0)).toBe(3);
    await expectHintsChart(page, points);
    // billing:read is not a manager's scope: the section says so, the rest of the page works
    await page.waitForSelector('#billing[aria-busy="false"]');
    expect(await page.locator('#billing').innerText()).toContain('lacks the scope billing:read');
    await screenshot(page, 'dashboard-location-manager');
    expect(await axeScan(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  test('a key with agents:read but not analytics:read lists the agents, figures marked unavailable', async () => {
    const secret = await scopedKey(t, 'acme', ['agents:read', 'tenants:read']);
    const { page, errors } = await openPage();
    await signIn(page, secret);
    const agentsOnly = `query ($f: AgentFilter) { agents(first: 100, filter: $f) { edges { node { name location { name } } } } }`;
    const d = await ok<{
      agents: { edges: { node: { name: string; location: { name: string } | null } }[] };
    }>(t, 'agents', agentsOnly, { f: null }, { 'x-api-key': secret });
    const expected = d.agents.edges.map((e) => e.node);
    expect(expected.length).toBeGreaterThan(1);
    const names = await tableNames(page);
    expect(names.map((n) => n.replace(/ \(inactive\)$/, '')).sort()).toEqual(
      expected.map((a) => a.name).sort(),
    );
    expect(names.join('\n')).not.toContain(denver.name);
    const austinCells = await rowCells(page, austin.name);
    expect(austinCells[0]).toBe('Austin Downtown');
    expect(austinCells.slice(1)).toEqual(['—', '—', '—', '—', '—']);
    expect(await page.locator('#agents-figures-unavailable').innerText()).toContain(
      'lacks the scope analytics:read',
    );
    expect(await page.locator('#agents-table caption').innerText()).toContain(
      'figures unavailable without analytics:read',
    );
    expect(await page.locator('#agents .error').count()).toBe(0);
    expect(await page.locator('#charts').innerText()).toContain('lacks the scope analytics:read');
    expect(await axeScan(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  test('a key with analytics:read only: Quota and Invoices both name the scopes the key lacks', async () => {
    const secret = await scopedKey(t, 'acme', ['analytics:read']);
    const { page, errors } = await openPage();
    await signIn(page, secret);
    await page.waitForSelector('#billing[aria-busy="false"]');
    const quota = await page.locator('#quota').innerText();
    expect(quota).toContain('lacks the scopes tenants:read and billing:read');
    expect(quota).not.toContain('No billing plan');
    expect(await page.locator('#invoices').innerText()).toContain('lacks the scope billing:read');
    // the figures this key may read are there
    expect(await page.locator('#agents').innerText()).toContain('lacks the scope agents:read');
    await page.locator('#chart-hints canvas').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  test('a refused credential says so and nothing is kept; sign-out works from the keyboard', async () => {
    const { page } = await openPage();
    await page.getByLabel('Member token or API key').fill('pk_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('#sign-in-error:has-text("Credential refused")');
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await signIn(page, t.apiKeys.summit);
    const names = await tableNames(page);
    expect(names).toContain(denver.name);
    expect(names.some((n) => n.includes('Acme'))).toBe(false);
    // the credential survives a reload of this tab, and is gone after signing out
    await page.reload();
    await page.waitForSelector('#dashboard[data-state="ready"]');
    await page.locator('#sign-out').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('credential');
  }, 60_000);

  test('an alert that fires while the page is open is announced', async () => {
    const { page, errors } = await openPage();
    await signIn(page, t.apiKeys.acme);
    await page.waitForSelector('#alerts[aria-busy="false"] .body > *');
    expect(await page.locator('#alerts-live').innerText()).toBe('');
    // thresholds a 40 ms model crosses: the next Austin hint raises a p95 latency alert for that hour
    await ok(
      t,
      'updateAnalyticsSettings',
      'mutation { updateAnalyticsSettings(input: { p95LatencyThresholdMs: 1, minSamples: 1 }) { minSamples } }',
      {},
      key(t, 'acme'),
    );
    await coachSession(t, austin, 'ACCEPTED');
    await page.waitForFunction(
      () => /New alert/.test(document.getElementById('alerts-live')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.locator('#alerts-live').innerText()).toMatch(
      /Hint latency p95 above threshold at Austin Downtown: [\d,]+ ms \(threshold 1 ms\)/,
    );
    expect(await page.locator('#alerts-table tbody').innerText()).toContain('New: Hint latency p95');
    // choosing another location lists that location's alerts (and tenant-wide ones) only
    await page.getByLabel('Location').selectOption(LAKEWAY);
    await filtered(page, LAKEWAY, '30');
    await page.waitForFunction(
      () => !document.querySelector('#alerts-table')?.textContent?.includes('Austin'),
    );
    expect(await page.locator('#alerts .body').innerText()).not.toContain('Austin Downtown');
    expect(errors).toEqual([]);
  }, 60_000);
});
