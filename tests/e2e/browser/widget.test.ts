/**
 * The coaching widget in a real browser, embedded the way a CRM would embed it: a page on another origin
 * (a tiny local server) loads `/widget/coaching-widget.js` from the gateway with one script tag and shows
 * `<coaching-widget>` for a session. A signed GoHighLevel message or `addConversationTurn` makes coaching
 * stream hints into it; Accept pressed with the keyboard is recorded; the organization's branding colour
 * is on the header; two tenants' widgets on one page each show their own hints only; a dropped socket shows
 * "Reconnecting…", then resumes without duplicates; a member JWT works like an API key; a refused credential
 * stops with a message; the demo page runs the whole loop. axe-core finds no violation.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { DEMO, demoAgents, demoMembers } from '../../../bin/demo-plan';
import { axeScan, describeWithBrowser, launchBrowser, pageErrors, screenshot } from '../../helpers/browser';
import { eventually } from '../../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../../helpers/platform';
import { describeEachDb } from '../../helpers/variants';
import {
  COMPLETE,
  LIVE,
  rawGet,
  settled,
  startHostServer,
  widgetIds,
  type HostServer,
  type WidgetSpec,
} from './widget-host';

type Tenant = 'acme' | 'summit';
type Stored = { id: string; text: string; status: string; ratedAt: string | null };
const HINTS_QUERY =
  'query ($id: ID!) { agentSession(id: $id) { hints(first: 100) { id text status ratedAt } } }';

// a real browser and platform on two shared cores: generous per-test bounds (each wait inside is on a condition)
jest.setTimeout(60_000);

const GHL_CONTACT = 'ghl-contact-widget';

describeWithBrowser('coaching widget', () => {
  describeEachDb('embedded in a page (%s)', (kind) => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    let t: TestPlatform;
    let browser: Browser;
    let host: HostServer;
    const sessions = {} as Record<Tenant, string>;
    const agent = demoAgents('acme').find((a) => a.locationId === DEMO.acme.locations[0].id)!;
    const summitAgent = demoAgents('summit')[0]!;

    const gql = async <T>(tenant: Tenant, query: string, variables: Record<string, unknown> = {}) => {
      const r = await t.gql<T>(query, variables, { 'x-api-key': t.apiKeys[tenant] });
      expect(r.errors).toBeUndefined();
      return r.data!;
    };

    async function startSession(tenant: Tenant, agentId: string, contactId: string): Promise<string> {
      const d = await gql<{ startAgentSession: { id: string } }>(
        tenant,
        'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
        { input: { agentId, contactId, channel: 'SMS' } },
      );
      return d.startAgentSession.id;
    }

    const storedHints = async (tenant: Tenant, id: string) =>
      (await gql<{ agentSession: { hints: Stored[] } }>(tenant, HINTS_QUERY, { id })).agentSession.hints;

    /** A new Acme session coaching knows, with the hints of one lead turn. */
    async function sessionWithHints(contact: string): Promise<{ id: string; ids: string[] }> {
      const id = await startSession('acme', agent.id, `${contact}-${randomUUID()}`);
      await eventually(
        async () =>
          !(
            await t.gql(
              'query ($id: ID!) { agentSession(id: $id) { id } }',
              { id },
              { 'x-api-key': t.apiKeys.acme },
            )
          ).errors,
        { timeoutMs: 10_000, what: 'coaching to know the session' },
      );
      await leadSays('acme', id, 'We need to sell our townhouse within 3 months, what should we ask?');
      const ids = await eventually(
        async () => {
          const found = (await storedHints('acme', id)).map((h) => h.id);
          return found.length > 0 && found;
        },
        { timeoutMs: 15_000, what: "the new session's hints" },
      );
      return { id, ids };
    }

    /** Waits until widget `#id` shows each stored hint of the session once and nothing else (runs may still be storing). */
    const showsExactly = (page: Page, id: string, tenant: Tenant, sessionId: string) =>
      eventually(
        async () => {
          const shown = await widgetIds(page, id);
          const stored = (await storedHints(tenant, sessionId)).map((h) => h.id);
          expect(shown.length).toBe(new Set(shown).size);
          expect([...shown].sort()).toEqual([...stored].sort());
          expect(await page.locator(`#${id} li`).count()).toBe(shown.length);
          return shown;
        },
        { timeoutMs: 15_000, what: `widget ${id} to show exactly the stored hints` },
      );

    const LEAD_LINES = [
      'The price feels too high, we are pre-approved for 450k.',
      'We need 3 bedrooms near good schools in Round Rock.',
      'Honestly we are not in a hurry, maybe next year.',
      'Is the HOA fee negotiable? The commission seems high too.',
      'Could we see a condo in Cedar Park this weekend?',
      'My wife worries about the inspection and the closing costs.',
    ];

    /** Lead turns on an Acme session until at least `n` more hints are stored; returns the new ids. */
    async function makeHints(sessionId: string, n: number): Promise<string[]> {
      const before = new Set((await storedHints('acme', sessionId)).map((h) => h.id));
      let fresh: string[] = [];
      for (let turn = 0; fresh.length < n; turn++) {
        await leadSays('acme', sessionId, LEAD_LINES[turn % LEAD_LINES.length]!);
        fresh = await eventually(
          async () => {
            const ids = (await storedHints('acme', sessionId))
              .map((h) => h.id)
              .filter((id) => !before.has(id));
            return ids.length > fresh.length && ids;
          },
          { timeoutMs: 15_000, what: `hints of lead turn ${turn + 1}` },
        );
      }
      return fresh;
    }

    const leadSays = (tenant: Tenant, sessionId: string, text: string) =>
      gql(
        tenant,
        'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
        {
          input: { sessionId, speaker: 'LEAD', text },
        },
      );

    async function openHost(widgets: WidgetSpec[], setup?: (page: Page) => Promise<void>): Promise<Page> {
      const page = await browser.newPage();
      await setup?.(page);
      await page.goto(host.page(t.url, widgets));
      return page;
    }

    beforeAll(async () => {
      t = await startTestPlatform(kind, {
        GHL_ED25519_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        // the production switches on: the widget and GoHighLevel webhooks must keep working with them
        INTROSPECTION: 'authenticated',
        CSRF_PREVENTION: 'true',
      });
      sessions.acme = await startSession('acme', agent.id, GHL_CONTACT);
      sessions.summit = await startSession('summit', summitAgent.id, 'summit-contact-widget');
      for (const tenant of ['acme', 'summit'] as const) {
        await eventually(
          async () =>
            !(
              await t.gql(
                'query ($id: ID!) { agentSession(id: $id) { turns { id } } }',
                { id: sessions[tenant] },
                {
                  'x-api-key': t.apiKeys[tenant],
                },
              )
            ).errors,
          { timeoutMs: 10_000, what: 'coaching to know the session' },
        );
      }
      host = await startHostServer();
      browser = await launchBrowser();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await host?.close();
      await t?.close();
    });

    test('a signed GoHighLevel message streams a hint into the embedded widget; Accept by keyboard is recorded', async () => {
      const page = await openHost([{ id: 'w', sessionId: sessions.acme, token: t.apiKeys.acme }]);
      const errors = pageErrors(page);
      expect(await settled(page, '#w')).toEqual(LIVE);
      const body = {
        type: 'InboundMessage',
        webhookId: randomUUID(),
        timestamp: new Date().toISOString(),
        locationId: DEMO.acme.locations[0].ghlLocationId,
        contactId: GHL_CONTACT,
        messageId: `msg-${randomUUID()}`,
        body: "Honestly the list price feels way too high, we're pre-approved for 450k max",
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
      expect(res.status).toBe(202);
      await page.locator(`#w ${COMPLETE}`).first().waitFor({ timeout: 15_000 });
      await page
        .locator('#w .qual')
        .filter({ hasText: /Qualification: \d+% · / })
        .waitFor();

      // keyboard: Tab reaches the newest hint's Accept, with a visible focus ring
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const b = document.querySelector('#w')!.shadowRoot!.activeElement as HTMLElement | null;
        const li = b?.closest('li');
        return (
          b &&
          li && {
            text: b.textContent,
            hint: li.dataset['hintId'],
            phase: li.dataset['phase'],
            outline: getComputedStyle(b).outlineStyle,
          }
        );
      });
      expect(focused).toMatchObject({ text: 'Accept', phase: 'complete', outline: 'solid' });
      const hintId = focused!.hint!;
      const hint = page.locator(`#w li[data-hint-id="${hintId}"]`);
      // it streamed (DELTA chunks arrived before COMPLETED) and shows the stored text with its category
      expect(Number(await hint.getAttribute('data-deltas'))).toBeGreaterThan(0);
      const stored = (await storedHints('acme', sessions.acme)).find((h) => h.id === hintId)!;
      expect(await hint.locator('.text').textContent()).toBe(stored.text);
      expect(await hint.locator('.badge').textContent()).toMatch(/\w/);
      await page
        .locator('#w [aria-live="polite"]')
        .filter({ hasText: /^New .* hint: / })
        .waitFor();
      await screenshot(page, 'widget-hint');

      // Enter on the focused Accept rates the hint: the widget shows it and the API has it
      await page.keyboard.press('Enter');
      await hint.locator('button.accept[aria-pressed="true"]').waitFor();
      const rated = (await storedHints('acme', sessions.acme)).find((h) => h.id === hintId)!;
      expect(rated.status).toBe('ACCEPTED');
      expect(rated.ratedAt).not.toBeNull();
      expect(await axeScan(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    test("the organization's branding is on the header, with readable text, its name and its logo", async () => {
      await gql(
        'acme',
        'mutation ($input: UpdateOrganizationBrandingInput!) { updateOrganizationBranding(input: $input) { id } }',
        {
          input: {
            organizationId: DEMO.acme.id,
            branding: {
              brandName: 'Acme Blue Door',
              primaryColor: '#0b6e4f',
              logoUrl: 'https://127.0.0.1:9/acme-logo.png',
            },
          },
        },
      );
      const page = await openHost([{ id: 'w', sessionId: sessions.acme, token: t.apiKeys.acme }]);
      const header = page.locator('#w header');
      await header.locator('.brand', { hasText: 'Acme Blue Door' }).waitFor();
      await page.locator(`#w ${COMPLETE}`).first().waitFor(); // earlier hints come back on load
      const look = await header.evaluate((h) => {
        const accept = h.parentElement!.querySelector('button.accept')!;
        return {
          background: getComputedStyle(h).backgroundColor,
          color: getComputedStyle(h).color,
          accept: getComputedStyle(accept).backgroundColor,
          logoAlt: h.querySelector('img')!.getAttribute('alt'),
          logoSrc: h.querySelector('img')!.getAttribute('src'),
        };
      });
      expect(look).toEqual({
        background: 'rgb(11, 110, 79)',
        color: 'rgb(255, 255, 255)',
        accept: 'rgb(11, 110, 79)',
        logoAlt: 'Acme Blue Door logo',
        logoSrc: 'https://127.0.0.1:9/acme-logo.png',
      });
      // the logo's host answers nothing here: the widget leaves the broken image out
      await header.locator('img[hidden]').waitFor({ state: 'attached' });
      await screenshot(page, 'widget-branded');
      expect(await axeScan(page)).toEqual([]);
      await page.close();
    });

    test("two tenants' widgets on one page each show only their own session's hints", async () => {
      const page = await openHost([
        { id: 'acme', sessionId: sessions.acme, token: t.apiKeys.acme },
        { id: 'summit', sessionId: sessions.summit, token: t.apiKeys.summit },
        { id: 'intruder', sessionId: sessions.summit, token: t.apiKeys.acme },
      ]);
      expect(await settled(page, '#acme')).toEqual(LIVE);
      expect(await settled(page, '#summit')).toEqual(LIVE);
      // acme's key names summit's session: refused with a message, nothing shown
      await page.locator('#intruder .state[data-state="error"]').waitFor();
      expect(await page.locator('#intruder [role="alert"]').textContent()).toMatch(/not found|not allowed/i);
      const before = { acme: (await storedHints('acme', sessions.acme)).length, summit: 0 };
      await leadSays(
        'summit',
        sessions.summit,
        'Is the HOA fee negotiable? We want a 3 bedroom near Cherry Creek.',
      );
      await leadSays(
        'acme',
        sessions.acme,
        "We're not in a hurry, maybe next year. Do you have condos in Round Rock?",
      );
      const stored = {} as Record<Tenant, string[]>;
      for (const tenant of ['acme', 'summit'] as const) {
        stored[tenant] = await eventually(
          async () => {
            const ids = (await storedHints(tenant, sessions[tenant])).map((h) => h.id);
            return ids.length > before[tenant] && ids;
          },
          { timeoutMs: 15_000, what: `${tenant}'s new hints` },
        );
        for (const id of stored[tenant].slice(0, stored[tenant].length - before[tenant]))
          await page.locator(`#${tenant} li[data-hint-id="${id}"]`).waitFor({ timeout: 15_000 });
      }
      const shown = { acme: await widgetIds(page, 'acme'), summit: await widgetIds(page, 'summit') };
      expect(shown.acme.every((id) => stored.acme.includes(id))).toBe(true);
      expect(shown.summit.every((id) => stored.summit.includes(id))).toBe(true);
      expect(shown.acme.some((id) => shown.summit.includes(id))).toBe(false);
      expect(new Set(shown.acme).size).toBe(shown.acme.length);
      expect(await page.locator('#intruder li').count()).toBe(0);
      await page.close();
    });

    test('a dropped socket shows "Reconnecting…", then resumes: a hint made meanwhile and a later one, each once', async () => {
      let blocked = false;
      const sockets: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
      const closedByPage: Promise<void>[] = [];
      const page = await openHost([{ id: 'w', sessionId: sessions.acme, token: t.apiKeys.acme }], (p) =>
        p.routeWebSocket(/\/graphql$/, (ws) => {
          if (blocked) {
            void ws.close({ code: 1013, reason: 'gateway unreachable' });
            return;
          }
          const server = ws.connectToServer();
          sockets.push({ page: ws, server });
          closedByPage.push(
            new Promise<void>((resolve) => ws.onClose(() => (void server.close(), resolve()))),
          );
        }),
      );
      expect(await settled(page, '#w')).toEqual(LIVE);
      const seen = new Set((await storedHints('acme', sessions.acme)).map((h) => h.id));

      blocked = true;
      for (const s of sockets) {
        await s.page.close({ code: 1001, reason: 'network dropped' });
        await s.server.close();
      }
      await page.locator('#w .state[data-state="reconnecting"]').waitFor();
      await leadSays('acme', sessions.acme, 'The commission seems high to me, can you do better?');
      const meanwhile = await eventually(
        async () => (await storedHints('acme', sessions.acme)).find((h) => !seen.has(h.id)) ?? false,
        { timeoutMs: 15_000, what: 'a hint made while the widget was offline' },
      );
      expect(await page.locator(`#w li[data-hint-id="${meanwhile.id}"]`).count()).toBe(0);

      blocked = false;
      expect(await settled(page, '#w')).toEqual(LIVE);
      await page.locator(`#w li[data-hint-id="${meanwhile.id}"]`).waitFor();
      for (const h of await storedHints('acme', sessions.acme)) seen.add(h.id);
      await leadSays('acme', sessions.acme, 'How many bedrooms do those condos in Round Rock have?');
      const later = page.locator(`#w ${COMPLETE}`);
      const laterId = await eventually(
        async () =>
          (await later.evaluateAll((els) => els.map((e) => e.getAttribute('data-hint-id')!))).find(
            (id) => !seen.has(id),
          ) ?? false,
        { timeoutMs: 15_000, what: 'a hint streamed after the reconnect' },
      );
      expect(
        Number(await page.locator(`#w li[data-hint-id="${laterId}"]`).getAttribute('data-deltas')),
      ).toBeGreaterThan(0);
      const ids = await widgetIds(page, 'w');
      expect(new Set(ids).size).toBe(ids.length);

      // removing the element closes its socket
      await page.locator('#w').evaluate((el) => el.remove());
      await closedByPage.at(-1);
      await page.close();
    });

    test('more hints than one page made while offline all appear after the reconnect, each once', async () => {
      const s0 = await sessionWithHints('offline-many');
      let blocked = false;
      const sockets: WebSocketRoute[] = [];
      const page = await openHost([{ id: 'w', sessionId: s0.id, token: t.apiKeys.acme }], (p) =>
        p.routeWebSocket(/\/graphql$/, (ws) => {
          if (blocked) return void ws.close({ code: 1013, reason: 'gateway unreachable' });
          ws.connectToServer();
          sockets.push(ws);
        }),
      );
      expect(await settled(page, '#w')).toEqual(LIVE);
      for (const id of s0.ids) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();
      blocked = true;
      for (const ws of sockets) await ws.close({ code: 1001, reason: 'network dropped' });
      await page.locator('#w .state[data-state="reconnecting"]').waitFor();
      const offline = await makeHints(s0.id, 24); // more than the 20 a state fetch returns
      blocked = false;
      for (const id of offline) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();
      await showsExactly(page, 'w', 'acme', s0.id);
      await page.close();
    });

    test('a hint made while the widget is subscribing is not lost (the subscription replays it)', async () => {
      const s0 = await sessionWithHints('connecting');
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let holding!: () => void;
      const subscribing = new Promise<void>((r) => (holding = r));
      const page = await openHost([{ id: 'w', sessionId: s0.id, token: t.apiKeys.acme }], (p) =>
        p.routeWebSocket(/\/graphql$/, (ws) => {
          const server = ws.connectToServer();
          // the hints subscription reaches the gateway only once the hint below is stored
          ws.onMessage(async (m) => {
            if (typeof m === 'string' && m.includes('CoachingWidgetHints')) {
              holding();
              await held;
            }
            server.send(m);
          });
        }),
      );
      await subscribing;
      for (const id of s0.ids) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();
      const made = await makeHints(s0.id, 1);
      release();
      for (const id of made) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();
      const ids = await widgetIds(page, 'w');
      expect(new Set(ids).size).toBe(ids.length);
      await page.close();
    });

    test("a member's JWT works too: the agent's widget shows its session and records a dismissal", async () => {
      const member = demoMembers('acme').find((m) => m.agentId === agent.id)!;
      const { issueAccessToken } = await gql<{ issueAccessToken: { token: string } }>(
        'acme',
        'mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }',
        { id: member.id },
      );
      const page = await openHost([{ id: 'w', sessionId: sessions.acme, token: issueAccessToken.token }]);
      expect(await settled(page, '#w')).toEqual(LIVE);
      const shown = page.locator(`#w ${COMPLETE}[data-status="SHOWN"]`).first();
      const hintId = (await shown.getAttribute('data-hint-id'))!;
      // that hint's button, not "the first SHOWN" again: hints replayed after subscribing may arrive meanwhile
      await page.locator(`#w li[data-hint-id="${hintId}"] button.dismiss`).focus();
      await page.keyboard.press('Space');
      await page.locator(`#w li[data-hint-id="${hintId}"] button.dismiss[aria-pressed="true"]`).waitFor();
      expect((await storedHints('acme', sessions.acme)).find((h) => h.id === hintId)!.status).toBe(
        'DISMISSED',
      );
      await page.close();
    });

    test('a refused credential stops the widget with a message instead of retrying', async () => {
      let sockets = 0;
      const page = await openHost(
        [{ id: 'w', sessionId: sessions.acme, token: 'cpk_nope_not-a-real-key' }],
        async (p) => {
          p.on('websocket', () => (sockets += 1));
        },
      );
      await page.locator('#w .state[data-state="error"]').waitFor();
      // the state is fetched over HTTP before the socket opens: refused there (401), no socket is tried
      expect(await page.locator('#w [role="alert"]').textContent()).toMatch(
        /not allowed.*check the widget's token/i,
      );
      expect(sockets).toBeLessThanOrEqual(1);
      expect(await page.locator('#w li').count()).toBe(0);
      await page.close();
    });

    test('a malformed session id stops the widget with a message after a handful of sockets, not forever', async () => {
      let sockets = 0;
      const page = await openHost(
        [{ id: 'w', sessionId: 'not a session id!', token: t.apiKeys.acme }],
        async (p) => {
          p.on('websocket', () => (sockets += 1));
        },
      );
      await page.locator('#w .state[data-state="error"]').waitFor();
      expect(await page.locator('#w [role="alert"]').textContent()).toMatch(/check its session-id/i);
      expect(sockets).toBeLessThanOrEqual(2);
      await page.close();
    });

    test("changing session-id or token starts over blank: only the new session's hints, never the old tenant's", async () => {
      // two fresh Acme sessions with hints of their own, and summit's session with at least one hint
      const [first, other] = [await sessionWithHints('swap-a'), await sessionWithHints('swap-b')];
      const otherIds = other.ids;
      if (!(await storedHints('summit', sessions.summit)).length) {
        await leadSays('summit', sessions.summit, 'Is the HOA fee negotiable on that condo?');
        await eventually(async () => (await storedHints('summit', sessions.summit)).length > 0, {
          timeoutMs: 15_000,
          what: "summit's hints",
        });
      }
      const page = await openHost([{ id: 'w', sessionId: first.id, token: t.apiKeys.acme }]);
      expect(await settled(page, '#w')).toEqual(LIVE);
      for (const id of first.ids) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();

      await page.locator('#w').evaluate((el, id) => el.setAttribute('session-id', id), other.id);
      for (const id of otherIds) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();
      const shownOther = await showsExactly(page, 'w', 'acme', other.id);
      expect(shownOther.some((id) => first.ids.includes(id))).toBe(false);

      // another tenant: summit's key and session; nothing of Acme (hints or brand) stays
      await page.locator('#w').evaluate(
        (el, s) => {
          el.setAttribute('token', s.token);
          el.setAttribute('session-id', s.id);
        },
        { token: t.apiKeys.summit, id: sessions.summit },
      );
      const summitIds = (await storedHints('summit', sessions.summit)).map((h) => h.id);
      await page.locator('#w .state[data-state="live"]').waitFor();
      await page.locator('#w .brand').filter({ hasText: 'Summit Homes' }).waitFor();
      for (const id of summitIds) await page.locator(`#w li[data-hint-id="${id}"]`).waitFor();
      await showsExactly(page, 'w', 'summit', sessions.summit);
      expect(await page.locator('#w .brand').textContent()).not.toMatch(/acme/i);
      await page.close();
    });

    test('the bundle is served gzipped with an ETag, loadable from any origin, within its 30 KB budget', async () => {
      const url = new URL('/widget/coaching-widget.js', t.url);
      const gz = await rawGet(url, { 'accept-encoding': 'gzip', origin: 'https://crm.example' });
      const h = gz.headers;
      expect([gz.status, h['content-encoding'], h['access-control-allow-origin']]).toEqual([
        200,
        'gzip',
        '*',
      ]);
      expect(h['content-type']).toBe('text/javascript; charset=utf-8');
      expect(gz.bytes).toBeLessThanOrEqual(30 * 1024);
      expect(gz.bytes).toBe(Number(h['content-length']));
      expect((await rawGet(url, { 'if-none-match': String(h.etag) })).status).toBe(304);
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    });

    test('the demo page: paste a key, open a session, play the lead, hints stream', async () => {
      const page = await browser.newPage();
      const errors = pageErrors(page);
      await page.goto(new URL('/widget/demo', t.url).href);
      await page.getByLabel('API key').fill(t.apiKeys.summit);
      await page.getByRole('button', { name: 'Open a demo session' }).click();
      const status = page.locator('#status');
      await status.filter({ hasText: /is open|Could not/ }).waitFor({ timeout: 30_000 });
      expect(await status.textContent()).toMatch(/^Session [\w-]+ is open\.$/);
      expect(await settled(page, 'coaching-widget')).toEqual(LIVE);
      await page.getByLabel('Lead says…').fill('The price is too high for us, we are pre-approved for 500k.');
      await page.getByRole('button', { name: 'Send as the lead' }).click();
      await page.locator(`coaching-widget ${COMPLETE}`).first().waitFor({ timeout: 15_000 });
      expect(await page.locator('#snippet').textContent()).toContain('/widget/coaching-widget.js');
      expect(await axeScan(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    describe('on a tenant over its rate limit', () => {
      let limited: TestPlatform;
      beforeAll(async () => {
        limited = await startTestPlatform(kind, { RATE_LIMIT_PER_MINUTE: '20' });
      }, 120_000);
      afterAll(async () => {
        await limited?.close();
      });

      test('widgets wait what RATE_LIMITED asks instead of retrying every second', async () => {
        const key = limited.apiKeys.acme;
        for (let i = 0; ; i++) {
          const r = await limited.gql('{ viewer { organization { id } } }', {}, { 'x-api-key': key });
          if (r.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED') break;
          expect(i).toBeLessThan(100);
        }
        let [requests, sockets] = [0, 0];
        const page = await browser.newPage();
        page.on('websocket', () => (sockets += 1));
        page.on('request', (r) => void (r.url().endsWith('/graphql') && (requests += 1)));
        const widgets = [1, 2, 3].map((n) => ({ id: `w${n}`, sessionId: `s-${randomUUID()}`, token: key }));
        await page.goto(host.page(limited.url, widgets));
        for (const w of widgets) {
          const alert = page.locator(`#${w.id} [role="alert"]`).filter({ hasText: /retrying in \d+ s/ });
          await alert.waitFor();
          const seconds = Number(/retrying in (\d+) s/.exec((await alert.textContent())!)![1]);
          expect(await alert.textContent()).toMatch(/too many requests/i);
          expect(seconds).toBeGreaterThanOrEqual(20); // the window's remaining minute, not 0.5–1 s
        }
        // one state fetch and one branding fetch per widget so far, and no socket: the state comes first
        expect(requests).toBeLessThanOrEqual(widgets.length * 2);
        expect(sockets).toBe(0);
        await page.close();
      });
    });
  });
});
