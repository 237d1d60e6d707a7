/**
 * Everything one running coaching subgraph holds besides its schema: event bus, pub/sub, engine,
 * background runs, the GHL webhook inbox worker, and the WebSocket server once attached.
 * One runtime per subgraph instance (`create(deps)`; a process may run several in tests), carried by
 * every request's context as `ctx.runtime`.
 *
 * Quota counter, pub/sub, response cache, engine and GHL install verifier can be injected (`CoachingOptions`,
 * e.g. from bin/); otherwise they are created from `deps.config`: Redis when `redisUrl` is set, every key
 * and channel under `<redisPrefix>:` (see `redisNamespaces`), in process otherwise. `close()` closes
 * exactly what it created.
 */
import type { Orm } from '../../core/db/orm';
import type { EventBus } from '../../core/events/event-bus';
import type { Logger } from '../../core/logger';
import type { ContextTokenCodec } from '../../core/context-token';
import { createPubSub, type PubSub } from '../../core/pubsub';
import { createQuotaCounter, type QuotaCounter } from '../../core/quota';
import { MemoryCache, RedisCache, type Cache } from '../../core/cache';
import { startOutboxRelay, type OutboxRelay } from '../../core/outbox';
import { Arrivals } from '../../core/events/arrivals';
import { createCoachingEngine } from './engine';
import type { SubgraphDeps } from '../../core/server/subgraph-module';
import type { CoachingEngine } from './engine/types';
import { createSessionSummarizer, type SessionSummarizer } from './engine/session-summarizer';
import { resolveOptions, type CoachingOptions, type ResolvedCoachingOptions } from './options';
import { RunTracker } from './service/run-tracker';
import type { DraftModels } from './drafting/run-draft';
import { createAnthropicDrafter } from './engine/providers/anthropic-draft';
import { createOfflineDrafter } from './engine/providers/offline-draft';
import { createPhotoAnalyzer, type PhotoAnalyzer } from './photos/photo-analyzer';
import { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './photos/photo-input';
import { EndedSessions } from './service/session-ended';
import { ProactiveMonitor } from './proactive/monitor';

/** What coaching resolvers receive (HTTP request or WebSocket subscription), declared with the services' view. */
export type { CoachingContext } from './service/context';
import { createInboxWorker, InboxStats } from './webhooks/ghl-inbox-runner';
import type { InboxWorker } from './webhooks/ghl-inbox-worker';
import {
  GhlOAuthInstallVerifier,
  unconfiguredInstallVerifier,
  type GhlInstallVerifier,
} from './webhooks/ghl-install-verifier';
import { GhlSignatureVerifier } from './webhooks/signature';

export interface CoachingRuntime {
  /** draftReply's drafters (model, or null without a key; offline) and time budget. */
  drafts: DraftModels & { budgetMs: number };
  orm: Orm;
  events: EventBus;
  logger: Logger;
  codec: ContextTokenCodec;
  pubsub: PubSub;
  /** The default engine's response cache (injected or created from config); null with an injected engine and no cache. */
  cache: Cache | null;
  engine: CoachingEngine;
  /** Writes ended sessions' summaries (contact memory) with the model; null without a model key (offline summaries). */
  summarizer: SessionSummarizer | null;
  /** What each tenant spent of its hint quota this period (service/quota.ts); coaching's own. */
  quota: QuotaCounter;
  options: ResolvedCoachingOptions;
  /** Sessions, agents and locations the read models are about to learn: requests wait for them (bounded). */
  arrivals: Arrivals;
  runs: RunTracker;
  /** Proactive interventions: detectors over the turn stream and per-session timers (proactive/monitor.ts). */
  proactive: ProactiveMonitor;
  /** Sessions this instance saw end: their runs stop publishing (service/session-ended.ts). */
  endedSessions: EndedSessions;
  /** Processes the durable GHL webhook inbox (poked by the route; `pause`/`resume` for maintenance). */
  ghlInbox: InboxWorker;
  /** What this instance's inbox worker processed. */
  ghlInboxStats: InboxStats;
  ghlVerifier: GhlSignatureVerifier;
  ghlInstalls: GhlInstallVerifier;
  /** Listing photo analysis (analyzeListingPhotos): the model analyzer and the photo limits. */
  photos: { analyzer: PhotoAnalyzer; limits: PhotoLimits };
  /** Starts publishing the outbox (from `start`); idempotent. */
  startRelay(): void;
  /** Starts the inbox worker, resuming what is PENDING (from `start`); idempotent. */
  startInbox(): void;
  /** Resolves when no processable webhook is waiting or processing, no coaching run is in flight and the outbox is published. */
  idle(): Promise<void>;
  /** Registers something to close with the runtime (the WebSocket server). */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

/** Redis key namespaces under the platform prefix (`<prefix>:<what>`). */
export function redisNamespaces(prefix: string): {
  channels: string;
  hintCache: string;
  quota: string;
} {
  return {
    /** Prepended to channel names (`coaching:session:<tenant>:<session>`). */
    channels: `${prefix}:`,
    hintCache: `${prefix}:coaching:hints:`,
    /** Coaching's hint quota counts (`<tenant>:<period end>`); no other subgraph reads them. */
    quota: `${prefix}:coaching:quota`,
  };
}

/** The connections a runtime uses: injected ones as given, the others created (and closed by `closeOwned`). */
interface Connections {
  cache: Cache | null;
  engine: CoachingEngine;
  quota: QuotaCounter;
  pubsub: PubSub;
  /** Closes what was created here, in reverse order; what was injected stays the caller's. */
  closeOwned(): Promise<void>;
}

function createConnections(
  deps: SubgraphDeps,
  opts: CoachingOptions,
  options: ResolvedCoachingOptions,
  logger: Logger,
): Connections {
  const onError = (err: unknown) => logger.error({ err }, 'redis error');
  const redisUrl = deps.config.redisUrl;
  const ns = redisNamespaces(options.redisPrefix);
  // What the runtime creates it closes on stop (reverse order); what was injected stays the caller's.
  const owned: (() => Promise<void>)[] = [];
  const own = <T>(created: T, close: (x: T) => Promise<void> | undefined): T => {
    owned.push(async () => close(created));
    return created;
  };
  // An injected engine brings its own cache: create none for it (no idle Redis connection).
  const cache: Cache | null =
    opts.cache ??
    (opts.engine
      ? null
      : own<Cache>(
          redisUrl ? new RedisCache({ redis: redisUrl, prefix: ns.hintCache }) : new MemoryCache(),
          (c) => c.close?.(),
        ));
  const engine: CoachingEngine =
    opts.engine ??
    own(
      createCoachingEngine({
        anthropic: { apiKey: deps.config.anthropic.apiKey, baseURL: deps.config.anthropic.baseUrl },
        modelWhenConfidenceBelow: deps.config.anthropic.modelWhenConfidenceBelow,
        cache: cache ?? new MemoryCache(),
        logger,
      }),
      (e) => e.close?.(),
    );
  const quota = opts.quota ?? own(createQuotaCounter({ redisUrl, prefix: ns.quota }), (q) => q.close());
  const pubsub =
    opts.pubsub ?? own(createPubSub({ redisUrl, prefix: ns.channels, onError }), (p) => p.close());
  return {
    cache,
    engine,
    quota,
    pubsub,
    async closeOwned() {
      for (const fn of owned.splice(0).reverse())
        await fn().catch((err: unknown) => logger.warn({ err }, 'closing a connection failed'));
    },
  };
}

/** draftReply's drafters: the injected or configured model (none without a key) and the offline coach. */
function createDrafts(deps: SubgraphDeps, opts: CoachingOptions): CoachingRuntime['drafts'] {
  const { apiKey, baseUrl } = deps.config.anthropic;
  const configured = apiKey ? createAnthropicDrafter({ apiKey, baseURL: baseUrl }) : null;
  return {
    model: opts.drafts?.model !== undefined ? opts.drafts.model : configured,
    offline: createOfflineDrafter(),
    budgetMs: opts.drafts?.budgetMs ?? deps.config.draftBudgetMs ?? 8_000,
  };
}

export function createRuntime(deps: SubgraphDeps, opts: CoachingOptions): CoachingRuntime {
  const options = resolveOptions(opts, deps.config);
  const logger = deps.logger.child({ component: 'coaching' });
  const { cache, engine, quota, pubsub, closeOwned } = createConnections(deps, opts, options, logger);
  const runs = new RunTracker(options.maxConcurrentRuns, logger);
  const ghlVerifier = new GhlSignatureVerifier(options.ghl);
  const oauth = deps.config.ghl?.oauth;
  const ghlInstalls =
    opts.ghl?.installVerifier ?? (oauth ? new GhlOAuthInstallVerifier(oauth) : unconfiguredInstallVerifier);
  if (!ghlVerifier.configured)
    logger.warn('no GoHighLevel public key configured: every GHL webhook will be rejected');
  // `rt` is complete before the worker starts (startInbox)
  const ghlInbox = createInboxWorker(() => rt, deps.orm, options.ghl, logger);
  const closers: (() => Promise<void>)[] = [];
  let closed = false;
  let relay: OutboxRelay | null = null;

  const drafts = createDrafts(deps, opts);
  const rt: CoachingRuntime = {
    drafts,
    orm: deps.orm,
    events: deps.events,
    logger,
    codec: deps.codec,
    pubsub,
    cache,
    engine,
    summarizer: deps.config.anthropic.apiKey
      ? createSessionSummarizer({
          apiKey: deps.config.anthropic.apiKey,
          baseURL: deps.config.anthropic.baseUrl,
        })
      : null,
    quota,
    options,
    arrivals: new Arrivals({ timeoutMs: options.readModelWaitMs }),
    runs,
    proactive: new ProactiveMonitor(() => rt, options.proactive),
    endedSessions: new EndedSessions(),
    ghlInbox,
    ghlInboxStats: new InboxStats(),
    ghlVerifier,
    ghlInstalls,
    photos: {
      analyzer:
        opts.photos?.analyzer ??
        createPhotoAnalyzer({ apiKey: deps.config.anthropic.apiKey, baseURL: deps.config.anthropic.baseUrl }),
      limits: { ...DEFAULT_PHOTO_LIMITS, ...opts.photos?.limits },
    },
    startRelay() {
      if (relay || closed) return;
      relay = startOutboxRelay({ orm: deps.orm, bus: deps.events, intervalMs: opts.relayIntervalMs, logger });
    },
    startInbox() {
      if (!closed) ghlInbox.start();
    },
    async idle() {
      do {
        await ghlInbox.idle();
        await runs.idle();
      } while (ghlInbox.active > 0 || runs.size > 0);
      await relay?.runOnce();
    },
    onClose(fn) {
      closers.push(fn);
    },
    async close() {
      if (closed) return;
      closed = true;
      rt.proactive.close();
      for (const fn of closers.splice(0).reverse())
        await fn().catch((err: unknown) => logger.error({ err }, 'close failed'));
      await ghlInbox.close();
      await runs.close();
      await relay?.runOnce().catch((err: unknown) => logger.warn({ err }, 'final outbox pass failed'));
      await relay?.stop();
      await closeOwned();
    },
  };
  return rt;
}
