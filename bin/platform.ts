/**
 * Wires the platform: every subgraph module (the only place that imports them all), their databases,
 * the event bus, and the gateway — in one process (`npm start`) or one service per process (`serve`).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { PlatformConfig, SubgraphName } from '../core/config';
import { SUBGRAPH_NAMES } from '../core/config';
import { createOrm, migrateDatabase, type Orm } from '../core/db/orm';
import { ContextTokenCodec } from '../core/context-token';
import { createLogger, type Logger } from '../core/logger';
import type { EventBus } from '../core/events/event-bus';
import { createEventBus as createBus } from '../core/events/create-event-bus';
import type { SubgraphInstance, SubgraphModule } from '../core/server/subgraph-module';
import { serveInstance, type RunningSubgraph } from '../core/server/subgraph-server';
import { startGateway, type RunningGateway } from '../gateway/gateway';
import { costLimitsFrom } from '../gateway/plugins/use-cost-limit';
import { loadSupergraph, rewriteSubgraphUrls } from '../gateway/supergraph';
import type { CredentialServiceOptions } from '../gateway/credential-service-client';
import { webhookProxy } from '../gateway/routes/webhook-proxy';
import { webRoutes } from '../gateway/web';
import { CREDENTIAL_EVENT_TYPES, handleCredentialEvent } from '../gateway/credential-events';
import { createRedisRateLimiter } from '../gateway/redis-rate-limiter';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { tenantsSubgraph } from '../subgraphs/tenants';
import { agentsSubgraph } from '../subgraphs/agents';
import { coachingSubgraph } from '../subgraphs/coaching';
import { analyticsSubgraph } from '../subgraphs/analytics';
import { billingSubgraph } from '../subgraphs/billing';

/**
 * Every subgraph module. They share no object: each instance builds what it needs from the config (coaching
 * its own quota counter, under `<REDIS_PREFIX>:coaching:quota` with Redis), and they meet only through events.
 */
export const MODULES: Record<SubgraphName, SubgraphModule> = {
  tenants: tenantsSubgraph,
  agents: agentsSubgraph,
  coaching: coachingSubgraph,
  analytics: analyticsSubgraph,
  billing: billingSubgraph,
};

export function subgraphUrl(config: PlatformConfig, name: SubgraphName): string {
  return config.subgraphUrls[name] ?? `http://${config.host}:${config.ports[name]}/graphql`;
}

export function createEventBus(config: PlatformConfig, logger: Logger): EventBus {
  return createBus({ redisUrl: config.redisUrl, prefix: `${config.redisPrefix}:events`, logger });
}

export async function migrateAll(
  config: PlatformConfig,
  names: readonly SubgraphName[] = SUBGRAPH_NAMES,
): Promise<void> {
  for (const name of names) {
    const m = MODULES[name];
    await migrateDatabase({
      name,
      entities: m.entities,
      migrations: m.migrations,
      database: config.database,
    });
  }
}

export async function openOrm(config: PlatformConfig, name: SubgraphName): Promise<Orm> {
  const m = MODULES[name];
  return createOrm({ name, entities: m.entities, migrations: m.migrations, database: config.database });
}

export interface RunningService {
  name: SubgraphName;
  subgraph: RunningSubgraph;
  /** The subgraph's running instance (its runtime, schema and lifecycle). */
  instance: SubgraphInstance;
  orm: Orm;
  /**
   * Stops taking work (the instance's background work, then the server, which finishes its in-flight
   * requests) but keeps the database open, so event deliveries still in flight can finish before `close()`.
   */
  quiesce(): Promise<void>;
  close(): Promise<void>;
}

export async function startService(
  config: PlatformConfig,
  name: SubgraphName,
  shared: { events: EventBus; logger: Logger; modules?: Partial<Record<SubgraphName, SubgraphModule>> },
): Promise<RunningService> {
  const orm = await openOrm(config, name);
  const codec = new ContextTokenCodec(config.auth.contextSecret!, config.auth.contextTokenTtlSeconds);
  const logger = shared.logger.child({ service: name });
  const module = shared.modules?.[name] ?? MODULES[name];
  const instance = await module.create({ config, orm, events: shared.events, logger, codec });
  let subgraph: RunningSubgraph;
  try {
    await instance.start();
    subgraph = await serveInstance(instance, {
      name,
      orm,
      codec,
      logger,
      host: config.host,
      port: config.ports[name],
      // what the gateway let through (LIMIT_MAX_BODY_BYTES, e.g. raised for photo uploads) must fit the
      // subgraph too; the subgraph's own floor stays 1 MB
      maxBodyBytes: Math.max(1_000_000, config.limits.maxBodyBytes),
    });
  } catch (err) {
    await instance.stop();
    await orm.close(true);
    throw err;
  }
  let quiesced: Promise<void> | undefined;
  const service: RunningService = {
    name,
    subgraph,
    instance,
    orm,
    quiesce() {
      quiesced ??= (async () => {
        await instance.stop();
        await subgraph.close();
      })();
      return quiesced;
    },
    async close() {
      await service.quiesce();
      await orm.close(true);
    },
  };
  return service;
}

/**
 * Where the gateway resolves API keys: CREDENTIAL_SERVICE_URL, or else — when this process wires the
 * platform's own services (`urls` given) — the tenants service, which implements the credential-service
 * contract. Needs CREDENTIAL_SERVICE_SECRET (generated into ./data outside production); without both,
 * API keys are off and refused with a 401.
 */
function credentialService(
  config: PlatformConfig,
  urls: Partial<Record<SubgraphName, string>>,
): CredentialServiceOptions | undefined {
  const url = config.credentialService.url ?? urls.tenants;
  const secret = config.credentialService.secret;
  return url && secret ? { url, secret } : undefined;
}

export async function startGatewayService(
  config: PlatformConfig,
  logger: Logger,
  urls: Partial<Record<SubgraphName, string>> = {},
  supergraphSdl?: string,
  events?: EventBus,
): Promise<RunningGateway> {
  const resolved: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) resolved[name] = urls[name] ?? subgraphUrl(config, name);
  const supergraph = supergraphSdl
    ? rewriteSubgraphUrls(supergraphSdl, resolved)
    : loadSupergraph(path.resolve(config.supergraphPath), resolved);
  // a bad manifest stops the start here, naming the key and document (before any connection is opened)
  const trustedFile = config.production.trustedDocumentsFile;
  const trustedDocuments = trustedFile ? loadTrustedDocuments(trustedFile, supergraph) : undefined;
  const rate = config.redisUrl
    ? createRedisRateLimiter({
        url: config.redisUrl,
        prefix: `${config.redisPrefix}:ratelimit`,
        perMinute: config.limits.ratePerMinute,
        logger: logger.child({ service: 'gateway' }),
      })
    : undefined;
  const gateway = await startGateway({
    supergraph,
    rateLimiter: rate?.limiter,
    onClose: async () => {
      await rate?.close();
    },
    host: config.host,
    port: config.ports.gateway,
    logger: logger.child({ service: 'gateway' }),
    contextSecret: config.auth.contextSecret!,
    contextTokenTtlSeconds: config.auth.contextTokenTtlSeconds,
    jwt: {
      secret: config.auth.jwtSecret,
      jwksUrl: config.auth.jwksUrl,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    },
    apiKeyCacheTtlSeconds: config.auth.apiKeyCacheTtlSeconds,
    credentialService: credentialService(config, urls),
    limits: config.limits,
    httpTimeouts: config.limits.http,
    subgraphTimeouts: { defaultMs: config.limits.subgraphTimeoutMs },
    costLimits: costLimitsFrom(config.limits.cost),
    queryPlanner: config.queryPlanner,
    corsOrigins: config.corsOrigins,
    switches: {
      introspection: config.production.introspection,
      csrfPrevention: config.production.csrfPrevention,
      trustedDocuments,
    },
    routes: [
      webhookProxy({
        path: '/webhooks/ghl',
        target: new URL('/', resolved['coaching']!).toString(),
        maxBodyBytes: config.limits.maxBodyBytes,
      }),
      ...webRoutes({ supergraph, assetsDir: WEB_DIST, graphqlPath: '/graphql', limits: config.limits }),
    ],
  });
  // Revoked keys and removed members stop working at once on every gateway: each instance is its own
  // consumer group (broadcast); it updates its credential cache and ends the subscriptions they opened.
  await events?.subscribe(`gateway-${randomUUID()}`, CREDENTIAL_EVENT_TYPES, async (event) =>
    handleCredentialEvent(gateway, event),
  );
  return gateway;
}

/** The browser bundles built by tools/web/build.ts (npm install / npm start / the test run build them). */
const WEB_DIST = path.resolve(__dirname, '..', 'web', 'dist');

export function rootLogger(config: PlatformConfig): Logger {
  return createLogger({ level: config.logLevel, name: 'coaching-platform' });
}
