/**
 * The portal's two pages: `/portal` (guide, examples, error codes and the API reference, all server-rendered
 * and readable without JavaScript) and `/portal/explorer` (GraphiQL, bundled from npm in web/explorer).
 */
import { escapeHtml, renderPage } from '../page';
import { portalExamples } from './examples';
import {
  authentication,
  errorsSection,
  gettingStarted,
  limitsSection,
  rateLimitSection,
  dashboardSection,
  widgetSection,
  type GuideOptions,
} from './guide';

const TITLE = 'Coaching Platform API';

/** An empty icon, so the browser does not ask the gateway for /favicon.ico (a 404 in the console). */
const NO_FAVICON = '<link rel="icon" href="data:,">';

/** The banner every portal page shares: the site name and its pages (the current one marked). */
function banner(current: 'portal' | 'explorer'): string {
  const link = (href: string, label: string, page?: 'portal' | 'explorer') =>
    `<li><a href="${href}"${page === current ? ' aria-current="page"' : ''}>${label}</a></li>`;
  return `<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<p class="site-title"><a href="/portal">${TITLE}</a></p>
<nav aria-label="Portal">
<ul>
${link('/portal', 'Documentation', 'portal')}
${link('/portal/explorer', 'API explorer', 'explorer')}
${link('/schema.graphql', 'schema.graphql')}
</ul>
</nav>
</header>`;
}

const SECTIONS: [string, string][] = [
  ['getting-started', 'Getting started'],
  ['authentication', 'Authentication'],
  ['limits', 'Limits'],
  ['rate-limits', 'Rate limits'],
  ['errors', 'Errors'],
  ['coaching-widget', 'Coaching widget'],
  ['manager-dashboard', 'Manager dashboard'],
  ['examples', 'Examples'],
  ['reference', 'API reference'],
];

function examplesSection(origin: string): string {
  const items = portalExamples({ origin })
    .map(
      (
        e,
      ) => `<section class="example" id="example-${escapeHtml(e.id)}" aria-labelledby="example-${escapeHtml(e.id)}-h">
<h3 id="example-${escapeHtml(e.id)}-h">${escapeHtml(e.title)}</h3>
<p>${escapeHtml(e.description)}</p>
<pre tabindex="0" aria-label="${escapeHtml(`${e.title} (${e.language})`)}"><code class="language-${e.language}">${escapeHtml(e.code)}</code></pre>
</section>`,
    )
    .join('\n');
  return `<section id="examples" aria-labelledby="examples-h">
<h2 id="examples-h">Examples</h2>
${items || '<p>No examples yet.</p>'}
</section>`;
}

/** `/portal`: `reference` is the pre-rendered API reference (built once from the supergraph). */
export function portalPage(opts: GuideOptions, reference: string): string {
  const toc = SECTIONS.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('\n');
  const body = `${banner('portal')}
<div class="layout">
<nav class="toc" aria-label="On this page">
<h2 class="toc-title">On this page</h2>
<ul>
${toc}
</ul>
</nav>
<main id="main" tabindex="-1">
<h1>Developer portal</h1>
<p class="lead">The coaching platform for real-estate agents is one federated GraphQL API. This page is
generated from the schema this gateway serves, so it always matches it.</p>
${gettingStarted(opts)}
${authentication(opts)}
${limitsSection(opts)}
${rateLimitSection(opts)}
${errorsSection(opts)}
${widgetSection(opts)}
${dashboardSection()}
${examplesSection(opts.origin)}
${reference}
</main>
</div>
<footer class="site-footer"><p>Served by this gateway; nothing on this page is loaded from another site.</p></footer>`;
  return renderPage({
    title: `Developer portal · ${TITLE}`,
    body,
    head: NO_FAVICON,
    styles: ['portal.css'],
    scripts: ['portal.js'],
  });
}

/** `/portal/explorer`: the credential form is server-rendered; GraphiQL mounts into #graphiql. */
export function explorerPage(graphqlPath: string): string {
  const body = `${banner('explorer')}
<main id="main" class="explorer-main" tabindex="-1" data-graphql-path="${escapeHtml(graphqlPath)}">
<h1>API explorer</h1>
<form id="credential-form" class="credential" aria-describedby="credential-help">
<div class="credential-fields">
<label for="credential-kind">Send as</label>
<select id="credential-kind" name="kind">
<option value="api-key">X-Api-Key header</option>
<option value="bearer">Authorization: Bearer</option>
</select>
<label for="credential-value">API key or bearer token</label>
<input id="credential-value" name="credential" type="password" autocomplete="off" spellcheck="false">
<button type="submit">Use credential</button>
<button type="button" id="credential-clear">Forget</button>
</div>
<p id="credential-help">Kept in this tab only (sessionStorage). Sent as a header on HTTP and in the graphql-ws
connection params for subscriptions, to this gateway only.</p>
<p id="credential-status" role="status" aria-live="polite"></p>
</form>
<noscript><p>The explorer needs JavaScript. The <a href="/portal#reference">API reference</a> works without it.</p></noscript>
<div id="graphiql" class="graphiql-host" aria-label="GraphiQL"></div>
</main>`;
  return renderPage({
    title: `API explorer · ${TITLE}`,
    body,
    head: NO_FAVICON,
    styles: ['portal.css', 'explorer.css'],
    scripts: ['explorer.js'],
  });
}
