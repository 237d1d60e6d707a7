/**
 * The developer portal's routes, generated at start from the served supergraph (a field added to a subgraph
 * shows up after composing, with no edit here):
 *   GET /portal             the documentation and API reference (server-rendered, no JavaScript needed)
 *   GET /portal/explorer    GraphiQL (web/explorer), with the visitor's own credential
 *   GET /schema.graphql     the public SDL, without federation internals, with descriptions
 *   GET /docs → 302 /portal, GET /graphiql → 302 /portal/explorer
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { graphqlErrorBody, sendJson } from '../../../core/server/http-util';
import type { GatewayRoute } from '../../http-handler';
import type { WebRoutesOptions } from '../options';
import { sendPage } from '../page';
import { explorerPage, portalPage } from './pages';
import { buildReference } from './reference';
import { renderReference } from './render-reference';

const REDIRECTS: Record<string, string> = {
  '/portal/': '/portal',
  '/docs': '/portal',
  '/docs/': '/portal',
  '/graphiql': '/portal/explorer',
  '/graphiql/': '/portal/explorer',
  '/portal/explorer/': '/portal/explorer',
};

const PAGES = new Set(['/portal', '/portal/explorer', '/schema.graphql']);

/** This gateway's origin as the visitor reached it (for URLs in examples). */
export function requestOrigin(req: IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]!
    .trim();
  const proto =
    forwarded === 'https' || forwarded === 'http'
      ? forwarded
      : (req.socket as TLSSocket).encrypted
        ? 'https'
        : 'http';
  const host = /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host ?? '') ? req.headers.host! : 'localhost';
  return `${proto}://${host}`;
}

function sendSchema(res: ServerResponse, sdl: string, head: boolean): void {
  res.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': 'attachment; filename="schema.graphql"',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  res.end(head ? undefined : sdl);
}

export function portalRoute(opts: WebRoutesOptions): GatewayRoute {
  const reference = buildReference(opts.supergraph);
  const referenceHtml = renderReference(reference);
  const explorerHtml = explorerPage(opts.graphqlPath);
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    const redirect = REDIRECTS[pathname];
    if (!redirect && !PAGES.has(pathname)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, graphqlErrorBody(`${req.method} is not allowed on ${pathname}`, 'BAD_USER_INPUT'));
      return true;
    }
    if (redirect) {
      res.writeHead(302, { location: redirect }).end();
    } else if (pathname === '/schema.graphql') {
      sendSchema(res, reference.sdl, req.method === 'HEAD');
    } else if (pathname === '/portal/explorer') {
      sendPage(res, explorerHtml);
    } else {
      const guide = { graphqlPath: opts.graphqlPath, limits: opts.limits, origin: requestOrigin(req) };
      sendPage(res, portalPage(guide, referenceHtml));
    }
    return true;
  };
}
