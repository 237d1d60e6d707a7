/**
 * draftReply's pipeline: analyze the lead ∥ retrieve the context (independent model calls, in parallel),
 * then plan, then draft — the whole under a time budget. At the deadline every call still in flight is
 * aborted and the best available answer is returned at once: each step the model did not finish (late or
 * failed) is filled by the offline drafter, and `budgetExceeded` says the budget cut it short. The Fair
 * Housing guardrail judges the draft before it is returned (a steering draft is withheld and replaced).
 */
import { checkSteering } from '../engine/guardrail';
import type {
  DraftCalls,
  DraftModel,
  LeadAnalysis,
  ReplyPlan,
  RetrievedContext,
  StepOutcome,
} from '../engine/providers/draft-model';
import type { CoachRequest } from '../engine/types';

export type DraftStepName = 'ANALYZE' | 'RETRIEVE' | 'PLAN' | 'DRAFT';
/** MODEL: the model answered in time; OFFLINE: no model (no key); TIMED_OUT / FAILED: the offline step replaced it. */
export type DraftStepSource = 'MODEL' | 'OFFLINE' | 'TIMED_OUT' | 'FAILED';

export interface DraftStepReport {
  step: DraftStepName;
  source: DraftStepSource;
  /** When the call started and ended, ms after the draft started (ended = the deadline for a TIMED_OUT one). */
  startedMs: number;
  endedMs: number;
  model: string;
}

export interface DraftOutcome {
  text: string;
  analysis: LeadAnalysis;
  context: RetrievedContext;
  plan: ReplyPlan;
  steps: DraftStepReport[];
  budgetMs: number;
  elapsedMs: number;
  budgetExceeded: boolean;
  /** The draft steered by a protected class and was replaced. */
  guardrailTriggered: boolean;
  tokensIn: number;
  tokensOut: number;
}

/** What the reply says when the guardrail withheld both the model's and the offline draft. */
export const SAFE_REPLY =
  'Thanks for your message! I can send you the listings that match your criteria — price, size, commute ' +
  'and school data — so you can compare them and choose what suits you best.';

const LATE = Symbol('late');

interface Clock {
  signal: AbortSignal;
  /** Resolves with LATE at the deadline. */
  deadline: Promise<typeof LATE>;
  now(): number;
  expired(): boolean;
}

function startClock(budgetMs: number): Clock & { stop(): void } {
  const t0 = performance.now();
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => {
      ac.abort(new Error('draft budget exceeded'));
      resolve(LATE);
    }, budgetMs);
  });
  return {
    signal: ac.signal,
    deadline,
    now: () => Math.round(performance.now() - t0),
    expired: () => ac.signal.aborted,
    stop: () => clearTimeout(timer),
  };
}

interface StepRun<T> {
  value: T;
  report: DraftStepReport;
  tokensIn: number;
  tokensOut: number;
}

/** Runs one model step against the deadline; a late or failed one gives way to the offline step. */
async function step<T>(
  clock: Clock,
  name: DraftStepName,
  call: ((signal: AbortSignal) => Promise<StepOutcome<T>>) | null,
  offline: () => Promise<StepOutcome<T>>,
): Promise<StepRun<T>> {
  const startedMs = clock.now();
  const fallback = async (source: DraftStepSource): Promise<StepRun<T>> => {
    const o = await offline();
    return {
      value: o.value,
      tokensIn: 0,
      tokensOut: 0,
      report: { step: name, source, startedMs, endedMs: clock.now(), model: o.model },
    };
  };
  if (!call) return fallback('OFFLINE');
  if (clock.expired()) return fallback('TIMED_OUT');
  const settled = await Promise.race([
    call(clock.signal).then(
      (o) => ({ ok: true as const, o }),
      () => ({ ok: false as const }),
    ),
    clock.deadline,
  ]);
  if (settled === LATE || (!settled.ok && clock.expired())) return fallback('TIMED_OUT');
  if (!settled.ok) return fallback('FAILED');
  const { o } = settled;
  return {
    value: o.value,
    tokensIn: o.tokensIn,
    tokensOut: o.tokensOut,
    report: { step: name, source: 'MODEL', startedMs, endedMs: clock.now(), model: o.model },
  };
}

export interface DraftModels {
  /** The model drafter; null without a model key (everything offline). */
  model: DraftModel | null;
  offline: DraftModel;
}

export async function runDraft(
  models: DraftModels,
  req: CoachRequest,
  budgetMs: number,
): Promise<DraftOutcome> {
  const clock = startClock(budgetMs);
  const m: DraftCalls | null = models.model?.begin(req) ?? null;
  const off = models.offline.begin(req);
  try {
    const [a, c] = await Promise.all([
      step(clock, 'ANALYZE', m ? (s) => m.analyze(s) : null, () => off.analyze(clock.signal)),
      step(clock, 'RETRIEVE', m ? (s) => m.retrieve(s) : null, () => off.retrieve(clock.signal)),
    ]);
    const p = await step(clock, 'PLAN', m ? (s) => m.plan(a.value, c.value, s) : null, () =>
      off.plan(a.value, c.value, clock.signal),
    );
    const d = await step(clock, 'DRAFT', m ? (s) => m.draft(a.value, c.value, p.value, s) : null, () =>
      off.draft(a.value, c.value, p.value, clock.signal),
    );
    const steps = [a, c, p, d];
    let text = d.value.trim();
    let guardrailTriggered = false;
    if (!text || checkSteering(text).blocked) {
      guardrailTriggered = text !== '';
      const offline = (await off.draft(a.value, c.value, p.value, clock.signal)).value;
      text = checkSteering(offline).blocked ? SAFE_REPLY : offline;
    }
    return {
      text,
      analysis: a.value,
      context: c.value,
      plan: p.value,
      steps: steps.map((s) => s.report),
      budgetMs,
      elapsedMs: clock.now(),
      budgetExceeded: steps.some((s) => s.report.source === 'TIMED_OUT'),
      guardrailTriggered,
      tokensIn: steps.reduce((n, s) => n + s.tokensIn, 0),
      tokensOut: steps.reduce((n, s) => n + s.tokensOut, 0),
    };
  } finally {
    clock.stop();
  }
}
