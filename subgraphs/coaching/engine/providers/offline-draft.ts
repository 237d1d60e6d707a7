/**
 * The offline drafter: every step from the rule coach's analysis of the turns (offline-coach.ts) — instant,
 * deterministic, free. It answers draftReply without a model key, and fills any step the model did not
 * finish within the budget.
 */
import { offlineCoach } from '../../coach/offline-coach';
import type { CoachOutput } from '../../coach/types';
import type { CoachRequest } from '../types';
import { OFFLINE_MODEL } from './offline';
import type {
  DraftCalls,
  DraftModel,
  LeadAnalysis,
  ReplyPlan,
  RetrievedContext,
  StepOutcome,
} from './draft-model';

const NEGATIVE =
  /\b(not interested|too (?:high|expensive|much)|frustrat|annoy|disappoint|upset|stop|no longer)\b/i;
const POSITIVE = /\b(great|love|perfect|excited|sounds good|thank|ready)\b/i;

const done = <T>(value: T): Promise<StepOutcome<T>> =>
  Promise.resolve({ value, model: OFFLINE_MODEL, tokensIn: 0, tokensOut: 0 });

function lastLead(req: CoachRequest): string {
  return [...req.turns].reverse().find((t) => t.speaker === 'LEAD')?.text ?? req.question ?? '';
}

/** The rule coach's analysis of a coaching moment (slots, qualification, hints). */
export function analyzeOffline(req: CoachRequest): CoachOutput {
  return offlineCoach({
    agent: req.agent,
    stage: req.stage,
    turns: req.turns,
    ...(req.question ? { question: req.question } : {}),
    ...(req.vertical ? { vertical: req.vertical } : {}),
    ...(req.remembered ? { remembered: req.remembered } : {}),
  });
}

export function offlineAnalysis(req: CoachRequest, out: CoachOutput): LeadAnalysis {
  const text = lastLead(req);
  const primary = out.hints[0];
  return {
    intent: (primary?.category ?? 'GENERAL').toLowerCase().replace(/_/g, ' '),
    sentiment: NEGATIVE.test(text) ? 'NEGATIVE' : POSITIVE.test(text) ? 'POSITIVE' : 'NEUTRAL',
    objections: out.hints.flatMap((h) => (h.objection ? [h.objection] : [])),
    summary: text ? `The lead last said: "${text.slice(0, 160)}"` : 'The conversation has not started.',
  };
}

export function offlineContext(req: CoachRequest, out: CoachOutput): RetrievedContext {
  const known = Object.entries(out.slots)
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return { facts: [...known, ...(req.memory ?? [])].slice(0, 8) };
}

export function offlinePlan(out: CoachOutput): ReplyPlan {
  const next = out.qualification.nextQuestion;
  return {
    goal: out.hints[0]?.text ?? 'Keep the conversation moving toward a next step.',
    points: [...out.hints.slice(1).map((h) => h.text), ...(next ? [`Ask: ${next}`] : [])].slice(0, 4),
  };
}

export function offlineReply(out: CoachOutput): string {
  const next = out.qualification.nextQuestion;
  const ask = next ?? 'Would you have 15 minutes this week for a quick call to go over next steps?';
  return `Thanks for getting back to me! ${ask}`;
}

export function createOfflineDrafter(): DraftModel {
  return {
    kind: 'offline',
    begin(req): DraftCalls {
      let analysis: CoachOutput | null = null;
      const out = () => (analysis ??= analyzeOffline(req));
      return {
        analyze: () => done(offlineAnalysis(req, out())),
        retrieve: () => done(offlineContext(req, out())),
        plan: () => done(offlinePlan(out())),
        draft: () => done(offlineReply(out())),
      };
    },
  };
}
