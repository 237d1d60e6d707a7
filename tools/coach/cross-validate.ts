/**
 * Honest estimates for the coach's model: GROUPED k-fold and leave-one-file-out cross-validation over the
 * training files. A group is a conversation and its near-duplicates — the same file and id, or the same
 * normalized last lead turn in any file — and never straddles folds, so a copy cannot be tested on its twin.
 * Each fold retrains the Naive Bayes classifier on the other folds only (tools/coach/train.ts) and scores the
 * held-out fold twice — classifier alone, and the full coach (rules + that classifier). The rules were written
 * while looking at these files, so the full-coach figure is optimistic; the classifier-alone figure is the
 * model's honest one, and never-seen (SEALED) files are the coach's.
 */
import { HintCategory } from '../../core/vocabulary';
import { compile, predict } from '../../subgraphs/coaching/coach/naive-bayes';
import { offlineCoach } from '../../subgraphs/coaching/coach/offline-coach';
import { lastLeadKey, type NamedExamples } from './eval-overlap';
import { evaluate } from './evaluate';
import type { Example } from './examples';
import { labelOf, train } from './train';
import { trainingExamples } from './training-data';

export { crossValidationSummary, formatCrossValidation } from './cross-validate-report';

const NOW = '2025-01-15T12:00:00Z';

export interface SourcedExample {
  file: string;
  example: Example;
}

export interface FoldScore {
  name: string;
  total: number;
  classifierCorrect: number;
  coachCorrect: number;
  /** Examples expecting an objection type, and how many got category and type right. */
  objectionTotal: number;
  classifierObjectionCorrect: number;
  coachObjectionCorrect: number;
}

/** Conversations and their near-duplicates, each group in input order; groups ordered by first member. */
export function groupExamples(files: NamedExamples[]): SourcedExample[][] {
  const all = files.flatMap((f) => f.examples.map((example) => ({ file: f.name, example })));
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const firstWith = new Map<string, number>();
  all.forEach((x, i) => {
    const lead = lastLeadKey(x.example);
    for (const key of [`id:${x.file}:${x.example.id}`, ...(lead ? [`lead:${lead}`] : [])]) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, SourcedExample[]>();
  all.forEach((x, i) => {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(x);
    groups.set(root, g);
  });
  return [...groups.values()];
}

const groupKey = (g: SourcedExample[]): string => `${g[0]?.file ?? ''}:${g[0]?.example.id ?? ''}`;

/**
 * Deterministic, balanced fold assignment: groups by size (largest first, then file and id), each to the fold
 * holding the fewest examples so far. Returns the folds' examples.
 */
export function assignFolds(groups: SourcedExample[][], k: number): SourcedExample[][] {
  const folds: SourcedExample[][] = Array.from({ length: k }, () => []);
  const order = [...groups].sort(
    (a, b) => b.length - a.length || (groupKey(a) < groupKey(b) ? -1 : groupKey(a) > groupKey(b) ? 1 : 0),
  );
  for (const g of order) {
    let target = 0;
    for (let f = 1; f < k; f++) if ((folds[f]?.length ?? 0) < (folds[target]?.length ?? 0)) target = f;
    folds[target]?.push(...g);
  }
  return folds;
}

const expectsObjection = (e: Example): boolean =>
  e.expect.category === HintCategory.OBJECTION_HANDLING && e.expect.objection !== undefined;

export function scoreFold(name: string, trainSet: Example[], testSet: Example[]): FoldScore {
  const model = compile(train(trainingExamples(trainSet)));
  let classifierCorrect = 0;
  let classifierObjectionCorrect = 0;
  for (const ex of testSet) {
    const p = predict(model, ex.turns, ex.agentRole);
    if (p.label.split('/')[0] === ex.expect.category) classifierCorrect++;
    if (expectsObjection(ex) && p.label === labelOf(ex.expect.category, ex.expect.objection))
      classifierObjectionCorrect++;
  }
  const coach = evaluate(testSet, (input) => offlineCoach(input, { model }), { now: NOW });
  return {
    name,
    total: testSet.length,
    classifierCorrect,
    coachCorrect: coach.categoryCorrect,
    objectionTotal: testSet.filter(expectsObjection).length,
    classifierObjectionCorrect,
    coachObjectionCorrect: coach.objectionCorrect,
  };
}

/** Grouped k-fold (rows "fold i/k"), then leave-one-file-out (rows "without FILE"). */
export function crossValidate(files: NamedExamples[], k: number): FoldScore[] {
  const folds = assignFolds(groupExamples(files), k);
  const rows = folds.map((test, i) => {
    const rest = folds.filter((_, j) => j !== i).flat();
    return scoreFold(
      `fold ${i + 1}/${k}`,
      rest.map((x) => x.example),
      test.map((x) => x.example),
    );
  });
  if (files.length > 1) {
    for (const f of files) {
      // near-duplicates of the left-out file's examples leave the training side too
      const keys = new Set(f.examples.map(lastLeadKey).filter((key) => key.length > 0));
      const rest = files
        .filter((o) => o !== f)
        .flatMap((o) => o.examples)
        .filter((e) => !keys.has(lastLeadKey(e)));
      rows.push(scoreFold(`without ${f.name}`, rest, f.examples));
    }
  }
  return rows;
}
