/**
 * The portal's prose sections, with the values this gateway runs with: getting started, authentication
 * (the header and connection-param names gateway/plugins/use-auth.ts and gateway/websocket-server.ts read),
 * limits (gateway/plugins/use-operation-limits.ts, from core/config.ts), rate limits and error codes.
 */
import type { LimitOptions } from '../../../core/config';
import { escapeHtml } from '../page';
import { errorDocs } from './error-docs';

export interface GuideOptions {
  graphqlPath: string;
  limits: LimitOptions;
  /** The page's origin (e.g. http://localhost:4000), for the URLs in examples. */
  origin: string;
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const pre = (text: string, label: string) =>
  `<pre tabindex="0" aria-label="${escapeHtml(label)}"><code>${escapeHtml(text)}</code></pre>`;

export function gettingStarted(opts: GuideOptions): string {
  const url = `${opts.origin}${opts.graphqlPath}`;
  return `<section id="getting-started" aria-labelledby="getting-started-h">
<h2 id="getting-started-h">Getting started</h2>
<p>One GraphQL endpoint serves the whole platform: ${code(url)} for queries and mutations (HTTP POST, JSON)
and for subscriptions (graphql-ws on the same path, ${code(url.replace(/^http/, 'ws'))}). Each request needs
an API key or a member's bearer token (see <a href="#authentication">Authentication</a>). Introspection
needs one too on a production gateway; this page and ${code('/schema.graphql')} are open to everyone.</p>
${pre(
  [
    `curl -s ${url} -H 'content-type: application/json' -H "X-Api-Key: $API_KEY" \\`,
    `  -d '{"query":"{ agents(first: 3) { totalCount edges { node { id name } } } }"}'`,
  ].join('\n'),
  'First request with curl',
)}
<p>Try operations in the browser with the <a href="/portal/explorer">API explorer</a>, or download the
public schema as <a href="/schema.graphql" download>schema.graphql</a> for code generators.
Every list is a Relay connection (${code('edges { cursor node }')}, ${code('pageInfo { hasNextPage endCursor }')}).</p>
</section>`;
}

export function authentication(opts: GuideOptions): string {
  return `<section id="authentication" aria-labelledby="authentication-h">
<h2 id="authentication-h">Authentication</h2>
<p>Send one credential with every HTTP request:</p>
<ul>
<li>an API key of your tenant in the ${code('X-Api-Key')} header, or</li>
<li>a member's access token (a JWT, from ${code('issueAccessToken')}) in ${code('Authorization: Bearer <JWT>')}.</li>
</ul>
<p>Subscriptions authenticate once, when the graphql-ws connection opens, with the same credential in the
${code('connectionParams')}: ${code('{"x-api-key": "…"}')} (or ${code('apiKey')}) or
${code('{"authorization": "Bearer <JWT>"}')}. Without one the socket closes with 4401; a key revoked or a member
removed while it is open closes it with 4403, and a bearer token closes it with 4401 when it expires.</p>
${pre(
  [
    "import { createClient } from 'graphql-ws';",
    `const client = createClient({`,
    `  url: '${opts.origin.replace(/^http/, 'ws')}${opts.graphqlPath}',`,
    `  connectionParams: { 'x-api-key': process.env.API_KEY },`,
    `});`,
  ].join('\n'),
  'graphql-ws client with connection params',
)}
<p>A refused credential answers HTTP 401 with ${code('UNAUTHENTICATED')}; its ${code('extensions.reason')}
says why (see <a href="#errors">Errors</a>).</p>
</section>`;
}

export function limitsSection(opts: GuideOptions): string {
  const l = opts.limits;
  const rows: [string, string, string][] = [
    ['Request body', `${l.maxBodyBytes} bytes`, 'HTTP 413 PAYLOAD_TOO_LARGE'],
    ['Tokens', String(l.maxTokens), 'QUERY_TOO_COMPLEX, limit "tokens"'],
    ['Depth (field nesting; fragments add no level)', String(l.maxDepth), 'QUERY_TOO_COMPLEX, limit "depth"'],
    ['Aliases (through every fragment spread)', String(l.maxAliases), 'QUERY_TOO_COMPLEX, limit "aliases"'],
    ['Directives', String(l.maxDirectives), 'QUERY_TOO_COMPLEX, limit "directives"'],
    [
      'Estimated cost (values in the answer)',
      String(l.cost.maxQueryCost),
      'QUERY_TOO_COMPLEX, limit "estimatedCost"',
    ],
  ];
  const body = rows
    .map(
      ([name, value, error]) =>
        `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td><td>${escapeHtml(error)}</td></tr>`,
    )
    .join('\n');
  return `<section id="limits" aria-labelledby="limits-h">
<h2 id="limits-h">Limits</h2>
<p>This gateway checks every operation before any service is called; an operation over a limit is refused
with HTTP 400 and nothing runs. The values below are the ones this gateway runs with.</p>
<table>
<caption>Operation limits of this gateway</caption>
<thead><tr><th scope="col">Limit</th><th scope="col">Maximum</th><th scope="col">Error</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p>Estimated cost: about how many values the answer can hold. Every field counts once per time it appears;
a list's subtree is multiplied by its ${code('first')} or ${code('last')} argument (literal, variable or
default, capped at the maximum the argument states), a list without one counts 20, and each fragment spread
counts 1 besides what it selects. The error carries the estimate: ${code('extensions.cost.estimated')} and
${code('extensions.cost.limit')}.</p>
</section>`;
}

export function rateLimitSection(opts: GuideOptions): string {
  return `<section id="rate-limits" aria-labelledby="rate-limits-h">
<h2 id="rate-limits-h">Rate limits</h2>
<p>Each tenant may make <strong>${opts.limits.ratePerMinute} requests per minute</strong> (all of its keys and
members together, across every gateway instance); each query, mutation and subscription start counts once,
and so does a request refused before it runs (one that does not parse or validate, or is over a limit).
Over the budget the gateway answers HTTP 429 with the code ${code('RATE_LIMITED')},
${code('extensions.retryAfterSeconds')} and, on HTTP, a ${code('Retry-After')} header (seconds): wait that
long before trying again. Introspection without a credential is not counted.</p>
</section>`;
}

export function errorsSection(opts: GuideOptions): string {
  const entries = errorDocs(opts.limits)
    .map(
      (e) => `<section class="error-code" id="error-${e.code}" aria-labelledby="error-${e.code}-h">
<h3 id="error-${e.code}-h">${escapeHtml(e.code)}</h3>
<p><span class="label">HTTP status:</span> ${escapeHtml(e.status)}</p>
<p>${escapeHtml(e.when).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>
${pre(e.example, `Example response for ${e.code}`)}
</section>`,
    )
    .join('\n');
  return `<section id="errors" aria-labelledby="errors-h">
<h2 id="errors-h">Errors</h2>
<p>Errors come in the response's ${code('errors')} list; ${code('extensions.code')} is one of the codes below
(match on the code, not the message). A field that fails is null in ${code('data')} and its error has a
${code('path')}.</p>
${entries}
</section>`;
}

/**
 * The scopes the coaching widget's credential needs, read from what it sends (web/coaching-widget/api.ts)
 * and the resolvers' requireScope calls; tests/unit/gateway/portal-reference.test.ts checks them against a
 * running platform (each one needed, together enough).
 */
export const WIDGET_SCOPES: readonly { scope: string; why: string; optional?: boolean }[] = [
  { scope: 'agents:read', why: 'load the session (agentSession)' },
  {
    scope: 'coaching:read',
    why: "the session's hints and qualification, and the coachingHints and sessionUpdated subscriptions",
  },
  { scope: 'coaching:write', why: 'rate a hint (rateHint, the Accept and Dismiss buttons)' },
  {
    scope: 'tenants:read',
    why: "your organization's branding (viewer.organization); without it the widget keeps its default look",
    optional: true,
  },
];

export function widgetSection(opts: GuideOptions): string {
  const scopes = WIDGET_SCOPES.map(
    (s) =>
      `<li data-scope="${escapeHtml(s.scope)}">${code(s.scope)}${s.optional ? ' (optional)' : ''}: ${escapeHtml(s.why)}</li>`,
  ).join('\n');
  return `<section id="coaching-widget" aria-labelledby="coaching-widget-h">
<h2 id="coaching-widget-h">Coaching widget</h2>
<p>Show an agent's live hints in your own page with two tags: the widget's module script, served by this
gateway, and the ${code('<coaching-widget>')} element for one session.</p>
${pre(
  [
    `<script type="module" src="${opts.origin}/widget/coaching-widget.js"></script>`,
    `<coaching-widget session-id="SESSION_ID" token="TOKEN"></coaching-widget>`,
  ].join('\n'),
  'Embedding the coaching widget',
)}
<ul>
<li>${code('session-id')} (required): the agent session to follow (from ${code('startAgentSession')}).</li>
<li>${code('token')} (required): a member's access token (a JWT from ${code('issueAccessToken')}) or an API key;
the widget sends it as ${code('Authorization: Bearer')} or ${code('X-Api-Key')}, and in the graphql-ws
connection params.</li>
<li>${code('endpoint')} (optional): the GraphQL URL; by default the gateway the script was loaded from
(${code(`${opts.origin}${opts.graphqlPath}`)}).</li>
</ul>
<p>The token needs these scopes (a key or member without one of the first three stops with
${code('missing scope …')}):</p>
<ul class="widget-scopes">
${scopes}
</ul>
<p>Member tokens expire: the host page swaps in a fresh JWT by setting the attribute, e.g.
${code("widget.setAttribute('token', freshJwt)")}; the widget reconnects with it and loads the session's state and newest hints again.
Try it with one of your keys on the <a href="/widget/demo">widget demo</a>.</p>
</section>`;
}

export function dashboardSection(): string {
  return `<section id="manager-dashboard" aria-labelledby="manager-dashboard-h">
<h2 id="manager-dashboard-h">Manager dashboard</h2>
<p>The <a href="/dashboard">manager dashboard</a> shows agents, analytics, alerts and billing with a member
token or an API key; it shows what that credential may see and names the scope it lacks for the rest.</p>
</section>`;
}
