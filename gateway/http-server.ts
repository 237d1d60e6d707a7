/**
 * The gateway's node:http server with bounded time for a client to send its request. Node's defaults
 * let a client that sends headers and half a body hold the connection for 300 s (requestTimeout) and
 * check only every 30 s; here receiving the whole request has `requestMs` (default 15 s), the headers
 * `headersMs`, and an idle keep-alive connection `keepAliveMs`. A late client gets 408 and a closed
 * socket. Malformed HTTP gets 400 (431 for oversize headers), and CONNECT 405, each with a GraphQL error
 * body and logged at debug: they are client mistakes, never the server's.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../core/logger';
import { graphqlErrorBody } from '../core/server/http-util';

export interface HttpServerTimeouts {
  /** Time to receive a whole request, headers and body (Node's `requestTimeout`). */
  requestMs: number;
  /** Time to receive the headers; at most `requestMs` (Node's `headersTimeout`). */
  headersMs: number;
  /** How long an idle keep-alive connection stays open (Node's `keepAliveTimeout`). */
  keepAliveMs: number;
  /** How often Node checks the two request timeouts (Node's `connectionsCheckingInterval`). */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpServerTimeouts = {
  requestMs: 15_000,
  headersMs: 10_000,
  keepAliveMs: 65_000, // beyond clients' and proxies' idle timeouts (HTTP_KEEP_ALIVE_TIMEOUT_MS in core/config.ts)
  checkIntervalMs: 1_000,
};

export interface GatewayHttpServerOptions {
  listener: http.RequestListener;
  timeouts?: Partial<HttpServerTimeouts>;
  logger: Logger;
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** A whole HTTP/1.1 response, for a socket that never got (or no longer has) a ServerResponse. */
function rawResponse(status: number, message: string, headers: Record<string, string> = {}): string {
  const body = JSON.stringify(graphqlErrorBody(message, 'BAD_REQUEST'));
  const lines = Object.entries({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...headers,
  }).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Node's own check: a response whose headers went out must not get a second one in the same stream. */
function responseStarted(socket: Duplex): boolean {
  const message = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return message?.headersSent === true;
}

export function resolveTimeouts(partial: Partial<HttpServerTimeouts> = {}): HttpServerTimeouts {
  const t = { ...DEFAULT_HTTP_TIMEOUTS, ...partial };
  // Node refuses a headers timeout longer than the request timeout
  return { ...t, headersMs: Math.min(t.headersMs, t.requestMs) };
}

export function createGatewayHttpServer(opts: GatewayHttpServerOptions): http.Server {
  const t = resolveTimeouts(opts.timeouts);
  const server = http.createServer(
    {
      requestTimeout: t.requestMs,
      headersTimeout: t.headersMs,
      keepAliveTimeout: t.keepAliveMs,
      connectionsCheckingInterval: t.checkIntervalMs,
    },
    opts.listener,
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    opts.logger.debug({ code: err.code, message: err.message }, 'client error');
    if (err.code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const status = CLIENT_ERROR_STATUS[err.code ?? ''] ?? 400;
    const message = status === 408 ? 'request not received in time' : 'malformed HTTP request';
    socket.end(rawResponse(status, message));
  });
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
    opts.logger.debug({ method: req.method, url: req.url }, 'CONNECT refused');
    socket.on('error', () => undefined);
    socket.end(rawResponse(405, 'CONNECT is not allowed', { allow: 'GET, HEAD, POST, OPTIONS' }));
  });
  return server;
}
