/**
 * Evaluator for the coach on labelled examples (coaching-devset.md format): runs the coach on each example and
 * scores it — category, objection type (among examples expecting one: category and type both right), slot
 * accuracy (expected slots extracted with exactly the expected value, areas as sets, ÷ (expected slots +
 * extracted slots that were not expected)), a confusion table and the misses. Breakdowns: ./eval-breakdown.ts;
 * the text report: ./eval-report.ts.
 */
import { ConversationStage, Experience, HintCategory, ObjectionType, Speaker } from '../../core/vocabulary';
import {
  SCORED_SLOT_KEYS,
  type CoachInput,
  type HintDraft,
  type ScoredSlotKey,
  type Slots,
} from '../../subgraphs/coaching/coach/types';
import { languageOf, type Example, type ExpectedSlots, type Language } from './examples';

export {
  ExampleFileError,
  LANGUAGES,
  languageOf,
  loadExamples,
  parseExamples,
  type Example,
  type ExpectedSlots,
  type Language,
} from './examples';

export type CoachFn = (input: CoachInput) => { hints: HintDraft[]; slots: Slots };

export interface SlotError {
  slot: ScoredSlotKey;
  kind: 'missing' | 'wrong' | 'unexpected';
  expected?: unknown;
  got?: unknown;
}

export interface Miss {
  id: string;
  expectedCategory: HintCategory;
  expectedObjection?: ObjectionType;
  gotCategory: HintCategory | null;
  gotObjection?: ObjectionType;
  categoryCorrect: boolean;
  slotErrors: SlotError[];
  lastLeadText: string;
}

/** One example as scored: what was expected, what the coach answered, and what it got right. */
export interface ScoredExample extends Miss {
  agentRole: Example['agentRole'];
  /** More than one turn in the conversation (the coach had context to read). */
  multiTurn: boolean;
  language: Language;
  /** Only when the example expects an objection type: category and type both right. */
  objectionCorrect?: boolean;
  expectedSlots: ExpectedSlots;
  slotCorrect: number;
  slotDenominator: number;
}

export interface EvalResult {
  total: number;
  categoryCorrect: number;
  categoryAccuracy: number;
  /** Among examples expecting OBJECTION_HANDLING with a type: how many got category and type right. */
  objectionCorrect: number;
  objectionTotal: number;
  /** objectionCorrect ÷ objectionTotal (1 when no example expects a type). */
  objectionAccuracy: number;
  slotCorrect: number;
  slotDenominator: number;
  slotAccuracy: number;
  /** confusion[expected][predicted] = count ('NONE' when the coach gave no hint). */
  confusion: Record<string, Record<string, number>>;
  misses: Miss[];
  /** Every example as scored, in input order (the breakdowns are computed from these). */
  scored: ScoredExample[];
}

function present(key: ScoredSlotKey, slots: Partial<Slots>): boolean {
  const v = slots[key];
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
}

const normAreas = (a: string[]): string[] => [...new Set(a.map((x) => x.trim().toLowerCase()))].sort();

function sameValue(key: ScoredSlotKey, expected: unknown, got: unknown): boolean {
  if (key === 'areas') {
    if (!Array.isArray(expected) || !Array.isArray(got)) return false;
    const a = normAreas(expected as string[]);
    const b = normAreas(got as string[]);
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return expected === got;
}

/** Compares extracted slots to expected ones; only the seven scored slots count. */
export function compareSlots(
  expected: ExpectedSlots,
  got: Slots,
): { correct: number; denominator: number; errors: SlotError[] } {
  let correct = 0;
  let denominator = 0;
  const errors: SlotError[] = [];
  for (const key of SCORED_SLOT_KEYS) {
    const e = present(key, expected);
    const g = present(key, got);
    if (e) {
      denominator++;
      if (g && sameValue(key, expected[key], got[key])) correct++;
      else
        errors.push(
          g
            ? { slot: key, kind: 'wrong', expected: expected[key], got: got[key] }
            : { slot: key, kind: 'missing', expected: expected[key] },
        );
    } else if (g) {
      denominator++;
      errors.push({ slot: key, kind: 'unexpected', got: got[key] });
    }
  }
  return { correct, denominator, errors };
}

const lastLeadText = (ex: Example): string =>
  [...ex.turns].reverse().find((t) => t.speaker === Speaker.LEAD)?.text ?? '';

function inputOf(ex: Example, now: string | undefined): CoachInput {
  const input: CoachInput = {
    agent: {
      role: ex.agentRole,
      experience: ex.experience ?? Experience.EXPERIENCED,
      specializations: ex.specializations ?? [],
    },
    stage: ex.stage ?? ConversationStage.INITIAL_CONTACT,
    turns: ex.turns,
  };
  const at = ex.now ?? now;
  if (at !== undefined) input.now = at;
  return input;
}

/** Runs the coach on one example and scores it. */
export function scoreExample(ex: Example, coachFn: CoachFn, now?: string): ScoredExample {
  const out = coachFn(inputOf(ex, now));
  const primary = out.hints[0];
  const got = primary?.category ?? null;
  const categoryOk = got === ex.expect.category;
  const slots = compareSlots(ex.expect.slots, out.slots);
  const scored: ScoredExample = {
    id: ex.id,
    agentRole: ex.agentRole,
    multiTurn: ex.turns.length > 1,
    language: languageOf(ex),
    expectedCategory: ex.expect.category,
    gotCategory: got,
    categoryCorrect: categoryOk,
    expectedSlots: ex.expect.slots,
    slotCorrect: slots.correct,
    slotDenominator: slots.denominator,
    slotErrors: slots.errors,
    lastLeadText: lastLeadText(ex),
  };
  if (ex.expect.objection !== undefined) {
    scored.expectedObjection = ex.expect.objection;
    if (ex.expect.category === HintCategory.OBJECTION_HANDLING)
      scored.objectionCorrect = categoryOk && primary?.objection === ex.expect.objection;
  }
  if (primary?.objection !== undefined) scored.gotObjection = primary.objection;
  return scored;
}

const isMiss = (s: ScoredExample): boolean =>
  !s.categoryCorrect ||
  s.slotErrors.length > 0 ||
  (s.expectedObjection !== undefined && s.gotObjection !== s.expectedObjection);

function missOf(s: ScoredExample): Miss {
  const miss: Miss = {
    id: s.id,
    expectedCategory: s.expectedCategory,
    gotCategory: s.gotCategory,
    categoryCorrect: s.categoryCorrect,
    slotErrors: s.slotErrors,
    lastLeadText: s.lastLeadText,
  };
  if (s.expectedObjection !== undefined) miss.expectedObjection = s.expectedObjection;
  if (s.gotObjection !== undefined) miss.gotObjection = s.gotObjection;
  return miss;
}

/** Sums already scored examples into a result (a whole file, or any subset of it). */
export function summarize(scored: ScoredExample[]): EvalResult {
  const confusion: Record<string, Record<string, number>> = {};
  let categoryCorrect = 0;
  let objectionCorrect = 0;
  let objectionTotal = 0;
  let slotCorrect = 0;
  let slotDenominator = 0;
  for (const s of scored) {
    const row = (confusion[s.expectedCategory] ??= {});
    const got = s.gotCategory ?? 'NONE';
    row[got] = (row[got] ?? 0) + 1;
    if (s.categoryCorrect) categoryCorrect++;
    if (s.objectionCorrect !== undefined) {
      objectionTotal++;
      if (s.objectionCorrect) objectionCorrect++;
    }
    slotCorrect += s.slotCorrect;
    slotDenominator += s.slotDenominator;
  }
  const total = scored.length;
  return {
    total,
    categoryCorrect,
    categoryAccuracy: total === 0 ? 0 : categoryCorrect / total,
    objectionCorrect,
    objectionTotal,
    objectionAccuracy: objectionTotal === 0 ? 1 : objectionCorrect / objectionTotal,
    slotCorrect,
    slotDenominator,
    slotAccuracy: slotDenominator === 0 ? 1 : slotCorrect / slotDenominator,
    confusion,
    misses: scored.filter(isMiss).map(missOf),
    scored,
  };
}

/** Runs the coach on every example and scores it. */
export function evaluate(examples: Example[], coachFn: CoachFn, options: { now?: string } = {}): EvalResult {
  return summarize(examples.map((ex) => scoreExample(ex, coachFn, options.now)));
}
