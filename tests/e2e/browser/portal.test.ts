/**
 * The developer portal in a real browser against a started platform: `/` leads to /portal, the reference
 * shows AgentSession with its owner subgraphs (also without JavaScript), search narrows it, /schema.graphql
 * equals the schema the gateway serves (introspection), and the GraphiQL explorer runs a query with the
 * tenant's API key (another tenant's key does not see the session) and streams a `coachingHints` event over
 * graphql-ws. No request leaves the gateway's origin; axe-core finds no violation on either page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { demoAgents } from '../../../bin/demo-plan';
import {
  axeScan,
  describeWithBrowser,
  type AxeViolation,
  launchBrowser,
  pageErrors,
  screenshot,
} from '../../helpers/browser';
import { eventually } from '../../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../../helpers/platform';
import { describeEachDb } from '../../helpers/variants';

const RESPONSE = '.graphiql-response .result-window';

/**
 * axe's violations less one inside CodeMirror 5 (GraphiQL's editor), which our code cannot change: its scroller
 * `div.CodeMirror-scroll` (tabindex -1) is not focusable (scrollable-region-focusable); the editor's own
 * textarea takes the keyboard focus and scrolls it. Every other rule, and this rule elsewhere, still counts.
 */
function outsideEditorInternals(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter(
    (v) =>
      v.id !== 'scrollable-region-focusable' ||
      !v.nodes.every((n) => n.html.startsWith('<div class="CodeMirror-scroll" tabindex="-1">')),
  );
}

/** The text GraphiQL shows in its response pane. */
const responseText = (page: Page) => page.locator(RESPONSE).innerText();

describeWithBrowser('developer portal', () => {
  describeEachDb('served by the gateway (%s)', (kind) => {
    let t: TestPlatform;
    let origin: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let sessionId: string;
    const foreign: string[] = [];
    const agent = demoAgents('acme')[0]!;

    beforeAll(async () => {
      // with the production switches on: the portal must keep working for a signed-in developer
      t = await startTestPlatform(kind, { INTROSPECTION: 'authenticated', CSRF_PREVENTION: 'true' });
      origin = new URL(t.url).origin;
      const started = await t.gql<{ startAgentSession: { id: string } }>(
        'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
        { input: { agentId: agent.id, contactId: 'ghl-contact-portal', channel: 'SMS' } },
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(started.errors).toBeUndefined();
      sessionId = started.data!.startAgentSession.id;
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const watch = (url: string) => {
        const u = new URL(url);
        if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && u.host !== new URL(origin).host)
          foreign.push(url);
      };
      context.on('request', (r) => watch(r.url()));
      page = await context.newPage();
      page.on('websocket', (ws) => watch(ws.url()));
      errors = pageErrors(page);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('/ leads to /portal, which lists AgentSession with its owner subgraphs', async () => {
      await page.goto(`${origin}/`);
      expect(new URL(page.url()).pathname).toBe('/portal');
      await page.getByRole('heading', { level: 1, name: 'Developer portal' }).waitFor();
      const session = page.locator('#type-AgentSession');
      await session.getByRole('heading', { name: /AgentSession/ }).waitFor();
      expect(await session.locator('.meta .owner').allInnerTexts()).toEqual(['agents', 'coaching']);
      expect(await page.locator('#field-Subscription-coachingHints .owner').allInnerTexts()).toEqual([
        'coaching',
      ]);
      expect(await page.locator('#limits td').first().innerText()).toBe(
        `${t.config.limits.maxBodyBytes} bytes`,
      );
      expect(await axeScan(page)).toEqual([]);
      // the widget section embeds the widget from this gateway and leads to its demo
      await page.getByRole('link', { name: 'Coaching widget' }).click();
      const embed = page.getByLabel('Embedding the coaching widget');
      expect(await embed.innerText()).toContain(
        `<script type="module" src="${origin}/widget/coaching-widget.js"></script>`,
      );
      expect(await page.locator('#coaching-widget .widget-scopes li').count()).toBeGreaterThan(2);
      await page.locator('#coaching-widget').getByRole('link', { name: 'widget demo' }).click();
      await page.getByRole('heading', { name: 'Coaching widget demo' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/widget/demo');
    });

    it('search narrows the reference to the typed name', async () => {
      await page.goto(`${origin}/portal`);
      const total = await page.locator('.ref-type').count();
      await page.getByLabel('Search types and fields').fill('AgentSessionEdge');
      await page
        .getByRole('status')
        .filter({ hasText: /types match/ })
        .waitFor();
      const visible = await page.locator('.ref-type:visible').evaluateAll((els) => els.map((e) => e.id));
      expect(visible).toContain('type-AgentSessionEdge');
      expect(visible).not.toContain('type-Agent');
      expect(visible.length).toBeLessThan(total / 4);
      await screenshot(page, 'portal');
      // a type that stays visible only for a matching field shows that field, not the others
      for (const id of visible.filter((v) => v !== 'type-AgentSessionEdge')) {
        const fields = await page
          .locator(`#${id} .field:visible`)
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-search') ?? ''));
        expect(fields.every((f) => f.includes('agentsessionedge'))).toBe(true);
      }
      await page.getByLabel('Search types and fields').fill('');
      await eventually(async () => expect(await page.locator('.ref-type:visible').count()).toBe(total));
    });

    it('is readable without JavaScript', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      noJs.on('request', (r) =>
        foreign.push(...(new URL(r.url()).host === new URL(origin).host ? [] : [r.url()])),
      );
      const p = await noJs.newPage();
      await p.goto(`${origin}/portal`);
      expect(await p.locator('#type-AgentSession .meta .owner').allInnerTexts()).toEqual([
        'agents',
        'coaching',
      ]);
      expect(await p.locator('#error-RATE_LIMITED').innerText()).toContain('Retry-After');
      await noJs.close();
    });

    it('/schema.graphql is the public part of the schema the gateway serves', async () => {
      const res = await fetch(`${origin}/schema.graphql`);
      expect(res.status).toBe(200);
      const sdl = await res.text();
      expect(sdl).not.toMatch(/join__|link__|_Entity|_Any|_Service|_entities|_service|@inaccessible/);
      const introspection = await t.gql<IntrospectionQuery>(
        getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }),
        {},
        { 'x-api-key': t.apiKeys.acme },
      );
      expect(introspection.errors).toBeUndefined();
      const served = printSchema(lexicographicSortSchema(buildClientSchema(introspection.data!)));
      expect(printSchema(lexicographicSortSchema(buildSchema(sdl)))).toEqual(served);
    });

    async function openExplorer(query: string, variables?: Record<string, unknown>): Promise<void> {
      const params = new URLSearchParams({
        query,
        ...(variables ? { variables: JSON.stringify(variables) } : {}),
      });
      await page.goto(`${origin}/graphiql`);
      expect(new URL(page.url()).pathname).toBe('/portal/explorer');
      // a browser opening the endpoint itself lands in the explorer, not on a 406 or a JSON error
      await page.goto(`${origin}/graphql`);
      expect(new URL(page.url()).pathname).toBe('/portal/explorer');
      await page.goto(`${origin}/portal/explorer?${params}`);
      await page.locator('.graphiql-container').waitFor();
    }

    async function useKey(key: string): Promise<void> {
      await page.getByLabel('Send as').selectOption('api-key');
      await page.getByLabel('API key or bearer token').fill(key);
      await page.getByRole('button', { name: 'Use credential' }).click();
      await page.getByRole('status').filter({ hasText: 'Using your API key' }).waitFor();
    }

    it('the explorer runs a query with the tenant API key; another tenant does not see the session', async () => {
      const query = `query Session($id: ID!) { agentSession(id: $id) { id contactId agent { name } } }`;
      await openExplorer(query, { id: sessionId });
      await useKey(t.apiKeys.acme);
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes('ghl-contact-portal'),
        RESPONSE,
      );
      expect(await responseText(page)).toContain(agent.name);
      await useKey(t.apiKeys.summit);
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(
        (sel) => /NOT_FOUND|"agentSession": null/.test(document.querySelector(sel)?.textContent ?? ''),
        RESPONSE,
      );
      expect(await responseText(page)).not.toContain('ghl-contact-portal');
      expect(
        await page.evaluate(() => Object.keys(localStorage).filter((k) => /credential/.test(k))),
      ).toEqual([]);
    });

    it('the explorer sends a bearer token as Authorization, kept in sessionStorage only', async () => {
      const ok = async <T>(q: string, variables: Record<string, unknown>) => {
        const r = await t.gql<T>(q, variables, { 'x-api-key': t.apiKeys.acme });
        expect(r.errors).toBeUndefined();
        return r.data!;
      };
      const userId = `portal-${Date.now()}`;
      const member = await ok<{ addMember: { id: string } }>(
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
        { input: { userId, email: `${userId}@example.com`, name: 'Portal Reader', role: 'ADMIN' } },
      );
      const { issueAccessToken } = await ok<{ issueAccessToken: { token: string } }>(
        'mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }',
        { id: member.addMember.id },
      );
      await openExplorer('query Contact($id: ID!) { agentSession(id: $id) { contactId } }', {
        id: sessionId,
      });
      await page.getByLabel('Send as').selectOption('bearer');
      await page.getByLabel('API key or bearer token').fill(`Bearer ${issueAccessToken.token}`);
      await page.getByRole('button', { name: 'Use credential' }).click();
      await page.getByRole('status').filter({ hasText: 'Using your bearer token' }).waitFor();
      const sent = page.waitForRequest(
        (r) => r.method() === 'POST' && r.postData()?.includes('Contact') === true,
      );
      await page.locator('.graphiql-execute-button').click();
      const headers = (await sent).headers();
      expect([headers['authorization'], headers['x-api-key']]).toEqual([
        `Bearer ${issueAccessToken.token}`,
        undefined,
      ]);
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes('ghl-contact-portal'),
        RESPONSE,
      );
      const stored = await page.evaluate(() => ({
        session: Object.values(sessionStorage).some((v) => v.includes('"bearer"')),
        local: Object.values(localStorage).some((v) => v.includes('eyJ')),
      }));
      expect(stored).toEqual({ session: true, local: false });
    });

    it('the explorer streams a coachingHints event over graphql-ws', async () => {
      const query = `subscription Hints($sessionId: ID!) { coachingHints(sessionId: $sessionId) { type index delta } }`;
      await openExplorer(query, { sessionId });
      await useKey(t.apiKeys.acme);
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await page.locator('.graphiql-execute-button').click();
      await eventually(() => t.platform.gateway.subscriptions.size > 0, {
        what: 'the explorer subscribed',
        timeoutMs: 15_000,
      });
      // hints are not replayed: a run that started before the upstream subscription was in place shows nothing,
      // so coaching is requested until an event arrives in the response pane
      await eventually(
        async () => {
          const run = await t.gql(
            'mutation ($id: ID!, $q: String) { requestCoaching(sessionId: $id, question: $q) { id } }',
            { id: sessionId, q: 'The lead wants to wait until spring to sell. What should I say?' },
            { 'x-api-key': t.apiKeys.acme },
          );
          expect(run.errors).toBeUndefined();
          await page
            .waitForFunction(
              (sel) =>
                /"type": "(STARTED|DELTA|COMPLETED)"/.test(document.querySelector(sel)?.textContent ?? ''),
              RESPONSE,
              { timeout: 5_000 },
            )
            .catch(async () => {
              throw new Error(`no event in the response pane: ${await responseText(page)}`);
            });
        },
        { what: 'a streamed coachingHints event', timeoutMs: 30_000, intervalMs: 250 },
      );
      expect(await responseText(page)).toContain('coachingHints');
      expect(sockets).toEqual([`${origin.replace(/^http/, 'ws')}/graphql`]);
      await screenshot(page, 'portal-explorer-subscription');
      expect(outsideEditorInternals(await axeScan(page))).toEqual([]);
    }, 90_000);

    it('made no request outside the gateway and logged no error', () => {
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
