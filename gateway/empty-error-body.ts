/**
 * Yoga answers some client mistakes with a status and no body: an unsupported Content-Type (415), an
 * Accept header listing no type it can produce (406), HEAD on the GraphQL path (405) and an unknown path
 * (404). A client then sees a bare status; here each gets a GraphQL error body with BAD_REQUEST and the
 * reason, the status and headers (Allow) unchanged. HEAD answers keep no body, as HTTP requires.
 */
import { graphqlErrorBody } from '../core/server/http-util';

const REASONS: Record<number, string> = {
  404: 'no such path: GraphQL is served at /graphql',
  405: 'method not allowed here',
  406:
    'the Accept header lists no type this endpoint produces (application/graphql-response+json, ' +
    'application/json, text/event-stream, multipart/mixed)',
  415:
    'unsupported Content-Type: send application/json (or application/graphql+json, ' +
    'application/graphql, application/x-www-form-urlencoded)',
};

export function withErrorBody(response: Response, method: string): Response {
  const reason = REASONS[response.status];
  if (!reason || response.body || method === 'HEAD') return response;
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.delete('content-length');
  return new Response(JSON.stringify(graphqlErrorBody(reason, 'BAD_REQUEST')), {
    status: response.status,
    headers,
  });
}
