/**
 * `/dashboard`: the manager dashboard. The gateway serves only the HTML shell (landmarks, headings, the
 * sign-in form, empty sections); web/dashboard/main.ts (bundled to /assets/dashboard.js) signs in with the
 * credential the manager types, then fills the sections from the GraphQL API at `graphqlPath` with that
 * credential. What a caller may see is decided by the API, never by this page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRoute } from '../../http-handler';
import type { WebRoutesOptions } from '../options';
import { escapeHtml, renderPage, sendPage } from '../page';
import { sendJson } from '../../../core/server/http-util';

const PATH = '/dashboard';

function signInSection(): string {
  return `
<section id="sign-in" aria-labelledby="sign-in-heading">
  <h2 id="sign-in-heading">Sign in</h2>
  <p>Paste a member access token (JWT) or an API key. It is kept in this tab only (sessionStorage) and sent
  to this platform's API, which decides what you may see.</p>
  <form id="sign-in-form" novalidate>
    <label for="credential">Member token or API key</label>
    <input id="credential" name="credential" type="password" autocomplete="off" spellcheck="false" required
      aria-describedby="sign-in-error">
    <button type="submit">Sign in</button>
    <p id="sign-in-error" class="error" role="alert"></p>
  </form>
</section>`;
}

function dashboardSections(): string {
  return `
<div id="dashboard" hidden>
  <section id="who" aria-labelledby="who-heading">
    <h2 id="who-heading" tabindex="-1">Signed in</h2>
    <p id="who-text"></p>
    <button type="button" id="sign-out">Sign out</button>
  </section>
  <section id="filters" aria-labelledby="filters-heading">
    <h2 id="filters-heading">Filters</h2>
    <form id="filter-form">
      <label for="location">Location</label>
      <select id="location" name="location"><option value="">All visible locations</option></select>
      <label for="period">Period</label>
      <select id="period" name="period">
        <option value="7">Last 7 days</option>
        <option value="30" selected>Last 30 days</option>
        <option value="90">Last 90 days</option>
      </select>
    </form>
    <p id="status" role="status" aria-live="polite"></p>
  </section>
  <section id="agents" aria-labelledby="agents-heading" aria-busy="true">
    <h2 id="agents-heading">Agents</h2>
    <div class="body"></div>
  </section>
  <section id="charts" aria-labelledby="charts-heading" aria-busy="true">
    <h2 id="charts-heading">Coaching over time</h2>
    <div class="body"></div>
  </section>
  <section id="alerts" aria-labelledby="alerts-heading">
    <h2 id="alerts-heading">Alerts</h2>
    <p class="note">Refreshed every 10 seconds.</p>
    <div id="alerts-live" class="visually-hidden" aria-live="assertive" aria-atomic="true"></div>
    <div class="body"></div>
  </section>
  <section id="billing" aria-labelledby="billing-heading" aria-busy="true">
    <h2 id="billing-heading">Quota and invoices</h2>
    <div class="body"></div>
  </section>
</div>`;
}

export function dashboardHtml(graphqlPath: string): string {
  return renderPage({
    title: 'Coaching dashboard',
    scripts: ['dashboard.js'],
    styles: ['dashboard.css'],
    // no favicon request (a 404 in the console): an empty inline icon
    head: '<link rel="icon" href="data:,">',
    body: `
<a class="skip" href="#main">Skip to content</a>
<header><h1>Coaching dashboard</h1></header>
<main id="main" tabindex="-1" data-graphql-path="${escapeHtml(graphqlPath)}">
${signInSection()}
${dashboardSections()}
</main>`,
  });
}

export function dashboardRoute(opts: WebRoutesOptions): GatewayRoute {
  let html: string | undefined;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== PATH && pathname !== `${PATH}/`) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return true;
    }
    html ??= dashboardHtml(opts.graphqlPath);
    sendPage(res, req.method === 'HEAD' ? '' : html);
    return true;
  };
}
