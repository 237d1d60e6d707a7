/**
 * The gateway's node:http request listener: extra routes first, then the methods the runtime serves (any
 * other, e.g. TRACE, which fetch's Request cannot even carry, is 405 with Allow), then the body limit
 * (413 PAYLOAD_TOO_LARGE before the runtime sees anything) and its content-encoding (request-encoding.ts),
 * then the Hive runtime's fetch, whose response
 * is relayed as is — streamed ones (SSE, incremental delivery) chunk by chunk until the client goes away.
 * A client that goes away mid-request is logged at debug: it is ordinary, not a server error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { Logger } from '../core/logger';
import { BodyTooLargeError, graphqlErrorBody, readBody, sendJson } from '../core/server/http-util';
import { isClientDisconnect } from './client-disconnect';
import { withErrorBody } from './empty-error-body';
import { decodeBody } from './request-encoding';
import type { AuthContext } from './plugins/use-auth';

export type GatewayRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface GatewayHttpHandlerOptions {
  runtime: GatewayRuntime<AuthContext>;
  /** Served before GraphQL, in order; the first returning true handled the request. */
  routes?: GatewayRoute[];
  maxBodyBytes: number;
  logger: Logger;
  /** The GraphQL endpoint's path (default /graphql): its 405 answers list the methods GraphQL takes. */
  graphqlPath?: string;
}

/** Methods the runtime answers; fetch's Request refuses TRACE, TRACK and CONNECT outright. */
const RUNTIME_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/** The listener for http.createServer: a request that throws gets a 500 (or its stream ended). */
export function gatewayHttpHandler(
  opts: GatewayHttpHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(opts, req, res).catch((err: unknown) => {
      if (isClientDisconnect(err, req)) {
        opts.logger.debug({ reason: String((err as Error)?.message ?? err) }, 'client went away');
        if (!res.headersSent) res.destroy();
        else res.end();
        return;
      }
      opts.logger.error({ err }, 'gateway request failed');
      if (!res.headersSent)
        sendJson(res, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.end();
    });
  };
}

async function handle(
  opts: GatewayHttpHandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = requestUrl(req);
  if (!url) {
    sendJson(res, 400, graphqlErrorBody('Malformed request URL', 'BAD_USER_INPUT'));
    return;
  }
  for (const route of opts.routes ?? []) if (await route(req, res)) return;
  const method = req.method ?? '';
  if (!RUNTIME_METHODS.has(method)) {
    const isGraphql = url.pathname === (opts.graphqlPath ?? '/graphql');
    sendJson(res, 405, graphqlErrorBody(`${method} is not allowed on ${url.pathname}`, 'BAD_REQUEST'), {
      allow: isGraphql ? 'GET, POST, OPTIONS' : 'GET, HEAD, OPTIONS',
    });
    return;
  }
  let body: Buffer | undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    try {
      body = await readBody(req, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, graphqlErrorBody(err.message, 'PAYLOAD_TOO_LARGE', { max: err.limit }));
        return;
      }
      throw err;
    }
  }
  const headers = fetchHeaders(req);
  if (body?.length && headers.has('content-encoding')) {
    const decoded = await decodeBody(body, headers.get('content-encoding') ?? undefined, opts.maxBodyBytes);
    if (!decoded.ok) {
      sendJson(res, decoded.status, graphqlErrorBody(decoded.message, decoded.code, decoded.extensions));
      return;
    }
    body = decoded.body;
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const response = await opts.runtime.fetch(
    new Request(url, {
      method: req.method,
      headers,
      body: body && body.length ? new Uint8Array(body) : undefined,
    }),
    { req, res },
  );
  await relayResponse(withErrorBody(response, method), res);
}

/**
 * The request's URL, or undefined when it cannot be one (e.g. `///`, `//%ff`: a path that parses as an
 * authority). A Host header that is no host falls back to localhost; the path is what routes read.
 */
function requestUrl(req: IncomingMessage): URL | undefined {
  for (const host of [req.headers.host ?? 'localhost', 'localhost']) {
    try {
      return new URL(req.url ?? '/', `http://${host}`);
    } catch {
      // try the next base
    }
  }
  return undefined;
}

/** node's request headers as fetch Headers (repeated headers appended, in order). */
function fetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v);
    else if (Array.isArray(v)) for (const item of v) headers.append(k, item);
  }
  return headers;
}

/** Server-sent events and incremental delivery (multipart) arrive over time; anything else is one answer. */
function isStreamed(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/event-stream') || type.includes('multipart/');
}

/** Writes the runtime's response to node's; set-cookie stays a list (one header line per cookie). */
async function relayResponse(response: Response, res: ServerResponse): Promise<void> {
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key === 'set-cookie') outHeaders[key] = [...((outHeaders[key] as string[]) ?? []), value];
    else outHeaders[key] = value;
  });
  // A whole answer (JSON, not a stream) in one write with its length: read through the body's stream
  // reader, every query cost a reader, its promises, a write per chunk and chunked encoding
  // (bench/federated-gateway.ts).
  if (!isStreamed(response)) {
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > 0) outHeaders['content-length'] = String(bytes.length);
    res.writeHead(response.status, outHeaders);
    res.end(bytes.length > 0 ? bytes : undefined);
    return;
  }
  res.writeHead(response.status, outHeaders);
  if (!response.body) {
    res.end();
    return;
  }
  // Streamed responses (SSE, incremental delivery) are relayed chunk by chunk; the rest at once.
  const reader = response.body.getReader();
  let closed = false;
  // The client going away closes the response: cancelling ends the stream's subscription (its tenant slot
  // and upstream subscription). Not the request's 'close': that fires once its body has been read, before
  // this listener existed, so a closed SSE stream's subscription stayed open upstream for good.
  res.once('close', () => {
    closed = true;
    reader.cancel().catch(() => undefined);
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done || closed) break;
    if (value) res.write(value);
  }
  res.end();
}
