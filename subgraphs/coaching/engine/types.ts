/**
 * The coaching engine's contract: what the coaching subgraph's service hands it (a request built from
 * the session, the agent's profile read model and the recent turns) and what comes back (streamed
 * deltas, then validated hints with model/cost/latency accounting).
 */
import type { AgentProfileView, CoachOutput, Slots, Turn } from '../coach/types';
import type { CoachingVariant } from '../coach/variants';
import type { SharedAnalysis } from '../coach/conversation-analysis';
import type { ConversationStage, HintCategory, ObjectionType } from '../../../core/vocabulary';

export type CoachingKind = 'QUICK' | 'DEEP';

export interface TenantModelConfig {
  quickModel?: string;
  deepModel?: string;
}

export interface CoachRequest {
  tenantId: string;
  sessionId: string;
  agent: AgentProfileView;
  stage: ConversationStage;
  turns: Turn[];
  question?: string;
  /** What is already known about the lead (merged from earlier turns). */
  known: Slots;
  vertical?: string;
  /** Contact memory: facts and summaries from earlier sessions with this contact, as lines for the model. */
  memory?: string[];
  /** The contact's facts from earlier sessions, as slots (the offline coach treats them as known). */
  remembered?: Slots;
  kind: CoachingKind;
  models?: TenantModelConfig;
  /** The approach the hints are written in, picked by the bandit for (tenant, role, stage); absent: DIRECT. */
  variant?: CoachingVariant;
  /** The contact's name(s) when known (redacted before the model call, like the agent's name). */
  contactNames?: string[];
  /**
   * The offline coach's analysis of these turns made while recording the turn; used only when it fits this
   * request's tenant, session and inputs (coach/conversation-analysis.ts).
   */
  sharedAnalysis?: SharedAnalysis;
}

export interface GeneratedHint {
  category: HintCategory;
  objection?: ObjectionType;
  text: string;
  rationale: string;
  confidence: number;
}

/** Where a completed hint came from. Final for that hint; the run's usage arrives with the CoachResult. */
export interface HintOrigin {
  provider: 'anthropic' | 'offline';
  /** The model that answered (OFFLINE_MODEL for the rule coach). */
  model: string;
  /** From the response cache, or shared from an identical in-flight request. */
  cached: boolean;
  /** The offline coach answered because the model failed or model calls are paused. */
  fallback: boolean;
}

/**
 * Per hint index: `started`, `delta`…, `completed`. `completed` for hint i comes as soon as hint i is
 * complete and valid (a model answer's hint i before hint i+1 streams), so it may precede the end of the
 * run. A `started` for an index already seen — streamed or completed — means that hint is being replaced
 * (the model failed and the offline coach answers from index 0, or the Fair Housing guardrail withheld it
 * after some of its text had gone out): reset it. `completed` is authoritative. Delta text has passed the
 * guardrail (event-pipeline.ts).
 */
export type EngineEvent =
  /** A hint started streaming (index = position in this response), or restarts (see above). */
  | { type: 'started'; index: number }
  /** More text of hint `index`. */
  | { type: 'delta'; index: number; text: string }
  /** Hint `index` is complete and validated. The engine always sets `origin`; other engines may not. */
  | { type: 'completed'; index: number; hint: GeneratedHint; origin?: HintOrigin };

export interface CoachResult {
  hints: GeneratedHint[];
  /** The offline coach's analysis of the turns (slots, qualification, suggested stage, signals). */
  analysis: CoachOutput;
  provider: 'anthropic' | 'offline';
  model: string;
  cached: boolean;
  fallback: boolean;
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  /** Set when the Fair Housing guardrail replaced a generated hint. */
  guardrailTriggered: boolean;
}

export interface CoachingEngine {
  run(req: CoachRequest, onEvent?: (e: EngineEvent) => void): Promise<CoachResult>;
  close?(): Promise<void>;
}
