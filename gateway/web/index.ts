/**
 * The gateway's pages, served before GraphQL: `/` leads to the portal, `/assets/*` serves the bundles built
 * from web/ (tools/web/build.ts), then the portal, the coaching widget and the manager dashboard. Every page
 * is generated from the served supergraph or the API at run time; nothing is fetched from outside.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRoute } from '../http-handler';
import type { WebRoutesOptions } from './options';
import { staticAssets } from './static-assets';
import { portalRoute } from './portal/route';
import { widgetRoute } from './widget/route';
import { dashboardRoute } from './dashboard/route';

export type { WebRoutesOptions } from './options';

/** `GET /` → 302 to /portal (a browser landing on the gateway finds the documentation). */
const rootRedirect: GatewayRoute = async (req: IncomingMessage, res: ServerResponse) => {
  const pathname = (req.url ?? '/').split('?')[0];
  if (pathname !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  res.writeHead(302, { location: '/portal' }).end();
  return true;
};

/**
 * A browser opening the GraphQL endpoint itself (GET, asks for HTML, no `query`) is led to the explorer
 * instead of a 406; GraphQL over GET, SSE and graphql-ws upgrades are untouched.
 */
function browserOnGraphql(graphqlPath: string): GatewayRoute {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return false;
    const [pathname, search = ''] = (req.url ?? '/').split('?', 2);
    if (pathname !== graphqlPath || new URLSearchParams(search).has('query')) return false;
    if (!/\btext\/html\b/.test(String(req.headers.accept ?? ''))) return false;
    res.writeHead(302, { location: '/portal/explorer' }).end();
    return true;
  };
}

export function webRoutes(opts: WebRoutesOptions): GatewayRoute[] {
  return [
    rootRedirect,
    browserOnGraphql(opts.graphqlPath),
    staticAssets({ dir: opts.assetsDir }),
    portalRoute(opts),
    widgetRoute(opts),
    dashboardRoute(opts),
  ];
}
