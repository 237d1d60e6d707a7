/** A stored hint with a strategy, for the bandit's tests (what hint-store.ts writes for a coaching run). */
import { randomUUID } from 'node:crypto';
import { AgentRole, ConversationStage, HintCategory, HintStatus } from '../../../../core/vocabulary';
import type { CoachingVariant } from '../../../../subgraphs/coaching/coach/variants';
import type { CoachingHint } from '../../../../subgraphs/coaching/entities';

export const ROLE = AgentRole.BUYER_AGENT;
export const STAGE = ConversationStage.QUALIFICATION;

export function hintRow(
  tenantId: string,
  variant: CoachingVariant,
  over: Partial<CoachingHint> = {},
): Partial<CoachingHint> {
  return {
    id: randomUUID(),
    tenantId,
    sessionId: randomUUID(),
    agentId: randomUUID(),
    locationId: null,
    requestId: randomUUID(),
    category: HintCategory.OBJECTION_HANDLING,
    objection: null,
    text: 'x',
    rationale: 'y',
    confidence: 0.5,
    model: 'offline-coach-v1',
    cached: false,
    fallback: false,
    latencyMs: 0,
    tokensIn: 0,
    tokensOut: 0,
    costMicros: 0,
    status: HintStatus.SHOWN,
    feedbackComment: null,
    ratedAt: null,
    createdAt: new Date(),
    variant,
    strategyRole: ROLE,
    strategyStage: STAGE,
    ...over,
  };
}
