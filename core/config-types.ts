/**
 * The typed options core/config.ts hands to everything else (it alone reads the environment). Split out so the
 * config module stays one concept: reading and checking variables.
 */
import type { Env, SubgraphName } from './config';
import type { ProductionSwitches } from './production-switches';

export interface DatabaseOptions {
  kind: 'sqlite' | 'postgres';
  /** SQLite directory (one file per subgraph) or ':memory:'. */
  sqliteDir: string;
  /** Owner connection (migrations). */
  ownerUrl?: string;
  /** Runtime connection: a role that does not own the tables, so RLS applies. */
  appUrl?: string;
  appRole: string;
  poolMax: number;
}

export interface AuthOptions {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  contextSecret?: string;
  contextTokenTtlSeconds: number;
  apiKeyCacheTtlSeconds: number;
}

export interface LimitOptions {
  maxBodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  ratePerMinute: number;
  /** Open subscriptions per client WebSocket / per tenant and gateway process (MAX_SUBSCRIPTIONS_PER_*). */
  subscriptions: { perSocket: number; perTenant: number };
  /** Estimated answer size of one operation; per-tenant operations and cost in flight (gateway/plugins/use-cost-limit.ts). */
  cost: {
    maxQueryCost: number;
    /** Fragment spreads once fragments are inlined (MAX_FRAGMENT_SPREADS). */
    maxFragmentSpreads: number;
    maxInflightPerTenant: number;
    maxInflightCostPerTenant: number;
    maxQueuedPerTenant: number;
    /** How long a queued operation waits for its tenant's turn (TENANT_QUEUE_TIMEOUT_MS). */
    queueTimeoutMs: number;
  };
  /** Time for a client to send a whole request; idle keep-alive time (gateway/http-server.ts). */
  http: { requestMs: number; keepAliveMs: number };
  /** Deadline of one gateway → subgraph query or mutation (SUBGRAPH_TIMEOUT_MS, default 30 s). */
  subgraphTimeoutMs: number;
}

export interface ProactiveConfig {
  /** Detectors push hints unasked (PROACTIVE_ENABLED, default true). */
  enabled: boolean;
  /** A detector pushes at most one hint per session within this many seconds (PROACTIVE_COOLDOWN_SECONDS, 60)… */
  cooldownSeconds: number;
  /** …and only after this many further turns of the session (PROACTIVE_COOLDOWN_TURNS, 3). */
  cooldownTurns: number;
  /** The lead has not answered the agent for this long: LEAD_QUIET (PROACTIVE_LEAD_QUIET_SECONDS, 600). */
  leadQuietSeconds: number;
  /** The agent has not answered the lead for this long: AGENT_SLOW (PROACTIVE_AGENT_SLOW_SECONDS, 180). */
  agentSlowSeconds: number;
}

export interface PlatformConfig {
  env: Env['NODE_ENV'];
  host: string;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  ports: Record<SubgraphName | 'gateway', number>;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  database: DatabaseOptions;
  redisUrl?: string;
  /** Namespace for every Redis key (streams, quota counters, cache, pub/sub channels, rate limits). */
  redisPrefix: string;
  auth: AuthOptions;
  /**
   * The credential service a gateway resolves API keys (and subject revocations) through, and the secret
   * of that internal contract (core/credential-service.ts) — held by the gateways and the credential
   * service only, never the context-token secret. No URL on a gateway: API keys are refused (401).
   */
  credentialService: { url?: string; secret?: string };
  corsOrigins: string[] | '*';
  queryPlanner: 'rust' | 'js';
  supergraphPath: string;
  limits: LimitOptions;
  /** Claude; with a key a quick turn goes to it when offline confidence < modelWhenConfidenceBelow (1: all). */
  anthropic: { apiKey?: string; baseUrl?: string; modelWhenConfidenceBelow: number };
  seedDemo: boolean;
  /**
   * How long a subgraph waits for an id its event-fed read model has not seen yet (a session created in
   * agents and used at once in coaching) before answering NOT_FOUND. 0 = never wait.
   */
  readModelWaitMs: number;
  /** Proactive coaching interventions (subgraphs/coaching/proactive/): detectors' cooldown and time limits. */
  proactive: ProactiveConfig;
  /** GoHighLevel webhook verification keys (PEM, several allowed for rotation); none → every webhook is rejected. */
  ghl: {
    ed25519PublicKeys: string[];
    rsaPublicKeys: string[];
    oauth?: GhlOAuthConfig;
    /** GHL deliveries this instance processes at once; 0 = it stores deliveries and other instances process them. */
    concurrency: number;
  };
  /** Outbound workflow webhooks (subgraphs/tenants/workflows). */
  webhooks: WebhookOptions;
  /** draftReply's time budget, ms (DRAFT_BUDGET_MS; a caller may ask for less, never more). */
  draftBudgetMs: number;
  /**
   * On SIGTERM/SIGINT, how long requests in flight and queued work may take to finish (SHUTDOWN_DRAIN_MS,
   * default 10 s); past it the process exits 1 naming what it abandoned (core/server/drain-signals.ts).
   */
  shutdownDrainMs: number;
  /** Introspection, CSRF prevention, trusted documents (core/production-switches.ts). */
  production: ProductionSwitches;
}

/** How workflow webhooks are sent: retries with exponential backoff and jitter, and where they may go. */
export interface WebhookOptions {
  /**
   * Loopback, private, link-local and other non-public destinations are refused unless this is on
   * (tests and local development only; refused in production).
   */
  allowPrivateDestinations: boolean;
  /** Attempts before a delivery is FAILED (the first one included). */
  maxAttempts: number;
  /** The delay before the 2nd attempt; doubled per attempt up to `retryMaxMs`, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** One attempt's time limit (connect to last byte). */
  timeoutMs: number;
  /** How often the delivery worker looks for due deliveries (it is also poked when one is queued). */
  pollMs: number;
}

/** The GoHighLevel app's OAuth client: proves which tenant installed the app on a location. */
export interface GhlOAuthConfig {
  clientId: string;
  clientSecret: string;
  tokenUrl?: string;
  redirectUri?: string;
}
