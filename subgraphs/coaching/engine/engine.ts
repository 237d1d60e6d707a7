/**
 * The coaching engine: one `run(req, onEvent)` per coaching moment.
 *
 *   offline analysis → redact → prompt → route → response cache / single flight → Anthropic (streamed)
 *        └──────────── on any model failure, or without an API key: the offline coach ───────────┘
 *
 * Hints stream as `started`/`delta`/`completed` events whatever answers (model, cache, or offline coach);
 * the Fair Housing guardrail and PII restoration apply on the way out (see event-pipeline.ts).
 */
import { z } from 'zod';
import { getJson, setJson, singleFlight, type SingleFlight } from '../../../core/cache';
import { coachWithShared } from '../coach/conversation-analysis';
import type { CoachInput, CoachOutput } from '../coach/types';
import { ModelCallError } from './errors';
import {
  EventHub,
  guardStage,
  restoreStage,
  safeListener,
  withOrigin,
  type Listener,
} from './event-pipeline';
import { guardHints } from './guardrail';
import { SILENT_LOGGER, type CoachingEngineOptions, type EngineLogger } from './options';
import { storedHintSchema } from './hint-schema';
import {
  costMicros,
  DEFAULT_PRICES,
  totalInputTokens,
  ZERO_USAGE,
  type ModelPrice,
  type TokenUsage,
} from './pricing';
import type { BuiltPrompt } from './prompts/build-prompt';
import { createAnthropicProvider } from './providers/anthropic';
import { createOfflineProvider } from './providers/offline';
import { replayHints, type HintProvider } from './providers/provider';
import { rememberCacheKey } from './cache-index';
import { redactedPrompt } from './redacted-prompt';
import { DEFAULT_MODELS, needsModel, routeModel, type DefaultModels, type Route } from './routing';
import { within } from './within';
import type { CoachingEngine, CoachRequest, CoachResult, EngineEvent, GeneratedHint } from './types';

interface ModelOutcome {
  /** Guarded, still redacted (placeholders), as cached. */
  hints: GeneratedHint[];
  guardrailTriggered: boolean;
  model: string;
  usage: TokenUsage;
}

const cachedEntrySchema = z.object({
  v: z.literal(1),
  model: z.string(),
  hints: z.array(storedHintSchema).min(1).max(3),
  guardrailTriggered: z.boolean(),
});

type CachedEntry = z.infer<typeof cachedEntrySchema>;

/** One coaching moment on its way to the model: what the cache, the shared call and the fallback need. */
interface Moment {
  req: CoachRequest;
  t0: number;
  emit: Listener;
  coachInput: CoachInput;
  analysis: CoachOutput;
  route: Route;
  prompt: BuiltPrompt;
  key: string;
  /** The subscriber behind PII restoration: what the model, cache or leader streams goes through it. */
  consumer: Listener;
  /** Restores PII in final hints. */
  restore(hints: GeneratedHint[]): GeneratedHint[];
}

class Engine implements CoachingEngine {
  private readonly log: EngineLogger;
  private readonly model?: HintProvider;
  private readonly offline = createOfflineProvider();
  private readonly flights: SingleFlight<ModelOutcome> = singleFlight<ModelOutcome>();
  private readonly hubs = new Map<string, EventHub>();
  private readonly defaults: DefaultModels;
  private readonly prices: Record<string, ModelPrice>;
  private readonly ttl: number;
  private readonly cacheTimeoutMs: number;
  private readonly cooldownMs: number;
  private pausedUntil = 0;

  constructor(private readonly opts: CoachingEngineOptions) {
    this.log = opts.logger ?? SILENT_LOGGER;
    const a = opts.anthropic;
    if (a?.apiKey) {
      this.model = createAnthropicProvider({
        apiKey: a.apiKey,
        baseURL: a.baseURL,
        maxRetries: a.maxRetries,
        timeoutMs: a.timeoutMs,
        eagerInputStreaming: a.eagerInputStreaming,
      });
    }
    this.defaults = { ...DEFAULT_MODELS, ...opts.defaultModels };
    this.prices = { ...DEFAULT_PRICES, ...opts.prices };
    this.ttl = opts.cacheTtlSeconds ?? 600;
    this.cacheTimeoutMs = opts.cacheTimeoutMs ?? 250;
    this.cooldownMs = opts.spendLimitCooldownMs ?? 60_000;
  }

  async run(req: CoachRequest, onEvent?: (e: EngineEvent) => void): Promise<CoachResult> {
    const t0 = performance.now();
    const emit = safeListener(onEvent, (err) =>
      this.log.error({ err, sessionId: req.sessionId }, 'onEvent threw'),
    );
    const coachInput: CoachInput = {
      agent: req.agent,
      stage: req.stage,
      turns: req.turns,
      question: req.question,
      vertical: req.vertical,
      remembered: req.remembered,
      ...(req.variant ? { variant: req.variant } : {}),
    };
    const analysis = coachWithShared(coachInput, req, req.sharedAnalysis);

    const confidence = analysis.hints[0]?.confidence;
    if (!this.model || !needsModel(req.kind, confidence, this.opts.modelWhenConfidenceBelow)) {
      if (this.model) this.log.debug({ confidence }, 'offline coach confident; no model call');
      return this.runOffline(coachInput, analysis, emit, t0, false);
    }
    if (Date.now() < this.pausedUntil) {
      this.log.debug(
        { tenantId: req.tenantId },
        'model calls paused after a spend-limit error; offline coach',
      );
      return this.runOffline(coachInput, analysis, emit, t0, true);
    }

    const route = routeModel(req.kind, req.models, this.defaults);
    const { redactor, prompt, key } = redactedPrompt(req, analysis, route);
    const moment: Moment = {
      req,
      t0,
      emit,
      coachInput,
      analysis,
      route,
      prompt,
      key,
      consumer: restoreStage(redactor, emit),
      restore: (hints) =>
        hints.map((h) => ({
          ...h,
          text: redactor.restore(h.text),
          rationale: redactor.restore(h.rationale),
        })),
    };
    const hit = await this.cacheGet(key);
    if (hit) return this.answerFromCache(moment, hit);
    return this.answerFromModel(moment);
  }

  /**
   * A cached answer, replayed. A shared cache is outside data (another deploy may have written it): guard
   * again, it is cheap.
   */
  private answerFromCache(m: Moment, hit: CachedEntry): CoachResult {
    const guarded = guardHints(hit.hints);
    replayHints(guarded.hints, m.consumer, {
      provider: 'anthropic',
      model: hit.model,
      cached: true,
      fallback: false,
    });
    return this.result(m.t0, m.analysis, {
      hints: m.restore(guarded.hints),
      provider: 'anthropic',
      model: hit.model,
      cached: true,
      guardrailTriggered: hit.guardrailTriggered || guarded.triggered,
    });
  }

  /** The model's answer through the single flight: the leader calls, identical requests in flight watch it. */
  private async answerFromModel(m: Moment): Promise<CoachResult> {
    const { key, consumer } = m;
    const flight: { hub?: EventHub; leader: boolean } = { hub: this.hubs.get(key), leader: false };
    const shared = this.flights.do(key, () => {
      const hub = new EventHub((err) => this.log.error({ err }, 'onEvent threw'));
      flight.hub = hub;
      flight.leader = true;
      this.hubs.set(key, hub);
      return this.callModel(key, m.prompt, m.route, m.coachInput, m.analysis, hub).finally(() => {
        if (this.hubs.get(key) === hub) this.hubs.delete(key);
      });
    });
    // A follower of an identical in-flight request watches the leader's stream: its hints are `cached`.
    const unsubscribe = flight.hub?.subscribe(
      flight.leader ? consumer : withOrigin(consumer, { cached: true }),
    );
    try {
      const outcome = await shared;
      if (flight.leader) await this.rememberEntry(m.req, key);
      if (!flight.hub)
        replayHints(outcome.hints, consumer, {
          provider: 'anthropic',
          model: outcome.model,
          cached: true,
          fallback: false,
        });
      const usage = flight.leader ? outcome.usage : ZERO_USAGE;
      return this.result(m.t0, m.analysis, {
        hints: m.restore(outcome.hints),
        provider: 'anthropic',
        model: outcome.model,
        // A follower of an identical in-flight request made no call of its own.
        cached: !flight.leader,
        guardrailTriggered: outcome.guardrailTriggered,
        usage,
      });
    } catch (err) {
      unsubscribe?.();
      return this.fallBack(m, err, flight.leader);
    } finally {
      unsubscribe?.();
    }
  }

  /**
   * A failed model call: pause model calls after a spend limit, log, answer with the offline coach (billing
   * what the leader's call spent).
   */
  private fallBack(m: Moment, err: unknown, leader: boolean): Promise<CoachResult> {
    const { req, route } = m;
    const failure =
      err instanceof ModelCallError ? err : new ModelCallError('api_error', String(err), { cause: err });
    if (failure.kind === 'spend_limit') this.pausedUntil = Date.now() + this.cooldownMs;
    this.log.warn(
      {
        tenantId: req.tenantId,
        sessionId: req.sessionId,
        kind: failure.kind,
        status: failure.details.status,
        model: route.model,
        err: failure,
      },
      'model call failed; answering with the offline coach',
    );
    const spent = leader ? failure.details.usage : undefined;
    return this.runOffline(
      m.coachInput,
      m.analysis,
      m.emit,
      m.t0,
      true,
      spent && { model: route.model, usage: spent },
    );
  }

  async close(): Promise<void> {
    await this.model?.close?.();
  }

  /** The leader's model call: stream into the hub, guard, cache. */
  private async callModel(
    key: string,
    prompt: BuiltPrompt,
    route: Route,
    coachInput: CoachInput,
    analysis: CoachOutput,
    hub: EventHub,
  ): Promise<ModelOutcome> {
    if (!this.model) throw new ModelCallError('api_error', 'no model provider');
    const res = await this.model.generate(
      { prompt, model: route.model, maxTokens: route.maxTokens, coachInput, analysis },
      guardStage((e) => hub.publish(e)),
    );
    const guarded = guardHints(res.hints);
    const outcome: ModelOutcome = {
      hints: guarded.hints,
      guardrailTriggered: guarded.triggered,
      model: res.model,
      usage: res.usage,
    };
    this.log.debug(
      {
        model: res.model,
        latencyMs: res.latencyMs,
        firstDeltaMs: res.firstDeltaMs,
        usage: res.usage,
        tenantOverride: route.tenantOverride,
        // The protected classes only: the withheld words never reach a log.
        withheld: guarded.withheld,
      },
      'model answered',
    );
    await this.cacheSet(key, {
      v: 1,
      model: outcome.model,
      hints: outcome.hints,
      guardrailTriggered: outcome.guardrailTriggered,
    });
    return outcome;
  }

  private async runOffline(
    coachInput: CoachInput,
    analysis: CoachOutput,
    emit: Listener,
    t0: number,
    fallback: boolean,
    spent?: { model: string; usage: TokenUsage },
  ): Promise<CoachResult> {
    const res = await this.offline.generate(
      { coachInput, analysis },
      guardStage(fallback ? withOrigin(emit, { fallback: true }) : emit),
    );
    const guarded = guardHints(res.hints);
    const result = this.result(t0, analysis, {
      hints: guarded.hints,
      provider: 'offline',
      model: res.model,
      cached: false,
      guardrailTriggered: guarded.triggered,
      fallback,
    });
    if (spent) {
      // Tokens a failed model call consumed are billed all the same.
      result.tokensIn = totalInputTokens(spent.usage);
      result.tokensOut = spent.usage.outputTokens;
      result.costMicros = costMicros(spent.model, spent.usage, this.prices);
    }
    return result;
  }

  private result(
    t0: number,
    analysis: CoachOutput,
    r: {
      hints: GeneratedHint[];
      provider: CoachResult['provider'];
      model: string;
      cached: boolean;
      guardrailTriggered: boolean;
      fallback?: boolean;
      usage?: TokenUsage;
    },
  ): CoachResult {
    const usage = r.usage ?? ZERO_USAGE;
    return {
      hints: r.hints,
      analysis,
      provider: r.provider,
      model: r.model,
      cached: r.cached,
      fallback: r.fallback ?? false,
      latencyMs: Math.round(performance.now() - t0),
      tokensIn: totalInputTokens(usage),
      tokensOut: usage.outputTokens,
      costMicros: r.cached ? 0 : costMicros(r.model, usage, this.prices),
      guardrailTriggered: r.guardrailTriggered,
    };
  }

  private async cacheGet(key: string): Promise<CachedEntry | undefined> {
    try {
      return await within(getJson(this.opts.cache, key, cachedEntrySchema), this.cacheTimeoutMs);
    } catch (err) {
      this.log.warn({ err }, 'response cache read failed; treating as a miss');
      return undefined;
    }
  }

  private rememberEntry(req: CoachRequest, key: string): Promise<void> {
    const write = rememberCacheKey(this.opts.cache, req.tenantId, req.sessionId, key, this.ttl);
    return this.cacheWrite(write, 'response cache index write failed');
  }

  private cacheSet(key: string, entry: CachedEntry): Promise<void> {
    return this.cacheWrite(setJson(this.opts.cache, key, entry, this.ttl), 'response cache write failed');
  }

  private async cacheWrite(write: Promise<void>, failure: string): Promise<void> {
    try {
      await within(write, this.cacheTimeoutMs);
    } catch (err) {
      this.log.warn({ err }, failure);
    }
  }
}

export function createCoachingEngine(opts: CoachingEngineOptions): CoachingEngine {
  return new Engine(opts);
}
