/**
 * The gateway: Hive gateway runtime over a supergraph (Rust query planner by default, the JS planner as
 * a switch), our plugins (auth, limits, rate limit, context forwarding), a node:http server that enforces
 * the body limit and serves extra routes (gateway/http-handler.ts), and graphql-ws on the same path for
 * subscriptions (gateway/websocket-server.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { CONTEXT_HEADER, ContextTokenCodec } from '../core/context-token';
import type { Logger } from '../core/logger';
import { PrincipalResolver } from './principal-resolver';
import type { CredentialServiceOptions } from './credential-service-client';
import { corsPolicy } from './cors';
import { useAuth, type AuthContext } from './plugins/use-auth';
import { useContextForwarding } from './plugins/use-context-forwarding';
import { useScopeRefresh } from './plugins/use-scope-refresh';
import { useCredentialLifetime } from './plugins/use-credential-lifetime';
import { ContextTokens } from './context-tokens';
import { SubscriptionRegistry } from './subscription-registry';
import { useNulRejection } from './plugins/use-nul-rejection';
import { useOperationLimits, type OperationLimits } from './plugins/use-operation-limits';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryRateLimiter, useRateLimit } from './plugins/use-rate-limit';
import { gatewayHttpHandler, type GatewayRoute } from './http-handler';
import { startWebSocketServer, type GatewayWebSocketServer } from './websocket-server';

export type { GatewayRoute } from './http-handler';

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
  const runtime = createRuntime(opts, { resolver, tokens, subscriptions });
  // The runtime loads the supergraph lazily; a first request over WebSocket would fail without this.
  await runtime.getSchema();

  const server = http.createServer(
    gatewayHttpHandler({
      runtime,
      routes: opts.routes,
      maxBodyBytes: opts.limits.maxBodyBytes,
      logger: opts.logger,
    }),
  );
  const ws = startWebSocketServer({ server, runtime, resolver, maxPayload: opts.wsMaxPayload });

  const { url, port } = await listen(server, opts);
  return {
    url,
    port,
    server,
    runtime,
    resolver,
    subscriptions,
    close: () => closeGateway(opts, { subscriptions, ws, server, runtime }),
  };
}

interface RuntimeParts {
  resolver: PrincipalResolver;
  tokens: ContextTokens;
  subscriptions: SubscriptionRegistry;
}

/** The Hive runtime over the supergraph, with our plugins in the order they must run. */
function createRuntime(opts: GatewayOptions, parts: RuntimeParts): GatewayRuntime<AuthContext> {
  const { resolver, tokens, subscriptions } = parts;
  return createGatewayRuntime<AuthContext>({
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
      useNulRejection(),
      useAuth({ resolver, tokens }),
      useCredentialLifetime({ registry: subscriptions }),
      useRateLimit({ limiter: opts.rateLimiter ?? memoryRateLimiter(opts.limits.ratePerMinute) }),
      useContextForwarding({ tokens }),
      useScopeRefresh({ resolver, credentialServiceUrl: opts.credentialService?.url }),
    ],
  });
}

async function listen(server: http.Server, opts: GatewayOptions): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}/graphql`;
  opts.logger.info(
    { url, planner: opts.queryPlanner ?? 'rust', apiKeys: opts.credentialService ? 'on' : 'off' },
    'gateway listening',
  );
  return { url, port };
}

interface ClosingParts {
  subscriptions: SubscriptionRegistry;
  ws: GatewayWebSocketServer;
  server: http.Server;
  runtime: GatewayRuntime<AuthContext>;
}

/**
 * Shutdown, in this order: open subscriptions ended, the caller's onClose (e.g. the rate counter's Redis),
 * WebSockets, then HTTP connections and server, and the runtime last.
 */
async function closeGateway(opts: GatewayOptions, parts: ClosingParts): Promise<void> {
  parts.subscriptions.close();
  await opts.onClose?.();
  await parts.ws.close();
  parts.server.closeAllConnections?.();
  await new Promise<void>((resolve) => parts.server.close(() => resolve()));
  await parts.runtime.dispose();
}
