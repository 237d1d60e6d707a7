/**
 * The ONE module that reads environment variables. Everything else receives typed options.
 * A bad value names the variable; `bin/` prints it and exits non-zero.
 */
import { z } from 'zod';
import { productionSwitches } from './production-switches';

export const SUBGRAPH_NAMES = ['tenants', 'agents', 'coaching', 'analytics', 'billing'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** A whole decimal number in a string ("0x10", "1e3", "" and " " are refused). */
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
/** A number from 0 to 1 ("0.6", "1", "0"). */
const fraction = z
  .string()
  .regex(/^(?:0?\.\d+|[01](?:\.0+)?)$/, 'must be 0 to 1')
  .transform(Number);
const port = decimal(0, 65535);
const positiveInt = decimal(1, Number.MAX_SAFE_INTEGER);
/** An http(s) URL; empty means unset. */
const optionalUrl = z
  .string()
  .url()
  .refine((v) => /^https?:\/\//i.test(v), 'must be an http:// or https:// URL')
  .optional()
  .or(z.literal('').transform(() => undefined));
/** A postgres:// URL; empty means unset. */
const optionalPgUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//i.test(v), 'must be a postgres:// URL')
  .optional()
  .or(z.literal('').transform(() => undefined));
/** A redis:// URL; empty means unset. */
const optionalRedisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//i.test(v), 'must be a redis:// URL')
  .optional()
  .or(z.literal('').transform(() => undefined));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GATEWAY_PORT: port.default(4000),
  TENANTS_PORT: port.default(4001),
  AGENTS_PORT: port.default(4002),
  COACHING_PORT: port.default(4003),
  ANALYTICS_PORT: port.default(4004),
  BILLING_PORT: port.default(4005),
  TENANTS_URL: optionalUrl,
  AGENTS_URL: optionalUrl,
  COACHING_URL: optionalUrl,
  ANALYTICS_URL: optionalUrl,
  BILLING_URL: optionalUrl,
  DATABASE_URL: optionalPgUrl,
  DATABASE_APP_URL: optionalPgUrl,
  DB_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .default('coaching_app'),
  DB_POOL_MAX: positiveInt.default(10),
  REDIS_URL: optionalRedisUrl,
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only')
    .default('cp'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_JWKS_URL: optionalUrl,
  JWT_ISSUER: z.string().default('coaching-platform'),
  JWT_AUDIENCE: z.string().default('coaching-api'),
  CONTEXT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CONTEXT_TOKEN_TTL_SECONDS: positiveInt.default(60),
  CREDENTIAL_SERVICE_URL: optionalUrl,
  CREDENTIAL_SERVICE_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CORS_ORIGINS: z.string().default('*'),
  QUERY_PLANNER: z.enum(['rust', 'js']).default('rust'),
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  LIMIT_MAX_BODY_BYTES: positiveInt.default(100_000),
  LIMIT_MAX_DEPTH: positiveInt.default(10),
  LIMIT_MAX_ALIASES: positiveInt.default(30),
  LIMIT_MAX_TOKENS: positiveInt.default(2_000),
  LIMIT_MAX_DIRECTIVES: positiveInt.default(50),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  // open subscriptions per client WebSocket and per tenant on one gateway process (gateway/subscription-limits.ts)
  MAX_SUBSCRIPTIONS_PER_SOCKET: positiveInt.default(100),
  MAX_SUBSCRIPTIONS_PER_TENANT: positiveInt.default(1_000),
  // estimated answer size per operation, and per-tenant turns on one gateway process (gateway/plugins/use-cost-limit.ts)
  MAX_QUERY_COST: positiveInt.default(50_000),
  // fragment spreads once inlined (the planner walks each; a chain under MAX_QUERY_COST cost it ~1 s)
  MAX_FRAGMENT_SPREADS: positiveInt.default(500),
  MAX_INFLIGHT_PER_TENANT: positiveInt.default(16),
  MAX_INFLIGHT_COST_PER_TENANT: positiveInt.default(50_000),
  MAX_QUEUED_PER_TENANT: positiveInt.default(1_000),
  // how long a queued operation waits for its tenant's turn before 429 QUEUE_TIMEOUT: 30 s like SUBGRAPH_TIMEOUT_MS,
  // since it waits behind operations that may each run that long (10 s refused agent-locations' burst of 120 writes
  // with QUEUE_TIMEOUT on a loaded CI machine)
  TENANT_QUEUE_TIMEOUT_MS: positiveInt.default(30_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(15_000),
  // 65 s, beyond the idle time of the clients and proxies in front (fetch/undici: the server's hint less 1 s; load
  // balancers: 60 s): at Node's 5 s, a pooled connection reused just as the server dropped it answered ECONNRESET
  // (seen in the GDPR test on a loaded machine, whose event loop lagged past undici's 1 s margin)
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(65_000),
  // 30 s: long enough for a mutation under a burst on 2 cores (10 s cut 402 of agent-locations' creates under load), short
  // enough that a hung subgraph no longer holds a client for minutes
  SUBGRAPH_TIMEOUT_MS: positiveInt.default(30_000),
  API_KEY_CACHE_TTL_SECONDS: positiveInt.default(30),
  READ_MODEL_WAIT_MS: decimal(0, 60_000).default(3_000),
  PROACTIVE_ENABLED: z.enum(['true', 'false']).default('true'),
  PROACTIVE_COOLDOWN_SECONDS: decimal(0, 86_400).default(60),
  PROACTIVE_COOLDOWN_TURNS: decimal(0, 1_000).default(3),
  PROACTIVE_LEAD_QUIET_SECONDS: decimal(0.05, 86_400).default(600),
  PROACTIVE_AGENT_SLOW_SECONDS: decimal(0.05, 86_400).default(180),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: optionalUrl,
  // 0.75: on 200 tuning turns the offline coach was right 98% of the time at or above it, 80% below it
  COACH_MODEL_WHEN_CONFIDENCE_BELOW: fraction.default(0.75),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  GHL_ED25519_PUBLIC_KEY: z.string().optional(),
  GHL_RSA_PUBLIC_KEY: z.string().optional(),
  GHL_CLIENT_ID: z.string().optional(),
  GHL_CLIENT_SECRET: z.string().optional(),
  GHL_OAUTH_TOKEN_URL: optionalUrl,
  GHL_OAUTH_REDIRECT_URI: optionalUrl,
  GHL_WEBHOOK_CONCURRENCY: decimal(0, 64).default(4),
  WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: z.enum(['true', 'false']).default('false'),
  WEBHOOK_MAX_ATTEMPTS: decimal(1, 30).default(8),
  WEBHOOK_RETRY_BASE_MS: decimal(1, 3_600_000).default(10_000),
  WEBHOOK_RETRY_MAX_MS: decimal(1, 86_400_000).default(3_600_000),
  WEBHOOK_TIMEOUT_MS: decimal(100, 60_000).default(10_000),
  WEBHOOK_POLL_MS: decimal(10, 60_000).default(1_000),
  DRAFT_BUDGET_MS: decimal(100, 120_000).default(8_000),
  // below docker-compose.yml's stop_grace_period (30 s): the drain must end before the orchestrator's SIGKILL
  SHUTDOWN_DRAIN_MS: positiveInt.default(10_000),
});

export type Env = z.infer<typeof schema>;

export type {
  DatabaseOptions,
  AuthOptions,
  LimitOptions,
  ProactiveConfig,
  PlatformConfig,
  WebhookOptions,
  GhlOAuthConfig,
} from './config-types';
import type { LimitOptions, PlatformConfig, WebhookOptions, GhlOAuthConfig } from './config-types';

function ghlOAuth(e: Env): GhlOAuthConfig | undefined {
  const id = e.GHL_CLIENT_ID?.trim();
  const secret = e.GHL_CLIENT_SECRET?.trim();
  if (!id && !secret) return undefined;
  if (!id) throw new ConfigError('GHL_CLIENT_ID', 'is required with GHL_CLIENT_SECRET');
  if (!secret) throw new ConfigError('GHL_CLIENT_SECRET', 'is required with GHL_CLIENT_ID');
  return {
    clientId: id,
    clientSecret: secret,
    tokenUrl: e.GHL_OAUTH_TOKEN_URL,
    redirectUri: e.GHL_OAUTH_REDIRECT_URI,
  };
}

/** PEM public keys from one variable: `\n` escapes allowed, several keys concatenated allowed. */
function pemKeys(variable: string, value: string | undefined): string[] {
  if (!value || !value.trim()) return [];
  const text = value.replace(/\\n/g, '\n');
  const keys =
    text.match(/-----BEGIN (?:RSA )?PUBLIC KEY-----[\s\S]+?-----END (?:RSA )?PUBLIC KEY-----/g) ?? [];
  if (keys.length === 0) {
    throw new ConfigError(variable, 'must contain a PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  return keys.map((k) => `${k}\n`);
}

function deriveAppUrl(ownerUrl: string, role: string): string {
  const u = new URL(ownerUrl);
  u.username = role;
  u.password = '';
  return u.toString();
}

/**
 * GraphQL Armor's cost limit is gone (one cost model: the gateway's estimate); a value set for it would be
 * silently ignored, and an operator who lowered it would believe in a limit that no longer exists.
 */
function refuseRemoved(env: NodeJS.ProcessEnv): void {
  if (env['LIMIT_MAX_COST'] !== undefined) {
    throw new ConfigError(
      'LIMIT_MAX_COST',
      'was removed: the cost limit is MAX_QUERY_COST (estimated values)',
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  refuseRemoved(env);
  if (e.CREDENTIAL_SERVICE_SECRET && e.CREDENTIAL_SERVICE_SECRET === e.CONTEXT_SECRET) {
    throw new ConfigError('CREDENTIAL_SERVICE_SECRET', 'must differ from CONTEXT_SECRET');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    ports: {
      gateway: e.GATEWAY_PORT,
      tenants: e.TENANTS_PORT,
      agents: e.AGENTS_PORT,
      coaching: e.COACHING_PORT,
      analytics: e.ANALYTICS_PORT,
      billing: e.BILLING_PORT,
    },
    subgraphUrls: {
      tenants: e.TENANTS_URL,
      agents: e.AGENTS_URL,
      coaching: e.COACHING_URL,
      analytics: e.ANALYTICS_URL,
      billing: e.BILLING_URL,
    },
    database: {
      // the runtime needs only DATABASE_APP_URL: services never hold the owner's password
      kind: e.DATABASE_URL || e.DATABASE_APP_URL ? 'postgres' : 'sqlite',
      sqliteDir: e.DATA_DIR,
      ownerUrl: e.DATABASE_URL,
      appUrl:
        e.DATABASE_APP_URL ?? (e.DATABASE_URL ? deriveAppUrl(e.DATABASE_URL, e.DB_APP_ROLE) : undefined),
      appRole: e.DB_APP_ROLE,
      poolMax: e.DB_POOL_MAX,
    },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwksUrl: e.JWT_JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      contextSecret: e.CONTEXT_SECRET,
      contextTokenTtlSeconds: e.CONTEXT_TOKEN_TTL_SECONDS,
      apiKeyCacheTtlSeconds: e.API_KEY_CACHE_TTL_SECONDS,
    },
    credentialService: { url: e.CREDENTIAL_SERVICE_URL, secret: e.CREDENTIAL_SERVICE_SECRET },
    corsOrigins:
      e.CORS_ORIGINS.trim() === '*'
        ? '*'
        : e.CORS_ORIGINS.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    queryPlanner: e.QUERY_PLANNER,
    supergraphPath: e.SUPERGRAPH_PATH,
    limits: limitOptions(e),
    anthropic: {
      apiKey: e.ANTHROPIC_API_KEY || undefined,
      baseUrl: e.ANTHROPIC_BASE_URL,
      modelWhenConfidenceBelow: e.COACH_MODEL_WHEN_CONFIDENCE_BELOW,
    },
    seedDemo: e.SEED_DEMO === 'true',
    readModelWaitMs: e.READ_MODEL_WAIT_MS,
    proactive: proactiveOptions(e),
    ghl: ghlOptions(e),
    webhooks: webhookOptions(e),
    draftBudgetMs: e.DRAFT_BUDGET_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    production: productionSwitches(env, e.NODE_ENV),
  };
}

function limitOptions(e: Env): LimitOptions {
  return {
    maxBodyBytes: e.LIMIT_MAX_BODY_BYTES,
    maxDepth: e.LIMIT_MAX_DEPTH,
    maxAliases: e.LIMIT_MAX_ALIASES,
    maxTokens: e.LIMIT_MAX_TOKENS,
    maxDirectives: e.LIMIT_MAX_DIRECTIVES,
    ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
    subscriptions: { perSocket: e.MAX_SUBSCRIPTIONS_PER_SOCKET, perTenant: e.MAX_SUBSCRIPTIONS_PER_TENANT },
    cost: {
      maxQueryCost: e.MAX_QUERY_COST,
      maxFragmentSpreads: e.MAX_FRAGMENT_SPREADS,
      maxInflightPerTenant: e.MAX_INFLIGHT_PER_TENANT,
      maxInflightCostPerTenant: e.MAX_INFLIGHT_COST_PER_TENANT,
      maxQueuedPerTenant: e.MAX_QUEUED_PER_TENANT,
      queueTimeoutMs: e.TENANT_QUEUE_TIMEOUT_MS,
    },
    http: {
      requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
  };
}

function proactiveOptions(e: Env): PlatformConfig['proactive'] {
  return {
    enabled: e.PROACTIVE_ENABLED === 'true',
    cooldownSeconds: e.PROACTIVE_COOLDOWN_SECONDS,
    cooldownTurns: Math.floor(e.PROACTIVE_COOLDOWN_TURNS),
    leadQuietSeconds: e.PROACTIVE_LEAD_QUIET_SECONDS,
    agentSlowSeconds: e.PROACTIVE_AGENT_SLOW_SECONDS,
  };
}

function ghlOptions(e: Env): PlatformConfig['ghl'] {
  return {
    ed25519PublicKeys: pemKeys('GHL_ED25519_PUBLIC_KEY', e.GHL_ED25519_PUBLIC_KEY),
    rsaPublicKeys: pemKeys('GHL_RSA_PUBLIC_KEY', e.GHL_RSA_PUBLIC_KEY),
    oauth: ghlOAuth(e),
    concurrency: e.GHL_WEBHOOK_CONCURRENCY,
  };
}

function webhookOptions(e: Env): WebhookOptions {
  const allowPrivateDestinations = e.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS === 'true';
  if (allowPrivateDestinations && e.NODE_ENV === 'production')
    throw new ConfigError('WEBHOOK_ALLOW_PRIVATE_DESTINATIONS', 'must not be true in production');
  return {
    allowPrivateDestinations,
    maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: Math.max(e.WEBHOOK_RETRY_MAX_MS, e.WEBHOOK_RETRY_BASE_MS),
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    pollMs: e.WEBHOOK_POLL_MS,
  };
}
