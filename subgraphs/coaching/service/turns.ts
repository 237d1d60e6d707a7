/**
 * Recording a conversation turn — shared by the `addConversationTurn` mutation and the GHL webhook:
 * store the turn; for a LEAD turn update the qualification, stage and contact memory, and (when coaching
 * is wanted) build the engine request. The caller starts the coaching run, which never blocks it.
 */
import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import {
  type ConversationStage,
  EventTypes,
  type QualificationUpdatedPayload,
  type SessionStageDetectedPayload,
  Speaker,
  TurnSource,
} from '../../../core/vocabulary';
import type { CoachRequest, CoachingKind } from '../engine/types';
import { ConversationTurn, MAX_TURN_TEXT, SessionView, type Qualification } from '../entities';
import type { CoachingRuntime } from '../runtime';
import { qualificationDto } from './channels';
import { agentView, buildCoachRequest, recentTurns } from './coach-request';
import { publishToSession, stageEvent } from './publish';
import { learnFromLeadTurn } from '../learning/outcomes';
import { rememberContact, updateQualification } from './qualification';
import { sessionVertical } from './vertical';
import { loadTurnMemory, turnSessionMemory } from './turn-memory';

export interface NewTurn {
  speaker: Speaker;
  text: string;
  source: TurnSource;
  at?: Date;
  externalId?: string | null;
}

export interface RecordedTurn {
  turn: ConversationTurn;
  qualification: Qualification | null;
  /** Set for a LEAD turn when coaching was asked for. */
  request: CoachRequest | null;
}

let lastStamp = 0;
/** Strictly increasing timestamps within the process, so turns recorded in one millisecond keep their order. */
export function turnTimestamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

/**
 * Turns of one session run one at a time: concurrent first turns would each create the session's
 * qualification row (unique per session) and all but one failed. On PostgreSQL the session's read-model
 * row is locked for the rest of the caller's transaction; SQLite serializes writers by itself.
 */
async function lockSession(em: EntityManager, session: SessionView): Promise<void> {
  if (!em.getPlatform().constructor.name.startsWith('PostgreSql')) return;
  await em.findOne(
    SessionView,
    { sessionId: session.sessionId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/** The events a LEAD turn's qualification update raises: a new score, a detected stage. */
function stageQualificationEvents(
  em: EntityManager,
  session: SessionView,
  qualification: Qualification,
  change: { scoreChanged: boolean; previousStage: ConversationStage; at: Date },
): void {
  if (change.scoreChanged) {
    stageEvent<QualificationUpdatedPayload>(em, EventTypes.coachingQualificationUpdated, session.tenantId, {
      sessionId: session.sessionId,
      agentId: session.agentId,
      locationId: session.locationId,
      score: qualification.score,
    });
  }
  if (qualification.stage !== change.previousStage) {
    // agents owns AgentSession.stage: it applies the detected stage (subgraphs/agents/consumers/stage-detections.ts)
    stageEvent<SessionStageDetectedPayload>(em, EventTypes.coachingStageDetected, session.tenantId, {
      sessionId: session.sessionId,
      agentId: session.agentId,
      stage: qualification.stage,
      previousStage: change.previousStage,
      detectedAt: change.at.toISOString(),
    });
  }
}

/** Returns null when a turn with the same external id (GHL message id) is already stored. */
export async function recordTurn(
  rt: CoachingRuntime,
  em: EntityManager,
  session: SessionView,
  input: NewTurn,
  coach: { kind: CoachingKind } | null,
): Promise<RecordedTurn | null> {
  await lockSession(em, session);
  const externalId = input.externalId ?? null;
  if (externalId !== null && (await em.count(ConversationTurn, { externalId })) > 0) return null;
  const turn = em.create(ConversationTurn, {
    id: randomUUID(),
    tenantId: session.tenantId,
    sessionId: session.sessionId,
    speaker: input.speaker,
    text: input.text.slice(0, MAX_TURN_TEXT),
    at: input.at ?? turnTimestamp(),
    source: input.source,
    externalId,
  });
  await em.flush();
  if (input.speaker !== Speaker.LEAD) return { turn, qualification: null, request: null };

  const agent = await agentView(em, session.agentId, { arrivals: rt.arrivals, tenantId: session.tenantId });
  const vertical = await sessionVertical(em, session, { arrivals: rt.arrivals, tenantId: session.tenantId });
  const turns = await recentTurns(em, session.sessionId, rt.options.recentTurns);
  const memory = await loadTurnMemory(em, session);
  const { qualification, scoreChanged, previousStage, analysis } = await updateQualification(
    em,
    session,
    agent,
    turns,
    turn.at,
    vertical,
    memory,
  );
  await rememberContact(em, session, qualification.slots, turn.at, memory);
  stageQualificationEvents(em, session, qualification, { scoreChanged, previousStage, at: turn.at });
  // the coaching bandit learns the lead replied, in what tone, and whether the stage advanced (learning/outcomes.ts)
  await learnFromLeadTurn(em, {
    sessionId: session.sessionId,
    turn,
    stageBefore: previousStage,
    stageAfter: qualification.stage,
  });
  await em.flush();
  await publishToSession(rt, session.tenantId, session.sessionId, {
    kind: 'session',
    update: {
      sessionId: session.sessionId,
      stage: qualification.stage,
      qualification: qualificationDto(qualification),
    },
  });
  const request = coach
    ? await buildCoachRequest(em, {
        session,
        kind: coach.kind,
        recentTurnCount: rt.options.recentTurns,
        agent,
        turns,
        qualification,
        vertical,
        sharedAnalysis: analysis,
        memory: turnSessionMemory(memory, session),
      })
    : null;
  return { turn, qualification, request };
}
