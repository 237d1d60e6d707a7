/**
 * What a reply drafter implements (draftReply): four steps over one coaching moment — analyze the lead,
 * retrieve the context that matters, plan the reply, write it — each an independent call so the caller can
 * run the independent ones in parallel and stop at a time budget. `begin(request)` opens one drafting run
 * (a model run keeps one redactor across its calls: placeholders mean the same in every step and are
 * restored in what comes back). Implementations: the model (anthropic-draft.ts) and the offline coach
 * (offline-draft.ts, instant, no key).
 */
import type { CoachRequest } from '../types';

export type LeadSentiment = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

export interface LeadAnalysis {
  /** What the lead wants now, in a few words. */
  intent: string;
  sentiment: LeadSentiment;
  objections: string[];
  /** One sentence on where the conversation stands. */
  summary: string;
}

export interface RetrievedContext {
  /** What the reply should take into account: remembered facts, known needs, earlier commitments. */
  facts: string[];
}

export interface ReplyPlan {
  goal: string;
  points: string[];
}

export interface StepOutcome<T> {
  value: T;
  /** The model that answered (the offline coach's id offline). */
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export interface DraftCalls {
  analyze(signal: AbortSignal): Promise<StepOutcome<LeadAnalysis>>;
  retrieve(signal: AbortSignal): Promise<StepOutcome<RetrievedContext>>;
  plan(a: LeadAnalysis, c: RetrievedContext, signal: AbortSignal): Promise<StepOutcome<ReplyPlan>>;
  /** The reply to send the lead, in the agent's voice. */
  draft(
    a: LeadAnalysis,
    c: RetrievedContext,
    p: ReplyPlan,
    signal: AbortSignal,
  ): Promise<StepOutcome<string>>;
}

export interface DraftModel {
  readonly kind: 'anthropic' | 'offline';
  begin(req: CoachRequest): DraftCalls;
}
