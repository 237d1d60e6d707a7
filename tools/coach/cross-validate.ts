/**
 * Honest estimates for the coach: k-fold and leave-one-file-out cross-validation. Each fold trains the
 * classifier on the other folds only and scores the held-out fold twice — classifier alone, and the full
 * coach (rules + classifier). The rules were written while looking at these files, so the full-coach figure
 * is optimistic; the classifier-alone figure and the never-trained-on blind sets are the honest ones.
 */
import { evaluate, type Example } from './evaluate';
import { compile, predict } from '../../subgraphs/coaching/coach/naive-bayes';
import { offlineCoach } from '../../subgraphs/coaching/coach/offline-coach';
import { train } from './train';
import { trainingExamples } from './training-data';

export interface FoldScore {
  name: string;
  total: number;
  classifierCorrect: number;
  coachCorrect: number;
}

function scoreFold(name: string, trainSet: Example[], testSet: Example[]): FoldScore {
  const model = compile(train(trainingExamples(trainSet)));
  let classifierCorrect = 0;
  for (const ex of testSet) {
    const p = predict(model, ex.turns, ex.agentRole);
    if (p.label.split('/')[0] === ex.expect.category) classifierCorrect++;
  }
  const coach = evaluate(testSet, (input) => offlineCoach(input, { model }), { now: '2025-01-15T12:00:00Z' });
  return { name, total: testSet.length, classifierCorrect, coachCorrect: coach.categoryCorrect };
}

/** Deterministic fold assignment: examples sorted by id, dealt round-robin. */
export function crossValidate(files: { name: string; examples: Example[] }[], k: number): FoldScore[] {
  const all = files.flatMap((f) => f.examples.map((e) => ({ file: f.name, e })));
  const sorted = [...all].sort((a, b) => (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  const rows: FoldScore[] = [];
  for (let fold = 0; fold < k; fold++) {
    const test = sorted.filter((_, i) => i % k === fold).map((x) => x.e);
    const rest = sorted.filter((_, i) => i % k !== fold).map((x) => x.e);
    rows.push(scoreFold(`fold ${fold + 1}/${k}`, rest, test));
  }
  for (const f of files) {
    const rest = all.filter((x) => x.file !== f.name).map((x) => x.e);
    rows.push(scoreFold(`without ${f.name}`, rest, f.examples));
  }
  return rows;
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

export function formatCrossValidation(rows: FoldScore[]): string {
  const lines = [`${'fold'.padEnd(40)}${'n'.padStart(5)}${'classifier'.padStart(12)}${'coach'.padStart(9)}`];
  const line = (r: FoldScore): string =>
    `${r.name.padEnd(40)}${String(r.total).padStart(5)}${pct(r.classifierCorrect, r.total).padStart(12)}${pct(r.coachCorrect, r.total).padStart(9)}`;
  const sum = (rs: FoldScore[], name: string): FoldScore => ({
    name,
    total: rs.reduce((a, r) => a + r.total, 0),
    classifierCorrect: rs.reduce((a, r) => a + r.classifierCorrect, 0),
    coachCorrect: rs.reduce((a, r) => a + r.coachCorrect, 0),
  });
  const kfold = rows.filter((r) => r.name.startsWith('fold'));
  const lofo = rows.filter((r) => r.name.startsWith('without'));
  lines.push(...kfold.map(line), line(sum(kfold, 'k-fold total')), '');
  lines.push(...lofo.map(line), line(sum(lofo, 'leave-one-file-out total')));
  return lines.join('\n');
}
