/**
 * The coaching subgraph's one options object. Explicit options win; what is missing comes from the
 * platform config (`deps.config`), then from defaults. Whatever is injected stays the caller's (the
 * runtime never closes it); whatever the runtime creates from config it closes on stop.
 */
import type { Cache } from '../../core/cache';
import type { PlatformConfig } from '../../core/config';
import type { PubSub } from '../../core/pubsub';
import type { QuotaCounter } from '../../core/quota';
import type { CoachingEngine } from './engine/types';
import type { DraftModel } from './engine/providers/draft-model';
import type { GhlInstallVerifier } from './webhooks/ghl-install-verifier';
import type { PhotoAnalyzer } from './photos/photo-analyzer';
import type { PhotoLimits } from './photos/photo-input';

export interface GhlWebhookOptions {
  /** PEM public keys (x-ghl-signature). Default: config.ghl.ed25519PublicKeys. */
  ed25519PublicKeys?: string[];
  /** PEM public keys (x-wh-signature). Default: config.ghl.rsaPublicKeys. */
  rsaPublicKeys?: string[];
  /** Deliveries whose body `timestamp` is older are rejected. Default 300. */
  maxAgeSeconds?: number;
  /** Tolerated clock skew for timestamps in the future. Default 60. */
  maxClockSkewSeconds?: number;
  /** Deliveries waiting in the inbox (all instances); beyond it the route answers 429, storing nothing. Default 1000. */
  queueSize?: number;
  /** Deliveries this instance processes at once; 0 = receive only. Default: config.ghl.concurrency (4). */
  concurrency?: number;
  /** How often the worker looks for deliveries it was not poked about (other instances, retries). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Failed attempts before a delivery is dead-lettered PROCESSING_FAILED. Default 5. */
  maxAttempts?: number;
  /**
   * How long a message of a new conversation waits for agents to open its session (it is re-checked with a
   * growing delay, and at once when the session arrives) before it is dead-lettered NO_MATCHING_AGENT.
   * Default 300 s.
   */
  sessionWaitSeconds?: number;
  /** Processed deliveries (and dead letters) are kept this long; it is also the dedupe window. Default 7 days. */
  retentionSeconds?: number;
  maxBodyBytes?: number;
  /** Proves app installations (`connectGhlLocation`); default: OAuth code exchange from config.ghl.oauth, else none. */
  installVerifier?: GhlInstallVerifier;
}

/** Proactive interventions (proactive/): explicit values win over config.proactive (PROACTIVE_* env). */
export interface ProactiveOptions {
  /** Default true. */
  enabled?: boolean;
  /** A detector pushes at most one hint per session within this many seconds. Default 60. */
  cooldownSeconds?: number;
  /** …and only once this many more turns of the session were recorded. Default 3. */
  cooldownTurns?: number;
  /** LEAD_QUIET fires when the lead has not answered the agent's last message for this long. Default 600. */
  leadQuietSeconds?: number;
  /** AGENT_SLOW fires when the agent has not answered the lead's last message for this long. Default 180. */
  agentSlowSeconds?: number;
}

export type ResolvedProactiveOptions = Required<ProactiveOptions>;

export interface CoachingOptions {
  /** The engine; default: `createCoachingEngine` from engine/index.ts over `cache`. */
  engine?: CoachingEngine;
  /**
   * The default engine's response cache; default: Redis (`<prefix>:coaching:hints:<key>`) when REDIS_URL
   * is set, else in process. Unused when `engine` is given (that engine brings its own).
   */
  cache?: Cache;
  /** Pub/sub for hint streams; default: Redis (channels `<prefix>:coaching:session:…`) when REDIS_URL is set, else in process. */
  pubsub?: PubSub;
  /**
   * Counts the hints each tenant spent of its quota (service/quota.ts); default: createQuotaCounter, Redis
   * counts under `<prefix>:coaching:quota` with REDIS_URL, else in process.
   */
  quota?: QuotaCounter;
  /** Namespace of every Redis key and channel the runtime creates. Default: config.redisPrefix ('cp'). */
  redisPrefix?: string;
  /** Outbox relay poll interval. Default 200 ms. */
  relayIntervalMs?: number;
  /**
   * How long a request waits for a session or agent this subgraph's read model has not learned yet (it
   * was created in the agents subgraph an instant ago) before answering NOT_FOUND. Default:
   * config.readModelWaitMs (READ_MODEL_WAIT_MS, 3 s).
   */
  readModelWaitMs?: number;
  ghl?: GhlWebhookOptions;
  /**
   * Listing photo analysis: the analyzer (default: Claude through @anthropic-ai/sdk with config.anthropic, or
   * MODEL_UNAVAILABLE without a key) and the photo limits (default photos/photo-input.ts DEFAULT_PHOTO_LIMITS).
   */
  photos?: { analyzer?: PhotoAnalyzer; limits?: Partial<PhotoLimits> };
  proactive?: ProactiveOptions;
  /**
   * draftReply: the model drafter (default: Claude through @anthropic-ai/sdk with config.anthropic, none —
   * everything offline — without a key) and the time budget (default config.draftBudgetMs, 8 s).
   */
  drafts?: { model?: DraftModel | null; budgetMs?: number };
  /** Turns given to the engine and the qualification analysis. Default 20. */
  recentTurns?: number;
  /** How often expired contact memory is purged (service/memory-retention.ts). Default 1 hour. */
  memorySweepIntervalMs?: number;
  /** Coaching runs executing at once in this instance (the rest wait). Default 32. */
  maxConcurrentRuns?: number;
  /** graphql-ws frame limit. Default 64 KiB. */
  wsMaxPayload?: number;
  /** Subscriptions one WebSocket connection may hold. Default 500. */
  wsMaxSubscriptions?: number;
}

export interface ResolvedGhlOptions {
  ed25519PublicKeys: string[];
  rsaPublicKeys: string[];
  maxAgeSeconds: number;
  maxClockSkewSeconds: number;
  queueSize: number;
  concurrency: number;
  pollIntervalMs: number;
  maxAttempts: number;
  sessionWaitSeconds: number;
  retentionSeconds: number;
  maxBodyBytes: number;
}

export interface ResolvedCoachingOptions {
  ghl: ResolvedGhlOptions;
  proactive: ResolvedProactiveOptions;
  redisPrefix: string;
  recentTurns: number;
  memorySweepIntervalMs: number;
  maxConcurrentRuns: number;
  wsMaxPayload: number;
  wsMaxSubscriptions: number;
  readModelWaitMs: number;
}

export function resolveOptions(opts: CoachingOptions, config: PlatformConfig): ResolvedCoachingOptions {
  const g = opts.ghl ?? {};
  return {
    ghl: {
      ed25519PublicKeys: g.ed25519PublicKeys ?? config.ghl?.ed25519PublicKeys ?? [],
      rsaPublicKeys: g.rsaPublicKeys ?? config.ghl?.rsaPublicKeys ?? [],
      maxAgeSeconds: g.maxAgeSeconds ?? 300,
      maxClockSkewSeconds: g.maxClockSkewSeconds ?? 60,
      queueSize: g.queueSize ?? 1000,
      concurrency: g.concurrency ?? config.ghl?.concurrency ?? 4,
      pollIntervalMs: g.pollIntervalMs ?? 1000,
      maxAttempts: g.maxAttempts ?? 5,
      sessionWaitSeconds: g.sessionWaitSeconds ?? 300,
      retentionSeconds: g.retentionSeconds ?? 7 * 24 * 3600,
      maxBodyBytes: g.maxBodyBytes ?? 256 * 1024,
    },
    proactive: resolveProactive(opts.proactive ?? {}, config),
    redisPrefix: opts.redisPrefix ?? config.redisPrefix ?? 'cp',
    recentTurns: opts.recentTurns ?? 20,
    memorySweepIntervalMs: opts.memorySweepIntervalMs ?? 3_600_000,
    maxConcurrentRuns: opts.maxConcurrentRuns ?? 32,
    wsMaxPayload: opts.wsMaxPayload ?? 64 * 1024,
    wsMaxSubscriptions: opts.wsMaxSubscriptions ?? 500,
    readModelWaitMs: opts.readModelWaitMs ?? config.readModelWaitMs ?? 3_000,
  };
}

function resolveProactive(p: ProactiveOptions, config: PlatformConfig): ResolvedProactiveOptions {
  const c = config.proactive;
  return {
    enabled: p.enabled ?? c?.enabled ?? true,
    cooldownSeconds: p.cooldownSeconds ?? c?.cooldownSeconds ?? 60,
    cooldownTurns: p.cooldownTurns ?? c?.cooldownTurns ?? 3,
    leadQuietSeconds: p.leadQuietSeconds ?? c?.leadQuietSeconds ?? 600,
    agentSlowSeconds: p.agentSlowSeconds ?? c?.agentSlowSeconds ?? 180,
  };
}
