/**
 * CSRF prevention (on in production, CSRF_PREVENTION): a request a browser can send cross-site without a
 * CORS preflight — a GET, or a POST whose content type is a form or text/plain, or none — must carry a
 * header no such request can: `x-graphql-csrf`, `apollo-require-preflight` (Apollo's clients send it) or
 * `x-graphql-yoga-csrf`. Otherwise it is refused before parsing with 400 CSRF_PREVENTED, so a hostile
 * page cannot make a signed-in browser run an operation (a GET query or a form-posted mutation).
 *
 * The logic is Yoga's `useCSRFPrevention` (which the runtime's `csrfPrevention` option installs), with the
 * header names Apollo Server accepts too, and an error with a code and HTTP 400 (Yoga's has no code and
 * answers 403; Apollo answers 400 BAD_REQUEST). JSON POSTs (partner apps, the widget, the portal's
 * explorer) are preflighted already and pass; the webhook and page routes are served before GraphQL.
 */
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'x-graphql-yoga-csrf'] as const;

/** Content types a browser form or `fetch(…, { mode: 'no-cors' })` may send without a preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Could a browser have sent this request cross-site without a preflight? */
export function isSimpleRequest(request: Request): boolean {
  const type = request.headers.get('content-type')?.trim().toLowerCase();
  if (!type) return true;
  return SIMPLE_CONTENT_TYPES.some((simple) => type.startsWith(simple));
}

export function useCsrfPrevention(): GatewayPlugin {
  return {
    onRequestParse({ request }) {
      if (!isSimpleRequest(request)) return;
      if (CSRF_HEADERS.some((h) => request.headers.has(h))) return;
      throw new GraphQLError(
        'This request could have been sent by another site (CSRF): send it with content-type ' +
          `application/json, or add one of the headers ${CSRF_HEADERS.join(', ')}`,
        { extensions: { code: 'CSRF_PREVENTED', http: { status: 400 } } },
      );
    },
  };
}
