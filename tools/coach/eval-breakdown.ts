/**
 * Breakdowns of an evaluation: per agent role, single- vs multi-turn, per language, per slot, and the objection
 * types' confusion table — so a weak side of the deal, multi-turn reading or Spanish cannot hide in a mean.
 */
import { AgentRole, HintCategory } from '../../core/vocabulary';
import { SCORED_SLOT_KEYS, type ScoredSlotKey } from '../../subgraphs/coaching/coach/types';
import { summarize, type EvalResult, type ScoredExample } from './evaluate';
import { LANGUAGES } from './examples';

/** The headline figures of a group of examples. */
export interface GroupFigures {
  n: number;
  categoryCorrect: number;
  categoryAccuracy: number;
  objectionCorrect: number;
  objectionTotal: number;
  objectionAccuracy: number;
  slotCorrect: number;
  slotDenominator: number;
  slotAccuracy: number;
}

/** One slot's accuracy: correct ÷ (expected + extracted without being expected), and how it failed. */
export interface SlotFigures {
  correct: number;
  denominator: number;
  accuracy: number;
  missing: number;
  wrong: number;
  unexpected: number;
}

export interface Breakdown {
  byRole: Record<string, GroupFigures>;
  /** Largest gap in category accuracy between two roles present (the goal: within 5 points). */
  roleCategorySpread: number;
  byTurns: Partial<Record<'single-turn' | 'multi-turn', GroupFigures>>;
  byLanguage: Record<string, GroupFigures>;
  bySlot: Record<ScoredSlotKey, SlotFigures>;
  /** objectionConfusion[expected type][got type] — 'not OBJECTION' when the category itself was wrong. */
  objectionConfusion: Record<string, Record<string, number>>;
}

export function figuresOf(scored: ScoredExample[]): GroupFigures {
  const r = summarize(scored);
  return {
    n: r.total,
    categoryCorrect: r.categoryCorrect,
    categoryAccuracy: r.categoryAccuracy,
    objectionCorrect: r.objectionCorrect,
    objectionTotal: r.objectionTotal,
    objectionAccuracy: r.objectionAccuracy,
    slotCorrect: r.slotCorrect,
    slotDenominator: r.slotDenominator,
    slotAccuracy: r.slotAccuracy,
  };
}

/** Figures per key, in the order of `keys` (keys without any example are left out). */
function groupBy(
  scored: ScoredExample[],
  keys: readonly string[],
  keyOf: (s: ScoredExample) => string,
): Record<string, GroupFigures> {
  const out: Record<string, GroupFigures> = {};
  for (const k of keys) {
    const members = scored.filter((s) => keyOf(s) === k);
    if (members.length > 0) out[k] = figuresOf(members);
  }
  return out;
}

function slotFigures(scored: ScoredExample[], key: ScoredSlotKey): SlotFigures {
  const f: SlotFigures = { correct: 0, denominator: 0, accuracy: 1, missing: 0, wrong: 0, unexpected: 0 };
  for (const s of scored) {
    const error = s.slotErrors.find((e) => e.slot === key);
    const expected = error ? error.kind !== 'unexpected' : isPresent(s.expectedSlots[key]);
    if (!expected && !error) continue;
    f.denominator++;
    if (!error) f.correct++;
    else f[error.kind]++;
  }
  f.accuracy = f.denominator === 0 ? 1 : f.correct / f.denominator;
  return f;
}

const isPresent = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);

function objectionConfusion(scored: ScoredExample[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const s of scored) {
    if (s.objectionCorrect === undefined || s.expectedObjection === undefined) continue;
    const got =
      s.gotCategory === HintCategory.OBJECTION_HANDLING ? (s.gotObjection ?? 'NONE') : 'not OBJECTION';
    const row = (table[s.expectedObjection] ??= {});
    row[got] = (row[got] ?? 0) + 1;
  }
  return table;
}

export function breakdown(result: EvalResult): Breakdown {
  const { scored } = result;
  const byRole = groupBy(scored, Object.values(AgentRole), (s) => s.agentRole);
  const roleAcc = Object.values(byRole).map((g) => g.categoryAccuracy);
  const bySlot = {} as Record<ScoredSlotKey, SlotFigures>;
  for (const key of SCORED_SLOT_KEYS) bySlot[key] = slotFigures(scored, key);
  return {
    byRole,
    roleCategorySpread: roleAcc.length < 2 ? 0 : Math.max(...roleAcc) - Math.min(...roleAcc),
    byTurns: groupBy(scored, ['single-turn', 'multi-turn'], (s) =>
      s.multiTurn ? 'multi-turn' : 'single-turn',
    ),
    byLanguage: groupBy(scored, LANGUAGES, (s) => s.language),
    bySlot,
    objectionConfusion: objectionConfusion(scored),
  };
}
