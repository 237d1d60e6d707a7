/**
 * graphql-ws on the gateway's HTTP server (same path, /graphql) for subscriptions. The caller is resolved
 * once, at connection_init, from the connection params (`authorization`, `x-api-key` or `apiKey`): none →
 * close 4401, an UNAUTHENTICATED DomainError → 4401, anything else → 4500. A malformed or misdirected
 * message is 4400, never 4500 (gateway/graphql-ws-server.ts).
 * Each socket gets an id (`connectionId` in the operation's context). Upstream, every socket's subscriptions
 * share one multiplexed connection per subgraph, each subscribe carrying its caller's context token
 * (gateway/gateway.ts, plugins/use-context-forwarding.ts); the gateway limits each client socket itself
 * (subscription-limits.ts).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { WebSocketServer } from 'ws';
import { DomainError } from '../core/errors';
import type { Logger } from '../core/logger';
import { serveGraphqlWs, type WsExtra } from './graphql-ws-server';
import type { PrincipalResolver } from './principal-resolver';
import type { AuthContext } from './plugins/use-auth';

export interface GatewayWebSocketOptions {
  server: http.Server;
  runtime: GatewayRuntime<AuthContext>;
  resolver: PrincipalResolver;
  /** Max WebSocket message size (default 64 KiB). */
  maxPayload?: number;
  logger: Logger;
}

export interface GatewayWebSocketServer {
  /** Stops graphql-ws, terminates every open socket, then closes the WebSocket server. */
  close(): Promise<void>;
}

export function startWebSocketServer(opts: GatewayWebSocketOptions): GatewayWebSocketServer {
  const { server, runtime, resolver } = opts;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: opts.maxPayload ?? 64 * 1024 });
  const wsOptions = getGraphQLWSOptions<AuthContext, WsExtra>(runtime, (ctx) => ({
    connectionParams: ctx.connectionParams ?? {},
    req: ctx.extra.request,
    socket: ctx.extra.socket,
    connectionId: ctx.extra.connectionId,
  }));
  const wsDisposable = serveGraphqlWs({
    wss,
    logger: opts.logger,
    server: {
      ...wsOptions,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        ctx.extra.connectionId = randomUUID();
        const cp = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        try {
          const principal = await resolver.resolve({
            authorization: typeof cp['authorization'] === 'string' ? cp['authorization'] : null,
            apiKey:
              typeof cp['x-api-key'] === 'string'
                ? cp['x-api-key']
                : typeof cp['apiKey'] === 'string'
                  ? cp['apiKey']
                  : null,
          });
          if (!principal) {
            ctx.extra.socket.close(4401, 'Unauthorized');
            return false;
          }
          return true;
        } catch (err) {
          const code = err instanceof DomainError && err.code === 'UNAUTHENTICATED' ? 4401 : 4500;
          ctx.extra.socket.close(code, err instanceof DomainError ? err.message : 'internal error');
          return false;
        }
      },
    },
  });
  return {
    async close() {
      await wsDisposable.dispose();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
