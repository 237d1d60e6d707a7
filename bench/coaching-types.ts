/** Shared shapes of the coaching bench: what the parent asks the worker for and what comes back. */
import type { LatencySummary } from './stats';

export interface CoachingScenarioSpec {
  id: string;
  wsUrl: string;
  connectionParams: Record<string, string>;
  subscription: string;
  mutationUrl: string;
  mutationHeaders: Record<string, string>;
  sessionIds: string[];
}

export interface CoachingJob {
  scenarios: CoachingScenarioSpec[];
  /** Turns per path sent one at a time (nothing else in flight): latency without queueing. */
  sequentialTurns: number;
  bursts: number;
  spreadMs: number;
  leadTexts: string[];
  /** Longest wait for a burst's events before its missing runs are counted. */
  burstTimeoutMs: number;
}

export type CoachingPhase = 'sequential' | 'burst';

export interface CoachingPhaseResult {
  turns: number;
  ack: LatencySummary;
  started: LatencySummary;
  delta: LatencySummary;
  completed: LatencySummary;
  /** Turns whose subscriber saw neither COMPLETED nor FAILED (timed out, or its subscription broke). */
  missing: number;
  failedEvents: number;
  /** Events that carried GraphQL errors. */
  eventErrors: number;
  mutationErrors: number;
  firstError?: string;
  hintsCompleted: number;
  cachedHints: number;
  /** Wall time of the measured bursts (s). */
  seconds: number;
  /** Measured bursts (each turn is its own burst in the sequential phase). */
  bursts: number;
}

export interface CoachingScenarioResult {
  id: string;
  sessions: number;
  sequential: CoachingPhaseResult;
  burst: CoachingPhaseResult;
  /** Events that arrived outside any burst (should be 0). */
  strays: number;
}

export interface CoachingResult {
  results: CoachingScenarioResult[];
  warmupRetries: number;
}

export function coachingMarkLabel(id: string, phase: CoachingPhase): string {
  return `coaching:${id}:${phase}`;
}

export const LEAD_TURN_MUTATION = `mutation BenchLeadTurn($input: AddConversationTurnInput!) {
  addConversationTurn(input: $input) { id }
}`;
