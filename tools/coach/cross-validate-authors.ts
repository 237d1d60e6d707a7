/**
 * Leave-one-author-out (LOAO) cross-validation of the whole coach — rules plus classifier — over the independent
 * authors' coaching files (sealed-1 … sealed-6) and the TUNE files as extra folds. For each fold the classifier is
 * retrained without that author (and without near-duplicates of its turns), the coach scores the author's file,
 * and every fold's scored examples are pooled: category, slots (per slot, with invented values), objection type,
 * per role, single/multi-turn and language. Two training regimes side by side from the same run:
 *   before  the classifier trained on the TRAIN files only (as committed before independent authors were trained on)
 *   after   the TRAIN files plus every other author's file (the TUNE files are folds, never training data)
 * The rules were tuned while reading these files, so the figures are optimistic for rules; the never-seen sets
 * (SEALED) stay the honest test. Never point this at a SEALED file.
 *   node -r @swc-node/register tools/coach/cross-validate-authors.ts [--misses]
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SCORED_SLOT_KEYS } from '../../subgraphs/coaching/coach/types';
import { compile, predict } from '../../subgraphs/coaching/coach/naive-bayes';
import { offlineCoach } from '../../subgraphs/coaching/coach/offline-coach';
import { breakdown, figuresOf, type GroupFigures } from './eval-breakdown';
import { entriesOf } from './eval-manifest';
import { lastLeadKey, type NamedExamples } from './eval-overlap';
import { evaluate, loadExamples, summarize, type ScoredExample } from './evaluate';
import { labelOf, train } from './train';
import { trainingExamples } from './training-data';

const ROOT = path.resolve(__dirname, '../..');
const NOW = '2025-01-15T12:00:00Z';

/** The independent authors' coaching files (sealed-1 … sealed-6): trained on by the committed model. */
const isAuthorFile = (p: string): boolean => /\/sealed-[1-6]\//.test(p);

/** The folds: every independent author's coaching file and the TUNE coaching files (never a SEALED one). */
export const FOLD_FILES: readonly string[] = [
  ...entriesOf('TUNE', 'COACHING').map((e) => e.path),
  ...entriesOf('TRAIN', 'COACHING')
    .map((e) => e.path)
    .filter(isAuthorFile),
].filter((p) => !p.includes('sealed-7') && !p.includes('.sealed'));

/** Training-only files: TRAIN coaching files that are not folds. */
export const BASE_FILES: readonly string[] = entriesOf('TRAIN', 'COACHING')
  .map((e) => e.path)
  .filter((p) => !FOLD_FILES.includes(p));

type Fold = NamedExamples & { path: string };

function load(paths: readonly string[]): Fold[] {
  return paths
    .map((p) => path.resolve(ROOT, p))
    .filter((p) => existsSync(p))
    .map((p) => ({ name: path.basename(p), path: p, examples: loadExamples(p) }));
}

export type Regime = 'before' | 'after';

/** Scores every fold with a classifier retrained for it; returns the pooled scored examples. */
export function leaveOneAuthorOut(base: NamedExamples[], folds: Fold[], regime: Regime): ScoredExample[] {
  const baseModel = compile(train(trainingExamples(base.flatMap((f) => f.examples))));
  const pooled: ScoredExample[] = [];
  const classifier = { category: 0, label: 0 };
  for (const fold of folds) {
    let model = baseModel;
    if (regime === 'after') {
      const keys = new Set(fold.examples.map(lastLeadKey).filter((k) => k.length > 0));
      // the TUNE files are folds but never training data, as in the committed model
      const rest = [...base, ...folds.filter((f) => f !== fold && isAuthorFile(f.path))]
        .flatMap((f) => f.examples)
        .filter((e) => !keys.has(lastLeadKey(e)));
      model = compile(train(trainingExamples(rest)));
    }
    for (const ex of fold.examples) {
      const p = predict(model, ex.turns, ex.agentRole);
      if (p.label.split('/')[0] === ex.expect.category) classifier.category++;
      if (p.label === labelOf(ex.expect.category, ex.expect.objection)) classifier.label++;
    }
    const result = evaluate(fold.examples, (input) => offlineCoach(input, { model }), { now: NOW });
    pooled.push(...result.scored);
  }
  process.stdout.write(
    `${regime}: classifier alone ${pct(classifier.category, pooled.length)} category, ${pct(classifier.label, pooled.length)} exact label\n`,
  );
  return pooled;
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const cat = (g: GroupFigures | undefined): string => (g ? `${pct(g.categoryCorrect, g.n)} (${g.n})` : '—');
const slot = (g: GroupFigures | undefined): string => (g ? `${pct(g.slotCorrect, g.slotDenominator)}` : '—');

/** Rows of figures for each regime, side by side. */
export function formatSideBySide(runs: Record<string, ScoredExample[]>): string {
  const names = Object.keys(runs);
  const rows: [string, ...string[]][] = [];
  const add = (label: string, f: (s: ScoredExample[]) => string): void => {
    rows.push([label, ...names.map((n) => f(runs[n] ?? []))]);
  };
  add('examples', (s) => String(s.length));
  add('category', (s) => cat(figuresOf(s)));
  add('objection type', (s) => {
    const g = figuresOf(s);
    return `${pct(g.objectionCorrect, g.objectionTotal)} (${g.objectionTotal})`;
  });
  add('slots', (s) => slot(figuresOf(s)));
  for (const role of ['BUYER_AGENT', 'LISTING_AGENT', 'TRANSACTION_COORDINATOR'])
    add(`  ${role} category / slots`, (s) => {
      const b = breakdown(summarize(s)).byRole[role];
      return `${cat(b)} / ${slot(b)}`;
    });
  for (const t of ['single-turn', 'multi-turn'] as const)
    add(`  ${t} category`, (s) => cat(breakdown(summarize(s)).byTurns[t]));
  for (const l of ['en', 'es', 'mixed'])
    add(`  language ${l} category / slots`, (s) => {
      const b = breakdown(summarize(s)).byLanguage[l];
      return `${cat(b)} / ${slot(b)}`;
    });
  for (const k of SCORED_SLOT_KEYS)
    add(`  slot ${k} acc (miss/wrong/invented)`, (s) => {
      const f = breakdown(summarize(s)).bySlot[k];
      return `${pct(f.correct, f.denominator)} (${f.missing}/${f.wrong}/${f.unexpected})`;
    });
  const width = rows.reduce((a, r) => Math.max(a, r[0].length), 0);
  return rows
    .map(
      (r) =>
        `${r[0].padEnd(width)}  ${r
          .slice(1)
          .map((c) => c.padEnd(22))
          .join('')}`,
    )
    .join('\n');
}

function main(argv: string[]): void {
  const base = load(BASE_FILES);
  const folds = load(FOLD_FILES);
  const runs: Record<string, ScoredExample[]> = {};
  for (const regime of ['before', 'after'] as const) runs[regime] = leaveOneAuthorOut(base, folds, regime);
  process.stdout.write(
    `LOAO over ${folds.length} folds (${folds.map((f) => f.name.replace('-coaching.jsonl', '')).join(', ')})\n`,
  );
  process.stdout.write(`${formatSideBySide(runs)}\n`);
  if (argv.includes('--misses'))
    for (const s of runs.after ?? [])
      if (!s.categoryCorrect || s.slotErrors.length > 0 || s.objectionCorrect === false)
        process.stdout.write(
          `${s.id} ${s.agentRole} exp ${s.expectedCategory}/${s.expectedObjection ?? ''} got ${s.gotCategory ?? ''}/${s.gotObjection ?? ''} ${JSON.stringify(s.slotErrors)} :: ${s.lastLeadText.slice(0, 160)}\n`,
        );
}

if (require.main === module) main(process.argv.slice(2));
