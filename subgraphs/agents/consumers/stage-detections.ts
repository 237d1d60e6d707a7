/**
 * The `agents-stages` consumer group: `coaching.session.stage_detected`, coaching's fact that a lead's
 * turn moved the conversation to another stage. Agents owns `AgentSession.stage`, so it applies the stage to
 * the session and stages `agents.session.upserted` (coaching's read model and every other consumer learn it
 * from there). Not applied to an ended session, nor when the session was changed after the detection (a
 * manager's `updateAgentSession` after that turn wins over it). A redelivered event is skipped (`consumeOnce`).
 */
import type { Orm } from '../../../core/db/orm';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import {
  ConversationStage,
  type EventEnvelope,
  EventTypes,
  type SessionStageDetectedPayload,
} from '../../../core/vocabulary';
import { AgentSession } from '../entities/agent-session';
import { stageSessionsUpserted } from '../service/events';
import { isUuid } from '../service/validation';

export const AGENTS_STAGES_CONSUMER = 'agents-stages';

export interface StageDetection {
  sessionId: string;
  stage: ConversationStage;
  detectedAt: Date;
}

/** The detection in `payload`, or a reason it is unusable. */
export function parseStageDetection(payload: unknown): StageDetection | string {
  if (typeof payload !== 'object' || payload === null) return 'payload is not an object';
  const p = payload as Partial<Record<keyof SessionStageDetectedPayload, unknown>>;
  if (typeof p.sessionId !== 'string' || !isUuid(p.sessionId)) return 'sessionId must be a UUID';
  if (typeof p.stage !== 'string' || !(Object.values(ConversationStage) as string[]).includes(p.stage))
    return 'stage is not a ConversationStage';
  const at = typeof p.detectedAt === 'string' ? new Date(p.detectedAt) : new Date(NaN);
  if (Number.isNaN(at.getTime())) return 'detectedAt must be an ISO time';
  return { sessionId: p.sessionId.toLowerCase(), stage: p.stage as ConversationStage, detectedAt: at };
}

export type StageOutcome = 'applied' | 'unchanged' | 'unknown-session' | 'ended' | 'stale';

export function stageDetectionHandler(deps: {
  orm: Orm;
  logger: Logger;
}): (event: EventEnvelope) => Promise<void> {
  const { orm, logger } = deps;
  return async (event) => {
    if (event.type !== EventTypes.coachingStageDetected) return;
    const log = logger.child({ eventId: event.id, type: event.type, tenantId: event.tenantId });
    const detection = parseStageDetection(event.payload);
    if (typeof detection === 'string') {
      log.warn({ reason: detection }, 'malformed stage detection: ignored');
      return;
    }
    let outcome = 'unchanged' as StageOutcome;
    await consumeOnce({
      orm,
      consumer: AGENTS_STAGES_CONSUMER,
      event,
      handle: async (em) => {
        const session = await em.findOne(AgentSession, { id: detection.sessionId });
        if (!session) outcome = 'unknown-session';
        else if (!session.active) outcome = 'ended';
        else if (session.stage === detection.stage) outcome = 'unchanged';
        else if (session.updatedAt.getTime() > detection.detectedAt.getTime()) outcome = 'stale';
        else {
          session.stage = detection.stage;
          // the change is as of the turn: a later turn's detection is never older than it
          session.updatedAt = detection.detectedAt;
          stageSessionsUpserted(em, [session]);
          outcome = 'applied';
        }
      },
    });
    if (outcome !== 'applied' && outcome !== 'unchanged')
      log.info({ sessionId: detection.sessionId, outcome }, 'detected stage not applied');
  };
}
