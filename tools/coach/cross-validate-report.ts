/**
 * Figures and table of a cross-validation run (tools/coach/cross-validate.ts): per fold, and mean ± sd over the
 * k folds of category and objection-type accuracy, for the classifier alone and for the full coach.
 */
import type { FoldScore } from './cross-validate';

export interface MeanSd {
  mean: number;
  sd: number;
}

export interface CrossValidationSummary {
  k: number;
  examples: number;
  classifierCategory: MeanSd;
  coachCategory: MeanSd;
  classifierObjection: MeanSd;
  coachObjection: MeanSd;
  folds: FoldScore[];
  leaveOneFileOut: FoldScore[];
}

/** Mean and sample standard deviation (0 for fewer than two values). */
export function meanSd(values: number[]): MeanSd {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length < 2) return { mean, sd: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

const rate = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function crossValidationSummary(rows: FoldScore[]): CrossValidationSummary {
  const folds = rows.filter((r) => r.name.startsWith('fold'));
  const withObjections = folds.filter((r) => r.objectionTotal > 0);
  return {
    k: folds.length,
    examples: folds.reduce((a, r) => a + r.total, 0),
    classifierCategory: meanSd(folds.map((r) => rate(r.classifierCorrect, r.total))),
    coachCategory: meanSd(folds.map((r) => rate(r.coachCorrect, r.total))),
    classifierObjection: meanSd(
      withObjections.map((r) => rate(r.classifierObjectionCorrect, r.objectionTotal)),
    ),
    coachObjection: meanSd(withObjections.map((r) => rate(r.coachObjectionCorrect, r.objectionTotal))),
    folds,
    leaveOneFileOut: rows.filter((r) => r.name.startsWith('without')),
  };
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const pm = (m: MeanSd): string => `${(m.mean * 100).toFixed(1)}% ± ${(m.sd * 100).toFixed(1)}`;

function line(r: FoldScore): string {
  return [
    r.name.padEnd(44),
    String(r.total).padStart(5),
    pct(r.classifierCorrect, r.total).padStart(12),
    pct(r.coachCorrect, r.total).padStart(9),
    String(r.objectionTotal).padStart(8),
    pct(r.classifierObjectionCorrect, r.objectionTotal).padStart(12),
    pct(r.coachObjectionCorrect, r.objectionTotal).padStart(9),
  ].join('');
}

export function formatCrossValidation(rows: FoldScore[]): string {
  const s = crossValidationSummary(rows);
  const head = `${'fold'.padEnd(44)}${'n'.padStart(5)}${'classifier'.padStart(12)}${'coach'.padStart(9)}${'n obj'.padStart(8)}${'classifier'.padStart(12)}${'coach'.padStart(9)}`;
  const lines = [
    `grouped ${s.k}-fold over ${s.examples} training examples (a conversation and its near-duplicates stay in one fold)`,
    `${''.padEnd(49)}${'category'.padStart(21)}${''.padStart(8)}${'objection type'.padStart(21)}`,
    head,
    ...s.folds.map(line),
    '',
    `mean ± sd over folds: category classifier ${pm(s.classifierCategory)}, coach ${pm(s.coachCategory)}`,
    `                      objection classifier ${pm(s.classifierObjection)}, coach ${pm(s.coachObjection)}`,
  ];
  if (s.leaveOneFileOut.length > 0)
    lines.push('', 'leave one file out:', head, ...s.leaveOneFileOut.map(line));
  lines.push(
    '',
    'the coach column is optimistic: its rules were written while reading these files; the classifier column is the model alone',
  );
  return lines.join('\n');
}
