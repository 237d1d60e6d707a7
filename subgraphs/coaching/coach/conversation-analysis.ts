/**
 * One offline-coach analysis per lead turn (issue 13). The qualification update and the engine both ran the
 * whole offline coach on the same conversation — its costliest part (slots, classification) twice per turn.
 * The qualification now computes the analysis once and hands it to the engine inside the turn's
 * CoachRequest; the engine reuses it only when it was made for the same tenant and session from exactly
 * the inputs the analysis reads (`analysisKey`), and otherwise analyses anew. Nothing is kept between
 * requests: there is no cache a second tenant, session or turn could read from.
 */
import { createHash } from 'node:crypto';
import { analyseConversation, coachFromAnalysis, coachNow, offlineCoach } from './offline-coach';
import type { CoachInput, CoachOutput, ConversationAnalysis } from './types';

/** Whose conversation an analysis belongs to. */
export interface AnalysisScope {
  tenantId: string;
  sessionId: string;
}

export interface SharedAnalysis extends AnalysisScope {
  /** `analysisKey` of the input it was computed from. */
  key: string;
  analysis: ConversationAnalysis;
}

/**
 * A digest of everything `analyseConversation` reads: the role, the vertical, the remembered facts, every
 * turn (speaker and text) and the calendar day of the reference date (relative dates are resolved by month
 * today; the day is stricter).
 */
export function analysisKey(input: CoachInput): string {
  const now = coachNow(input);
  const day = `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
  const turns = input.turns.map((t) => [t.speaker, t.text]);
  const material = [input.agent.role, input.vertical ?? null, day, input.remembered ?? null, turns];
  return createHash('sha256').update(JSON.stringify(material)).digest('base64url');
}

/** Analyses `input` for `scope`, keeping what is needed to reuse the analysis for the same conversation. */
export function shareAnalysis(scope: AnalysisScope, input: CoachInput): SharedAnalysis {
  return {
    tenantId: scope.tenantId,
    sessionId: scope.sessionId,
    key: analysisKey(input),
    analysis: analyseConversation(input),
  };
}

/** Whether `shared` was made for this tenant's session from the very inputs of `input`. */
export function fitsAnalysis(shared: SharedAnalysis, scope: AnalysisScope, input: CoachInput): boolean {
  return (
    shared.tenantId === scope.tenantId &&
    shared.sessionId === scope.sessionId &&
    shared.key === analysisKey(input)
  );
}

/**
 * The offline coach's answer for `input`: from `shared` when it fits (a copy, so neither user can change
 * the other's slots), else a fresh analysis — the same output either way.
 */
export function coachWithShared(
  input: CoachInput,
  scope: AnalysisScope,
  shared: SharedAnalysis | undefined,
): CoachOutput {
  if (shared && fitsAnalysis(shared, scope, input)) {
    return coachFromAnalysis(input, structuredClone(shared.analysis));
  }
  return offlineCoach(input);
}
