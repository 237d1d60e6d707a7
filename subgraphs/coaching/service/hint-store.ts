/**
 * The stored side of a coaching run (the design is explained in coach-session.ts):
 *
 * - `storeCompletedHint`: one row as soon as a hint completes, with its text and provenance (model,
 *   cached, fallback) and zero accounting — latency, tokens and cost are run totals, known at the end;
 * - `finalizeRun`: one flush at the end of the run — accounting on the rows kept, rows for hints that
 *   were not stored early, removal of rows whose hint was replaced, one `coaching.hint.delivered` event
 *   per final hint (so billing and analytics only ever see final hints with their final figures);
 * - `discardRun`: removes the rows a failed run had stored.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { withTenantScope } from '../../../core/db/request-scope';
import {
  EventTypes,
  type HintDeliveredPayload,
  HintStatus,
  type ProactiveDetector,
} from '../../../core/vocabulary';
import { nextBestAction } from '../coach/next-best-action';
import type { CoachRequest, CoachResult, GeneratedHint, HintOrigin } from '../engine/types';
import { CoachingHint, Qualification } from '../entities';
import type { CoachingRuntime } from '../runtime';
import type { CoachRun } from './coach-session';
import { stageEvent } from './publish';
import { requireStillActive } from './session-ended';

/** Splits an integer total over n parts (the first parts take the remainder). */
export function splitTotal(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/** Strictly increasing timestamps for one run: history pages by (createdAt, id). */
export function runClock(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last);
  };
}

export function sameHint(a: GeneratedHint, b: GeneratedHint): boolean {
  return (
    a.category === b.category &&
    (a.objection ?? null) === (b.objection ?? null) &&
    a.text === b.text &&
    a.rationale === b.rationale &&
    a.confidence === b.confidence
  );
}

/** What a proactive hint adds: the detector that pushed it and why. */
export interface HintProvenance {
  detector: ProactiveDetector;
  reason: string;
}

/** What a stored hint needs of its run: ids, and the request's stage, lead and agent role (next-best action). */
export type HintOwner = Pick<CoachRun, 'runId' | 'tenantId' | 'sessionId' | 'agentId' | 'locationId'> & {
  request: Pick<CoachRequest, 'stage' | 'known' | 'variant'> & { agent: Pick<CoachRequest['agent'], 'role'> };
};

export function createHint(
  em: EntityManager,
  run: HintOwner,
  hint: GeneratedHint,
  origin: HintOrigin,
  createdAt: Date,
  pushed: HintProvenance | null = null,
): CoachingHint {
  const { request } = run;
  return em.create(CoachingHint, {
    id: randomUUID(),
    tenantId: run.tenantId,
    sessionId: run.sessionId,
    agentId: run.agentId,
    locationId: run.locationId,
    requestId: run.runId,
    category: hint.category,
    objection: hint.objection ?? null,
    text: hint.text,
    rationale: hint.rationale,
    nextBestAction: nextBestAction({
      category: hint.category,
      objection: hint.objection ?? null,
      stage: request.stage,
      role: request.agent.role,
      known: request.known,
    }),
    reason: pushed?.reason ?? null,
    detector: pushed?.detector ?? null,
    confidence: hint.confidence,
    model: origin.model,
    cached: origin.cached,
    fallback: origin.fallback,
    latencyMs: 0,
    tokensIn: 0,
    tokensOut: 0,
    costMicros: 0,
    status: HintStatus.SHOWN,
    feedbackComment: null,
    ratedAt: null,
    createdAt,
    // the hint's strategy (category × variant) and the bandit context it was picked in
    variant: run.request.variant ?? null,
    strategyRole: run.request.agent.role,
    strategyStage: run.request.stage,
  });
}

export async function storeCompletedHint(
  rt: CoachingRuntime,
  run: CoachRun,
  hint: GeneratedHint,
  origin: HintOrigin,
  createdAt: Date,
): Promise<CoachingHint> {
  return withTenantScope(rt.orm, run.tenantId, async (em) => {
    await requireStillActive(em, run.sessionId);
    const row = createHint(em, run, hint, origin, createdAt);
    await em.flush();
    return row;
  });
}

export interface FinalizedRun {
  /** The final hints, by index. */
  hints: CoachingHint[];
  qualification: Qualification | null;
}

/**
 * `keep[i]`: the id of the row already stored (and published) for `result.hints[i]`, or null to create
 * one. Every other row of the run is removed. Accounting comes from the run's totals, split per hint.
 */
export async function finalizeRun(
  rt: CoachingRuntime,
  run: CoachRun,
  result: CoachResult,
  keep: readonly (string | null)[],
  clock: () => Date,
): Promise<FinalizedRun> {
  return withTenantScope(rt.orm, run.tenantId, async (em) => {
    const stored = new Map<string, CoachingHint>();
    if (keep.some((id) => id !== null)) {
      const rows = await em.find(CoachingHint, { sessionId: run.sessionId, requestId: run.runId });
      for (const row of rows) stored.set(row.id, row);
    }
    const n = result.hints.length;
    const tokensIn = splitTotal(result.tokensIn, n);
    const tokensOut = splitTotal(result.tokensOut, n);
    const cost = splitTotal(result.costMicros, n);
    const origin: HintOrigin = {
      provider: result.provider,
      model: result.model,
      cached: result.cached,
      fallback: result.fallback,
    };
    const hints = result.hints.map((h, i) => {
      const id = keep[i];
      const kept = id ? stored.get(id) : undefined;
      if (kept) stored.delete(kept.id);
      const row = kept ?? createHint(em, run, h, origin, clock());
      row.model = result.model;
      row.cached = result.cached;
      row.fallback = result.fallback;
      row.latencyMs = Math.round(result.latencyMs);
      row.tokensIn = tokensIn[i] ?? 0;
      row.tokensOut = tokensOut[i] ?? 0;
      row.costMicros = cost[i] ?? 0;
      return row;
    });
    for (const replaced of stored.values()) em.remove(replaced);
    for (const hint of hints)
      stageEvent<HintDeliveredPayload>(
        em,
        EventTypes.coachingHintDelivered,
        run.tenantId,
        deliveredPayload(run, hint),
      );
    await em.flush();
    const qualification = await em.findOne(Qualification, { sessionId: run.sessionId });
    return { hints, qualification };
  });
}

/** Removes every row a run stored (the run failed after storing some hints). */
export async function discardRun(rt: CoachingRuntime, run: CoachRun): Promise<void> {
  await withTenantScope(rt.orm, run.tenantId, async (em) => {
    const rows = await em.find(CoachingHint, { sessionId: run.sessionId, requestId: run.runId });
    for (const row of rows) em.remove(row);
    await em.flush();
  });
}

export function deliveredPayload(
  run: Pick<CoachRun, 'locationId' | 'apiKeyId' | 'partnerAppId'>,
  h: CoachingHint,
): HintDeliveredPayload {
  return {
    hintId: h.id,
    sessionId: h.sessionId,
    agentId: h.agentId,
    locationId: run.locationId,
    category: h.category,
    model: h.model,
    cached: h.cached,
    fallback: h.fallback,
    latencyMs: h.latencyMs,
    tokensIn: h.tokensIn,
    tokensOut: h.tokensOut,
    costMicros: h.costMicros,
    apiKeyId: run.apiKeyId,
    partnerAppId: run.partnerAppId,
  };
}
