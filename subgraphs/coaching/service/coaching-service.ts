/**
 * The coaching mutations as plain functions `(ctx, input)`: validate, check scope and visibility, write,
 * and hand the model work to the background (the mutation never waits for the model).
 */
import { BadUserInputError, NotFoundError } from '../../../core/errors';
import {
  CoachingKind,
  CoachingRunStatus,
  EventTypes,
  type HintFeedbackPayload,
  HintStatus,
  HintVerdict,
  Speaker,
  TurnSource,
} from '../../../core/vocabulary';
import type { CoachRequest } from '../engine/types';
import {
  CoachingHint,
  MAX_TURN_TEXT,
  Qualification,
  type ConversationTurn,
  type SessionView,
} from '../entities';
import { requireVisibleSession, requireWrite } from './access';
import { buildCoachRequest } from './coach-request';
import { launchCoachingRun, newRunId } from './coach-session';
import type { ServiceCtx } from './context';
import { takeHints, type QuotaGrant } from './quota';
import { stageEvent } from './publish';
import { recordTurn } from './turns';
import { requireActive } from './session-ended';
import * as check from '../../../core/validation';
import { validateEnum } from './validation';

export const MAX_QUESTION = 1000;
export const MAX_COMMENT = 1000;

export interface AddTurnInput {
  sessionId: string;
  speaker: Speaker;
  text: string;
  coach?: boolean | null;
}

export interface CoachingRunView {
  id: string;
  sessionId: string;
  status: CoachingRunStatus;
}

function startRun(
  ctx: ServiceCtx,
  session: SessionView,
  runId: string,
  request: CoachRequest,
  grant?: QuotaGrant,
): void {
  launchCoachingRun(ctx.rt, {
    runId,
    tenantId: session.tenantId,
    sessionId: session.sessionId,
    agentId: session.agentId,
    locationId: session.locationId,
    request,
    apiKeyId: ctx.principal.apiKeyId ?? null,
    partnerAppId: ctx.principal.partnerAppId ?? null,
    ...(grant ? { grant } : {}),
  });
}

export async function addConversationTurn(ctx: ServiceCtx, input: AddTurnInput): Promise<ConversationTurn> {
  requireWrite(ctx.principal);
  const sessionId = check.externalId('input.sessionId', input.sessionId);
  const speaker = validateEnum('input.speaker', input.speaker, [Speaker.LEAD, Speaker.AGENT]);
  const text = check.text('input.text', input.text, MAX_TURN_TEXT);
  const session = await requireVisibleSession(ctx, sessionId);
  requireActive(session);
  const coach = input.coach !== false && speaker === Speaker.LEAD;
  const recorded = await recordTurn(
    ctx.rt,
    ctx.em,
    session,
    { speaker, text, source: TurnSource.API },
    coach ? { kind: 'QUICK' } : null,
  );
  if (!recorded) throw new Error('turn without external id reported as duplicate');
  if (recorded.request) startRun(ctx, session, newRunId(), recorded.request);
  ctx.rt.proactive.onTurn(session, recorded.turn, recorded.request !== null);
  return recorded.turn;
}

export interface RequestCoachingInput {
  sessionId: string;
  question?: string | null;
  kind?: CoachingKind | null;
}

export async function requestCoaching(
  ctx: ServiceCtx,
  input: RequestCoachingInput,
): Promise<CoachingRunView> {
  requireWrite(ctx.principal);
  const sessionId = check.externalId('sessionId', input.sessionId);
  const question = check.optionalText('question', input.question, MAX_QUESTION);
  const kind: CoachingKind = validateEnum('kind', input.kind ?? CoachingKind.QUICK, [
    CoachingKind.QUICK,
    CoachingKind.DEEP,
  ]);
  const session = await requireVisibleSession(ctx, sessionId);
  requireActive(session);
  const request = await buildCoachRequest(ctx.em, {
    session,
    kind,
    ...(question ? { question } : {}),
    recentTurnCount: ctx.rt.options.recentTurns,
    awaitProfile: { arrivals: ctx.rt.arrivals, tenantId: session.tenantId },
    qualification: await ctx.em.findOne(Qualification, { sessionId }),
  });
  if (request.turns.length === 0 && !question) {
    throw new BadUserInputError('question', 'the session has no turns yet: ask a question');
  }
  // Taken before answering, so the answer is QUOTA_EXCEEDED when the run could not keep a single hint.
  const grant = await takeHints(ctx.rt, ctx.principal.tenantId, { em: ctx.em });
  const runId = newRunId();
  startRun(ctx, session, runId, request, grant);
  return { id: runId, sessionId, status: CoachingRunStatus.RUNNING };
}

export interface RateHintInput {
  hintId: string;
  verdict: HintVerdict;
  comment?: string | null;
}

export async function rateHint(ctx: ServiceCtx, input: RateHintInput): Promise<CoachingHint> {
  requireWrite(ctx.principal);
  const hintId = check.externalId('hintId', input.hintId);
  const verdict = validateEnum('verdict', input.verdict, [HintVerdict.ACCEPTED, HintVerdict.DISMISSED]);
  const comment = check.optionalText('comment', input.comment, MAX_COMMENT);
  const hint = await ctx.em.findOne(CoachingHint, { id: hintId });
  if (!hint) throw new NotFoundError('CoachingHint', hintId);
  // A hint of an invisible session answers like a missing hint.
  await requireVisibleSession(ctx, hint.sessionId).catch((err: unknown) => {
    throw err instanceof NotFoundError ? new NotFoundError('CoachingHint', hintId) : err;
  });
  const status = verdict === HintVerdict.ACCEPTED ? HintStatus.ACCEPTED : HintStatus.DISMISSED;
  const changed = hint.status !== status || hint.feedbackComment !== comment;
  if (!changed) return hint;
  const verdictChanged = hint.status !== status;
  hint.status = status;
  hint.feedbackComment = comment;
  hint.ratedAt = new Date();
  if (verdictChanged) {
    stageEvent<HintFeedbackPayload>(ctx.em, EventTypes.coachingHintFeedback, hint.tenantId, {
      hintId: hint.id,
      sessionId: hint.sessionId,
      agentId: hint.agentId,
      verdict,
    });
  }
  await ctx.em.flush();
  return hint;
}
