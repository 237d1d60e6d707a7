/**
 * The gateway: Hive gateway runtime over a supergraph (Rust query planner by default, the JS planner as
 * a switch), our plugins (auth, limits, rate limit, context forwarding), a node:http server with bounded
 * request timeouts (gateway/http-server.ts) that enforces the body limit and serves extra routes
 * (gateway/http-handler.ts), and graphql-ws on the same path for subscriptions (gateway/websocket-server.ts).
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { ContextTokenCodec } from '../core/context-token';
import { MUX_CONNECTION_PARAM } from '../core/server/subscription-principal';
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
import { useInvalidTextRejection } from './plugins/use-invalid-text-rejection';
import { useRequestParsing } from './plugins/use-request-parsing';
import { createGatewayHttpServer, type HttpServerTimeouts } from './http-server';
import { useOperationLimits, type OperationLimits } from './plugins/use-operation-limits';
import { DEFAULT_COST_LIMITS, useCostLimit, type CostLimitOptions } from './plugins/use-cost-limit';
import { memoryRateLimiter, useRateLimit, type TenantRateLimiter } from './plugins/use-rate-limit';
import { gatewayHttpHandler, type GatewayRoute } from './http-handler';
import { useSubgraphTimeout, type SubgraphTimeoutOptions } from './plugins/use-subgraph-timeout';
import { useSubscriptionUpstreamEnd } from './plugins/use-subscription-upstream-end';
import { useSubscriptionLimits } from './subscription-limits-plugin';
import {
  DEFAULT_SUBSCRIPTION_LIMITS,
  SubscriptionLimits,
  type SubscriptionLimitOptions,
} from './subscription-limits';
import { readinessRoute } from './readiness';
import { subgraphUrls } from './supergraph';
import { useCsrfPrevention } from './plugins/use-csrf-prevention';
import { useTrustedDocuments } from './plugins/use-trusted-documents';
import { useAutomaticPersistedQueries } from './plugins/use-automatic-persisted-queries';
import type { TrustedDocuments } from './trusted-documents';
import { startWebSocketServer, type GatewayWebSocketServer } from './websocket-server';
import { HttpDrain } from '../core/server/drain';
import { closeHttpServer } from '../core/server/http-close';
import { listenOn } from '../core/server/listen';
import { drainGateway, SubscriptionDrain, type GatewayDrainReport } from './drain';

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
  /** `subscriptions`: open subscriptions per client socket and per tenant (gateway/subscription-limits.ts). */
  limits: OperationLimits & {
    maxBodyBytes: number;
    ratePerMinute: number;
    subscriptions?: SubscriptionLimitOptions;
  };
  queryPlanner?: 'rust' | 'js';
  corsOrigins?: string[] | '*';
  /** The per-tenant budget (default: in memory, `limits.ratePerMinute`); gateway/redis-rate-limiter.ts shares it. */
  rateLimiter?: TenantRateLimiter;
  /** Routes served before GraphQL: portal, widget, webhook proxy. Return true when handled. */
  routes?: GatewayRoute[];
  /** Called on close (e.g. to close the rate counter's Redis connection). */
  onClose?: () => Promise<void>;
  /** Max WebSocket message size. */
  wsMaxPayload?: number;
  /** How long a client may take to send its request (default 15 s; gateway/http-server.ts). */
  httpTimeouts?: Partial<HttpServerTimeouts>;
  /** Deadline of each subgraph call (default 30 s; gateway/plugins/use-subgraph-timeout.ts). */
  subgraphTimeouts?: SubgraphTimeoutOptions;
  /** Estimated-cost limit and per-tenant fairness (plugins/use-cost-limit.ts); default DEFAULT_COST_LIMITS. */
  costLimits?: CostLimitOptions;
  /** Production switches (core/production-switches.ts); absent: all open, as in development. */
  switches?: {
    introspection: 'public' | 'authenticated';
    csrfPrevention: boolean;
    trustedDocuments?: TrustedDocuments;
  };
}

export interface RunningGateway {
  url: string;
  port: number;
  server: http.Server;
  runtime: GatewayRuntime<AuthContext>;
  resolver: PrincipalResolver;
  /** Open subscriptions by credential: ended when it is revoked (credential-events.ts) or expires. */
  subscriptions: SubscriptionRegistry;
  /**
   * Stops taking work, lets requests in flight finish until `deadlineAt` (epoch ms), then ends the open
   * subscriptions with SHUTTING_DOWN and 1001 (gateway/drain.ts). Call `close()` afterwards.
   */
  drain(deadlineAt: number): Promise<GatewayDrainReport>;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const codec = new ContextTokenCodec(opts.contextSecret, opts.contextTokenTtlSeconds ?? 60);
  const timeouts = opts.subgraphTimeouts ?? { defaultMs: 30_000 };
  // a forwarded token outlives the longest subgraph call (context-tokens.ts)
  const inFlightMs = Math.max(timeouts.defaultMs, ...Object.values(timeouts.bySubgraph ?? {}));
  const tokens = new ContextTokens(codec, { inFlightMs });
  const subscriptions = new SubscriptionRegistry();
  const draining = { http: new HttpDrain(), subscriptions: new SubscriptionDrain() };
  const resolver = new PrincipalResolver({
    accessToken: opts.jwt,
    credentialService: opts.credentialService,
    cacheTtlSeconds: opts.apiKeyCacheTtlSeconds ?? 30,
    logger: opts.logger,
  });
  const runtime = createRuntime(opts, { resolver, tokens, subscriptions, drain: draining.subscriptions });
  // The runtime loads the supergraph lazily; a first request over WebSocket would fail without this.
  await runtime.getSchema();

  const server = createGatewayHttpServer({
    listener: draining.http.wrap(
      gatewayHttpHandler({
        runtime,
        // /ready probes every subgraph (gateway/readiness.ts); the runtime's own /ready only saw the schema
        routes: [readinessRoute({ subgraphs: subgraphUrls(opts.supergraph) }), ...(opts.routes ?? [])],
        maxBodyBytes: opts.limits.maxBodyBytes,
        logger: opts.logger,
        graphqlPath: GRAPHQL_PATH,
      }),
    ),
    timeouts: opts.httpTimeouts,
    logger: opts.logger,
  });
  draining.http.attach(server);
  const { url, port } = await listen(server, opts);
  // after listening: attached earlier, it re-emits a listen error as its own and the process stays up
  const ws = startWebSocketServer({
    server,
    runtime,
    resolver,
    maxPayload: opts.wsMaxPayload,
    logger: opts.logger,
  });
  return {
    url,
    port,
    server,
    runtime,
    resolver,
    subscriptions,
    drain: (deadlineAt) => drainGateway(draining, deadlineAt),
    close: () => closeGateway(opts, { subscriptions, ws, server, runtime }),
  };
}

interface RuntimeParts {
  resolver: PrincipalResolver;
  tokens: ContextTokens;
  subscriptions: SubscriptionRegistry;
  drain: SubscriptionDrain;
}

/** The Hive runtime over the supergraph, with our plugins in the order they must run. */
function createRuntime(opts: GatewayOptions, parts: RuntimeParts): GatewayRuntime<AuthContext> {
  const { resolver, tokens, subscriptions, drain } = parts;
  const trusted = opts.switches?.trustedDocuments;
  return createGatewayRuntime<AuthContext>({
    supergraph: opts.supergraph,
    ...(opts.queryPlanner === 'js' ? {} : { unifiedGraphHandler }),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
    landingPage: false,
    graphiql: false,
    logging: false,
    // credentials only for the configured origins; any other origin gets no CORS headers (gateway/cors.ts)
    cors: corsPolicy(opts.corsOrigins),
    // Subscriptions reach the subgraph over graphql-ws, multiplexed: one upstream connection per subgraph
    // and gateway process (constant connection params, which the transport keys its connections by), and
    // each subscribe carries its caller's context token in its extensions (plugins/use-context-forwarding.ts,
    // core/server/subscription-principal.ts). Keyed by token and client socket, 10,000 subscribers opened
    // 10,000 upstream sockets.
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
            // a mux connection: the subgraph takes no principal from it, only from each subscribe, and
            // lets it hold many more subscriptions than a client's (the gateway limits each client socket)
            options: { connectionParams: { [MUX_CONNECTION_PARAM]: '1' } },
          },
        },
      },
    },
    plugins: () => [
      ...(opts.switches?.csrfPrevention ? [useCsrfPrevention()] : []),
      useRequestParsing(),
      ...(trusted ? [useTrustedDocuments({ documents: trusted, resolver })] : []),
      // after trusted documents: a restricted key's id is resolved (and final) there
      useAutomaticPersistedQueries(),
      useOperationLimits(opts.limits),
      useInvalidTextRejection(),
      useAuth({ resolver, tokens, anonymousIntrospection: opts.switches?.introspection !== 'authenticated' }),
      useCredentialLifetime({ registry: subscriptions }),
      // refused requests count too: it resolves their caller (plugins/use-rate-limit.ts)
      useRateLimit({ limiter: opts.rateLimiter ?? memoryRateLimiter(opts.limits.ratePerMinute), resolver }),
      useCostLimit(opts.costLimits ?? DEFAULT_COST_LIMITS),
      useSubscriptionLimits(new SubscriptionLimits(opts.limits.subscriptions ?? DEFAULT_SUBSCRIPTION_LIMITS)),
      useContextForwarding({ tokens }),
      useSubgraphTimeout(opts.subgraphTimeouts ?? { defaultMs: 30_000 }),
      useSubscriptionUpstreamEnd(),
      useScopeRefresh({ resolver, credentialServiceUrl: opts.credentialService?.url }),
      // last: its stream is the one clients consume, so a shutdown's last event reaches them
      drain.plugin(),
    ],
  });
}

async function listen(server: http.Server, opts: GatewayOptions): Promise<{ url: string; port: number }> {
  await listenOn(server, { name: 'gateway', host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
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
  await closeHttpServer(parts.server);
  await parts.runtime.dispose();
}
