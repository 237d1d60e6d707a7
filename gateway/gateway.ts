/**
 * The gateway: Hive gateway runtime over a supergraph (Rust query planner by default, the JS planner as
 * a switch), our plugins (auth, limits, rate limit, context forwarding), a node:http server that enforces
 * the body limit and serves extra routes, and graphql-ws on the same path for subscriptions.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createGatewayRuntime,
  getGraphQLWSOptions,
  type GatewayRuntime,
} from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CONTEXT_HEADER, ContextTokenCodec } from '../core/context-token';
import type { Logger } from '../core/logger';
import { BodyTooLargeError, graphqlErrorBody, readBody, sendJson } from '../core/server/http-util';
import { DomainError } from '../core/errors';
import { PrincipalResolver } from './principal-resolver';
import type { CredentialServiceOptions } from './credential-service-client';
import { corsPolicy } from './cors';
import { useAuth, type AuthContext } from './plugins/use-auth';
import { useContextForwarding } from './plugins/use-context-forwarding';
import { useScopeRefresh } from './plugins/use-scope-refresh';
import { useCredentialLifetime } from './plugins/use-credential-lifetime';
import { ContextTokens } from './context-tokens';
import { SubscriptionRegistry } from './subscription-registry';
import { useOperationLimits, type OperationLimits } from './plugins/use-operation-limits';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryRateLimiter, useRateLimit } from './plugins/use-rate-limit';

export type GatewayRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface GatewayOptions {
  /** Supergraph SDL (URLs already pointing at the subgraphs). */
  supergraph: string;
  host?: string;
  port?: number;
  logger: Logger;
  contextSecret: string;
  contextTokenTtlSeconds?: number;
  jwt: { secret?: string; jwksUrl?: string; issuer: string; audience: string };
  apiKeyCacheTtlSeconds?: number;
  /**
   * Where API keys are resolved, and with which credential (core/credential-service.ts): any service
   * implementing that contract, known by URL only. Absent: the gateway serves bearer tokens only, and an
   * API key is refused with 401 UNAUTHENTICATED (`reason: API_KEYS_NOT_CONFIGURED`).
   */
  credentialService?: CredentialServiceOptions;
  limits: OperationLimits & { maxBodyBytes: number; ratePerMinute: number };
  queryPlanner?: 'rust' | 'js';
  corsOrigins?: string[] | '*';
  /** The per-tenant budget (default: in memory, `limits.ratePerMinute`); gateway/redis-rate-limiter.ts shares it. */
  rateLimiter?: RateLimiterAbstract;
  /** Routes served before GraphQL: portal, widget, webhook proxy. Return true when handled. */
  routes?: GatewayRoute[];
  /** Called on close (e.g. to close the rate counter's Redis connection). */
  onClose?: () => Promise<void>;
  /** Max WebSocket message size. */
  wsMaxPayload?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  server: http.Server;
  runtime: GatewayRuntime<AuthContext>;
  resolver: PrincipalResolver;
  /** Open subscriptions by credential: ended when it is revoked (credential-events.ts) or expires. */
  subscriptions: SubscriptionRegistry;
  close(): Promise<void>;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const codec = new ContextTokenCodec(opts.contextSecret, opts.contextTokenTtlSeconds ?? 60);
  const tokens = new ContextTokens(codec);
  const subscriptions = new SubscriptionRegistry();
  const resolver = new PrincipalResolver({
    accessToken: opts.jwt,
    credentialService: opts.credentialService,
    cacheTtlSeconds: opts.apiKeyCacheTtlSeconds ?? 30,
    logger: opts.logger,
  });

  const runtime = createGatewayRuntime<AuthContext>({
    supergraph: opts.supergraph,
    ...(opts.queryPlanner === 'js' ? {} : { unifiedGraphHandler }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
    landingPage: false,
    graphiql: false,
    logging: false,
    // credentials only for the configured origins; any other origin gets no CORS headers (gateway/cors.ts)
    cors: corsPolicy(opts.corsOrigins),
    // Subscriptions reach the subgraph over graphql-ws; the principal travels in the connection params
    // (one upstream connection per context token, i.e. per client operation).
    transportEntries: {
      '*.http': {
        options: {
          // Never merge upstream requests: the executor dedupes identical in-flight requests by URL + body,
          // and the caller's signed context token is a header added later (onFetch), so a merge would hand
          // one principal's rows to another (tests/integration/concurrent-isolation.test.ts).
          deduplicateInflightRequests: false,
          subscriptions: {
            kind: 'ws',
            location: '/graphql',
            options: { connectionParams: { [CONTEXT_HEADER]: '{context.contextToken}' } },
          },
        },
      },
    },
    plugins: () => [
      useOperationLimits(opts.limits),
      useAuth({ resolver, tokens }),
      useCredentialLifetime({ registry: subscriptions }),
      useRateLimit({ limiter: opts.rateLimiter ?? memoryRateLimiter(opts.limits.ratePerMinute) }),
      useContextForwarding({ tokens }),
      useScopeRefresh({ resolver, credentialServiceUrl: opts.credentialService?.url }),
    ],
  });
  // The runtime loads the supergraph lazily; a first request over WebSocket would fail without this.
  await runtime.getSchema();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const route of opts.routes ?? []) if (await route(req, res)) return;
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    let body: Buffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      try {
        body = await readBody(req, opts.limits.maxBodyBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          sendJson(res, 413, graphqlErrorBody(err.message, 'PAYLOAD_TOO_LARGE', { max: err.limit }));
          return;
        }
        throw err;
      }
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string') headers.set(k, v);
      else if (Array.isArray(v)) for (const item of v) headers.append(k, item);
    }
    const response = await runtime.fetch(
      new Request(url, {
        method: req.method,
        headers,
        body: body && body.length ? new Uint8Array(body) : undefined,
      }),
      { req, res },
    );
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      if (key === 'set-cookie') outHeaders[key] = [...((outHeaders[key] as string[]) ?? []), value];
      else outHeaders[key] = value;
    });
    res.writeHead(response.status, outHeaders);
    if (!response.body) {
      res.end();
      return;
    }
    // Streamed responses (SSE, incremental delivery) are relayed chunk by chunk; the rest at once.
    const reader = response.body.getReader();
    let closed = false;
    req.on('close', () => {
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

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger.error({ err }, 'gateway request failed');
      if (!res.headersSent)
        sendJson(res, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.end();
    });
  });

  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: opts.wsMaxPayload ?? 64 * 1024 });
  const wsOptions = getGraphQLWSOptions<
    AuthContext,
    { socket: import('ws').WebSocket; request: IncomingMessage }
  >(runtime, (ctx) => ({
    connectionParams: ctx.connectionParams ?? {},
    req: ctx.extra.request,
    socket: ctx.extra.socket,
  }));
  const wsDisposable = useServer(
    {
      ...wsOptions,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
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
    wss,
  );

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}/graphql`;
  opts.logger.info(
    { url, planner: opts.queryPlanner ?? 'rust', apiKeys: opts.credentialService ? 'on' : 'off' },
    'gateway listening',
  );
  return {
    url,
    port,
    server,
    runtime,
    resolver,
    subscriptions,
    async close() {
      subscriptions.close();
      await opts.onClose?.();
      await wsDisposable.dispose();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
