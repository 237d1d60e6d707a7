/**
 * The text report of a coaching evaluation: headline figures (category, slots, objection type), breakdowns per
 * role, turns, language and slot, the category and objection confusion tables, and the misses.
 */
import { HintCategory } from '../../core/vocabulary';
import { SCORED_SLOT_KEYS } from '../../subgraphs/coaching/coach/types';
import { breakdown, type GroupFigures } from './eval-breakdown';
import type { EvalResult, Miss } from './evaluate';

const ABBREV: Record<string, string> = {
  OBJECTION_HANDLING: 'OBJ',
  QUALIFYING_QUESTION: 'QUAL',
  NEXT_STEP: 'NEXT',
  COMPLIANCE_WARNING: 'COMPL',
  RAPPORT: 'RAPP',
  INFORMATION: 'INFO',
  NONE: 'NONE',
};

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ratio = (n: number, d: number): string => (d === 0 ? '-' : `${pct(n / d)} (${n}/${d})`);
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function headline(result: EvalResult): string[] {
  const lines = [
    `examples: ${result.total}`,
    `category accuracy: ${pct(result.categoryAccuracy)} (${result.categoryCorrect}/${result.total})`,
    `slot accuracy:     ${pct(result.slotAccuracy)} (${result.slotCorrect}/${result.slotDenominator})`,
  ];
  lines.push(
    result.objectionTotal > 0
      ? `objection type:    ${ratio(result.objectionCorrect, result.objectionTotal)} (category and type both right)`
      : 'objection type:    no example expects an objection type',
  );
  return lines;
}

function groupTable(title: string, groups: Record<string, GroupFigures | undefined>): string[] {
  const lines = [
    '',
    `${title.padEnd(26)}${'n'.padStart(5)}${'category'.padStart(20)}${'slots'.padStart(20)}${'objection type'.padStart(20)}`,
  ];
  for (const [name, g] of Object.entries(groups)) {
    if (!g) continue;
    const objection = g.objectionTotal > 0 ? ratio(g.objectionCorrect, g.objectionTotal) : '-';
    lines.push(
      `${name.padEnd(26)}${String(g.n).padStart(5)}${ratio(g.categoryCorrect, g.n).padStart(20)}${ratio(g.slotCorrect, g.slotDenominator).padStart(20)}${objection.padStart(20)}`,
    );
  }
  return lines;
}

function slotTable(result: EvalResult): string[] {
  const { bySlot } = breakdown(result);
  const lines = [
    '',
    `${'slot'.padEnd(18)}${'accuracy'.padStart(20)}${'missing'.padStart(9)}${'wrong'.padStart(7)}${'unexpected'.padStart(12)}`,
  ];
  for (const key of SCORED_SLOT_KEYS) {
    const f = bySlot[key];
    if (f.denominator === 0) continue;
    lines.push(
      `${key.padEnd(18)}${ratio(f.correct, f.denominator).padStart(20)}${String(f.missing).padStart(9)}${String(f.wrong).padStart(7)}${String(f.unexpected).padStart(12)}`,
    );
  }
  return lines;
}

function confusionTable(
  confusion: Record<string, Record<string, number>>,
  rows: string[],
  columns: string[],
  width = 7,
): string[] {
  const name = (c: string): string => ABBREV[c] ?? c;
  const lines = [
    `${'expected'.padEnd(14)}${columns.map((c) => name(c).padStart(width)).join('')}${'total'.padStart(7)}`,
  ];
  for (const expected of rows) {
    const row = confusion[expected];
    if (!row) continue;
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    lines.push(
      `${name(expected).padEnd(14)}${columns.map((c) => String(row[c] ?? 0).padStart(width)).join('')}${String(total).padStart(7)}`,
    );
  }
  return lines;
}

function confusions(result: EvalResult): string[] {
  const cats = [...(Object.values(HintCategory) as string[])];
  if (Object.values(result.confusion).some((row) => row.NONE !== undefined)) cats.push('NONE');
  const lines = ['', 'confusion (rows = expected, columns = predicted):'];
  lines.push(...confusionTable(result.confusion, Object.values(HintCategory), cats));
  const objections = breakdown(result).objectionConfusion;
  const types = Object.keys(objections).sort();
  const got = [...new Set(Object.values(objections).flatMap((r) => Object.keys(r)))].sort();
  if (types.length > 0) {
    lines.push(
      '',
      'objection types (rows = expected, columns = predicted; "not OBJECTION": category wrong):',
    );
    lines.push(...confusionTable(objections, types, got, 15));
  }
  return lines;
}

function missLines(misses: Miss[]): string[] {
  const lines = ['', `misses: ${misses.length}`];
  for (const m of misses) {
    const exp = `${m.expectedCategory}${m.expectedObjection ? `/${m.expectedObjection}` : ''}`;
    const got = `${m.gotCategory ?? 'NONE'}${m.gotObjection ? `/${m.gotObjection}` : ''}`;
    const head =
      m.categoryCorrect && exp === got
        ? `${m.id}  category ok (${exp})`
        : `${m.id}  expected ${exp}, got ${got}`;
    lines.push(`- ${head}`);
    for (const e of m.slotErrors) {
      if (e.kind === 'missing') lines.push(`    slot ${e.slot}: missing (expected ${show(e.expected)})`);
      else if (e.kind === 'unexpected') lines.push(`    slot ${e.slot}: unexpected ${show(e.got)}`);
      else lines.push(`    slot ${e.slot}: expected ${show(e.expected)}, got ${show(e.got)}`);
    }
    const lead = m.lastLeadText;
    lines.push(`    lead: ${lead.length > 140 ? `${lead.slice(0, 137)}...` : lead}`);
  }
  return lines;
}

/** Human-readable report: headline figures, breakdowns, the confusion tables (rows = expected) and the misses. */
export function formatReport(result: EvalResult): string {
  const b = breakdown(result);
  const lines = headline(result);
  lines.push(...groupTable('agent role', b.byRole));
  if (Object.keys(b.byRole).length > 1)
    lines.push(
      `largest gap in category accuracy between roles: ${(b.roleCategorySpread * 100).toFixed(1)} points`,
    );
  lines.push(...groupTable('turns', b.byTurns), ...groupTable('language', b.byLanguage));
  lines.push(...slotTable(result), ...confusions(result), ...missLines(result.misses));
  return lines.join('\n');
}

/** Every figure of an evaluation as one JSON-ready object (the per-example records are left out). */
export function reportObject(result: EvalResult): Record<string, unknown> {
  const { scored: _scored, ...figures } = result;
  return { ...figures, breakdown: breakdown(result) };
}
