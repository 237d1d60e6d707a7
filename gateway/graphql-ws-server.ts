/**
 * graphql-ws over a `ws` server — graphql-ws's own `useServer` glue, except that a client mistake is
 * answered as one. `useServer` closed a socket with 4500 (internal error) and wrote to console.error when
 * a client sent a well-formed message of a type only servers send (`next`, `error`, `connection_ack`):
 * the protocol says 4400. Socket errors (an oversized or malformed frame, which `ws` itself closes with
 * 1009/1002/1007) are the client's too: logged at debug. A plugin that rejects a subscribe by throwing
 * GraphQL errors with a client code (a NUL in a variable: BAD_USER_INPUT) is answered with an `error`
 * message for that operation, as the protocol prescribes for errors before execution; over HTTP the same
 * throw is a 4xx. Only any other error thrown while handling a valid message is the server's: 4500,
 * logged at error. Keep-alive pings as in `useServer`.
 * Errors sent over the socket never carry `extensions.http` (a status and headers for HTTP responses, e.g.
 * RATE_LIMITED's 429 and retry-after): it means nothing on a WebSocket. A subscribe by document id alone
 * (`{"documentId": …}` or `extensions.persistedQuery`, no `query`) is passed on with an empty query for
 * the trusted-documents plugin to fill in, as over HTTP; graphql-ws itself would close the socket with 4400.
 */
import type { IncomingMessage } from 'node:http';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../core/logger';

export type WsExtra = {
  socket: WebSocket;
  request: IncomingMessage;
  /** This socket's id: its subscriptions share one upstream connection per subgraph, no other socket's. */
  connectionId?: string;
};

const CLIENT_MESSAGES = new Set<string>([
  MessageType.ConnectionInit,
  MessageType.Ping,
  MessageType.Pong,
  MessageType.Subscribe,
  MessageType.Complete,
]);

/** Why a message is no client message (a server-only or unknown type), or null to let graphql-ws judge. */
export function misdirectedMessage(text: string): string | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null; // graphql-ws closes with 4400 "Invalid message received"
  }
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || CLIENT_MESSAGES.has(type)) return null;
  return `Unexpected message of type ${type.slice(0, 40)} received`;
}

/**
 * The `error` message answering a subscribe that a plugin rejected with client errors (GraphQL errors
 * with a code other than INTERNAL_SERVER_ERROR), or null when `err` is anything else or `text` no subscribe.
 */
export function rejectedSubscribe(text: string, err: unknown): string | null {
  const errors = err instanceof AggregateError ? (err.errors as unknown[]) : [err];
  const client = errors.every(
    (e) =>
      e instanceof GraphQLError && !!e.extensions['code'] && e.extensions['code'] !== 'INTERNAL_SERVER_ERROR',
  );
  if (!client || errors.length === 0) return null;
  let id: unknown;
  try {
    const message = JSON.parse(text) as { type?: unknown; id?: unknown };
    id = message.type === MessageType.Subscribe ? message.id : undefined;
  } catch {
    return null;
  }
  if (typeof id !== 'string') return null;
  const payload = (errors as GraphQLError[]).map((e) => withoutHttp(e.toJSON()));
  return JSON.stringify({ type: MessageType.Error, id, payload });
}

/** A formatted error without `extensions.http` (HTTP status and headers, meaningless on a socket). */
export function withoutHttp(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions || !('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return { ...error, extensions };
}

/**
 * A syntax error from graphql-js's parser with its code: over HTTP Yoga adds GRAPHQL_PARSE_FAILED, over
 * graphql-ws it came without one (a client could tell it from other refusals only by its message).
 */
export function withParseCode(error: GraphQLFormattedError): GraphQLFormattedError {
  if (error.extensions?.['code'] !== undefined || !error.message.startsWith('Syntax Error')) return error;
  return { ...error, extensions: { ...error.extensions, code: 'GRAPHQL_PARSE_FAILED' } };
}

type Formattable = GraphQLError | GraphQLFormattedError;
const formatted = (e: Formattable): GraphQLFormattedError =>
  withParseCode(withoutHttp(e instanceof GraphQLError ? e.toJSON() : e));

/**
 * `server` with every error it sends (in `next` and `error` messages) stripped of `extensions.http`, after
 * its own `onNext` / `onError`.
 */
function stripHttp<P extends Record<string, unknown>>(
  server: ServerOptions<P, WsExtra>,
): ServerOptions<P, WsExtra> {
  return {
    ...server,
    onNext: async (ctx, id, payload, args, result) => {
      const mapped = (await server.onNext?.(ctx, id, payload, args, result)) ?? result;
      if (!mapped.errors?.length) return mapped === result ? undefined : mapped;
      return { ...mapped, errors: (mapped.errors as readonly Formattable[]).map(formatted) } as never;
    },
    onError: async (ctx, id, payload, errors) => {
      const mapped = (await server.onError?.(ctx, id, payload, errors)) ?? errors;
      return (mapped as readonly Formattable[]).map(formatted) as never;
    },
  };
}

/**
 * A subscribe sending a document id and no `query` (trusted documents: top-level `documentId`,
 * `extensions.documentId` or `extensions.persistedQuery.sha256Hash`) gets `query: ""`, so graphql-ws
 * accepts the message and the trusted-documents plugin replaces it. Any other text is returned as is.
 */
export function withIdOnlyQuery(text: string): string {
  if (!text.includes('"subscribe"')) return text;
  let message: { type?: unknown; payload?: Record<string, unknown> };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    return text;
  }
  const payload = message.payload;
  if (message.type !== MessageType.Subscribe || typeof payload !== 'object' || payload === null) return text;
  if (payload['query'] !== undefined && payload['query'] !== null) return text;
  const ext = payload['extensions'] as Record<string, unknown> | undefined;
  const pq = ext?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
  const ids = [payload['documentId'], ext?.['documentId'], pq?.sha256Hash];
  if (!ids.some((candidate) => typeof candidate === 'string' && candidate)) return text;
  return JSON.stringify({ ...message, payload: { ...payload, query: '' } });
}

export interface GraphqlWsServerOptions<P extends Record<string, unknown>> {
  wss: WebSocketServer;
  server: ServerOptions<P, WsExtra>;
  logger: Logger;
  /** Ping every this many ms; a socket that does not pong by the next ping is terminated (default 12 s). */
  keepAliveMs?: number;
}

export function serveGraphqlWs<P extends Record<string, unknown>>(
  opts: GraphqlWsServerOptions<P>,
): { dispose(): Promise<void> } {
  const { wss, logger, keepAliveMs = 12_000 } = opts;
  const server = makeServer<P, WsExtra>(stripHttp(opts.server));
  wss.options.handleProtocols = handleProtocols;
  wss.on('error', (err) => logger.error({ err }, 'WebSocket server error'));
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.on('error', (err) => logger.debug({ reason: err.message }, 'WebSocket client error'));
    const stopKeepAlive = keepAlive(socket, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data: Buffer) => {
            const text = withIdOnlyQuery(String(data));
            const wrong = misdirectedMessage(text);
            if (wrong) return socket.close(CloseCode.BadRequest, wrong);
            try {
              await handle(text);
            } catch (err) {
              const rejection = rejectedSubscribe(text, err);
              if (rejection) return socket.send(rejection);
              logger.error({ err }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      stopKeepAlive();
      void closed(code, String(reason));
    });
  });
  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** Pings the socket every `ms`; terminates it when no pong came back before the next ping. */
function keepAlive(socket: WebSocket, ms: number): () => void {
  if (!(ms > 0 && Number.isFinite(ms))) return () => undefined;
  let pongWait: NodeJS.Timeout | undefined;
  const interval = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    pongWait = setTimeout(() => socket.terminate(), ms);
    socket.once('pong', () => clearTimeout(pongWait));
    socket.ping();
  }, ms);
  return () => {
    clearTimeout(pongWait);
    clearInterval(interval);
  };
}
