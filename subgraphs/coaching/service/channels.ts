/**
 * The session channel (`coaching:session:<tenantId>:<sessionId>`) and what travels on it: hint events of
 * coaching runs and session updates. Plain JSON (the Redis implementation serializes it).
 */
import type { ConversationStage } from '../../../core/vocabulary';
import type { CoachingHint, Qualification } from '../entities';
import type { Slots } from '../coach/types';
import { type HintEventType } from '../../../core/vocabulary';

export function sessionChannel(tenantId: string, sessionId: string): string {
  return `coaching:session:${tenantId}:${sessionId}`;
}

/** A stored hint as published (dates as ISO strings). */
export type HintDto = Omit<CoachingHint, 'tenantId' | 'locationId' | 'createdAt' | 'ratedAt'> & {
  createdAt: string;
  ratedAt: string | null;
};

export interface QualificationDto {
  sessionId: string;
  slots: Slots;
  score: number;
  missing: string[];
  nextQuestion: string | null;
  stage: ConversationStage;
  updatedAt: string;
}

export interface HintEventPayload {
  type: HintEventType;
  runId: string;
  index: number;
  hint: HintDto | null;
  delta: string | null;
  error: string | null;
}

export interface SessionUpdatePayload {
  sessionId: string;
  stage: ConversationStage;
  qualification: QualificationDto | null;
  /** The session has ended (absent: false). */
  ended?: boolean;
}

export type SessionMessage =
  { kind: 'hint'; event: HintEventPayload } | { kind: 'session'; update: SessionUpdatePayload };

export function hintDto(h: CoachingHint): HintDto {
  return {
    id: h.id,
    sessionId: h.sessionId,
    agentId: h.agentId,
    requestId: h.requestId,
    category: h.category,
    objection: h.objection,
    text: h.text,
    rationale: h.rationale,
    nextBestAction: h.nextBestAction,
    reason: h.reason,
    detector: h.detector,
    confidence: h.confidence,
    model: h.model,
    cached: h.cached,
    fallback: h.fallback,
    latencyMs: h.latencyMs,
    tokensIn: h.tokensIn,
    tokensOut: h.tokensOut,
    costMicros: h.costMicros,
    status: h.status,
    feedbackComment: h.feedbackComment,
    createdAt: h.createdAt.toISOString(),
    ratedAt: h.ratedAt ? h.ratedAt.toISOString() : null,
    variant: h.variant,
    strategyRole: h.strategyRole,
    strategyStage: h.strategyStage,
  };
}

export function qualificationDto(q: Qualification): QualificationDto {
  return {
    sessionId: q.sessionId,
    slots: q.slots,
    score: q.score,
    missing: [...q.missing],
    nextQuestion: q.nextQuestion,
    stage: q.stage,
    updatedAt: q.updatedAt.toISOString(),
  };
}
