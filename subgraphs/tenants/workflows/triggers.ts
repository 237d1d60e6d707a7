/**
 * Which events fire which workflows. An event becomes at most one `Firing` (what happened, to whom, and
 * the key that makes it fire each workflow once); a workflow matches a firing of its trigger when its
 * condition holds (score ≥ minScore, the stage it waits for).
 */
import {
  ConversationStage,
  EventTypes,
  type AgentSessionUpsertedPayload,
  type AlertRaisedPayload,
  type EventEnvelope,
  type EventType,
  type HintFeedbackPayload,
  type QualificationUpdatedPayload,
} from '../../../core/vocabulary';
import type { Workflow } from './entities';
import { WorkflowTrigger } from './enums';

export const WORKFLOW_EVENT_TYPES: EventType[] = [
  EventTypes.coachingQualificationUpdated,
  EventTypes.agentSessionUpserted,
  EventTypes.analyticsAlertRaised,
  EventTypes.coachingHintFeedback,
];

export interface Firing {
  trigger: WorkflowTrigger;
  /** Once per workflow and key: `session:<id>` (score), `session:<id>:<stage>`, `alert:<id>`, `hint:<id>`. */
  triggerKey: string;
  agentId: string | null;
  sessionId: string | null;
  locationId: string | null;
  score?: number;
  stage?: ConversationStage;
  /** What the webhook's `data` carries: the event's payload. */
  data: Record<string, unknown>;
  /** The trigger in words (a task's detail). */
  detail: string;
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function qualification(p: QualificationUpdatedPayload): Firing | null {
  if (!str(p.sessionId) || typeof p.score !== 'number') return null;
  return {
    trigger: WorkflowTrigger.QUALIFICATION_SCORE,
    triggerKey: `session:${p.sessionId}`,
    agentId: p.agentId ?? null,
    sessionId: p.sessionId,
    locationId: p.locationId ?? null,
    score: p.score,
    data: { ...p },
    detail: `Session qualification score reached ${p.score}`,
  };
}

function stage(p: AgentSessionUpsertedPayload): Firing | null {
  if (!str(p.sessionId) || !str(p.stage)) return null;
  return {
    trigger: WorkflowTrigger.STAGE_REACHED,
    triggerKey: `session:${p.sessionId}:${p.stage}`,
    agentId: p.agentId ?? null,
    sessionId: p.sessionId,
    locationId: p.locationId ?? null,
    stage: p.stage,
    data: { ...p },
    detail: `Session reached stage ${p.stage}`,
  };
}

function alert(p: AlertRaisedPayload): Firing | null {
  if (!str(p.alertId)) return null;
  return {
    trigger: WorkflowTrigger.ALERT_RAISED,
    triggerKey: `alert:${p.alertId}`,
    agentId: null,
    sessionId: null,
    locationId: p.locationId ?? null,
    data: { ...p },
    detail: `Alert ${p.kind}: ${p.value} over threshold ${p.threshold}`,
  };
}

function hintAccepted(p: HintFeedbackPayload): Firing | null {
  if (!str(p.hintId) || p.verdict !== 'ACCEPTED') return null;
  return {
    trigger: WorkflowTrigger.HINT_ACCEPTED,
    triggerKey: `hint:${p.hintId}`,
    agentId: p.agentId ?? null,
    sessionId: p.sessionId ?? null,
    locationId: null,
    data: { ...p },
    detail: 'The agent accepted a coaching hint',
  };
}

/** The firing an event states, or null (another event type, a malformed payload, a dismissed hint). */
export function firingOf(event: EventEnvelope): Firing | null {
  const p = event.payload;
  if (typeof p !== 'object' || p === null) return null;
  switch (event.type) {
    case EventTypes.coachingQualificationUpdated:
      return qualification(p as QualificationUpdatedPayload);
    case EventTypes.agentSessionUpserted:
      return stage(p as AgentSessionUpsertedPayload);
    case EventTypes.analyticsAlertRaised:
      return alert(p as AlertRaisedPayload);
    case EventTypes.coachingHintFeedback:
      return hintAccepted(p as HintFeedbackPayload);
    default:
      return null;
  }
}

export function matches(workflow: Workflow, firing: Firing): boolean {
  if (!workflow.enabled || workflow.trigger !== firing.trigger) return false;
  switch (firing.trigger) {
    case WorkflowTrigger.QUALIFICATION_SCORE:
      return workflow.minScore !== null && (firing.score ?? -1) >= workflow.minScore;
    case WorkflowTrigger.STAGE_REACHED:
      return firing.stage === (workflow.stage ?? ConversationStage.UNDER_CONTRACT);
    default:
      return true;
  }
}
