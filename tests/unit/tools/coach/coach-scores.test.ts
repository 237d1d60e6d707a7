/**
 * The offline coach measured by its offline tooling (tools/coach): accuracy floors on the labelled sets,
 * deterministic training, the committed model matching a fresh training run, and cross-validation.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import committedModel from '../../../../subgraphs/coaching/coach/model.generated.json';
import { parseModel } from '../../../../subgraphs/coaching/coach/naive-bayes';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import { crossValidate, formatCrossValidation } from '../../../../tools/coach/cross-validate';
import { evaluate, loadExamples } from '../../../../tools/coach/evaluate';
import { train } from '../../../../tools/coach/train';
import { TRAINING_FILES, trainingExamples } from '../../../../tools/coach/training-data';

const DEVSET = path.resolve(__dirname, '../../../../../shared/coaching-devset.jsonl');
const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const HELDOUT = path.join(FIXTURES, 'coaching-heldout.jsonl');
const NOW = '2025-01-15T12:00:00Z';

// The devset lives beside the repository (../shared), not in it: where it is absent, the tests that need it are
// reported as skipped with the reason, never passed without running.
const devsetMissing = existsSync(DEVSET) ? undefined : `skipped: devset not found at ${DEVSET}`;
const needsDevset = (title: string) => (devsetMissing ? `${title} (${devsetMissing})` : title);
const itWithDevset = devsetMissing ? it.skip : it;

describe('offline coach — scores', () => {
  itWithDevset(needsDevset('scores ≥ 90% category and slot accuracy on the devset'), () => {
    const result = evaluate(loadExamples(DEVSET), offlineCoach);
    console.log(
      `devset: category accuracy ${(result.categoryAccuracy * 100).toFixed(1)}%, slot accuracy ${(result.slotAccuracy * 100).toFixed(1)}% (${result.total} examples)`,
    );
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('does well on the held-out examples (other cities, numbers and phrasings)', () => {
    const result = evaluate(loadExamples(HELDOUT), offlineCoach, { now: NOW });
    console.log(
      `held-out: category accuracy ${(result.categoryAccuracy * 100).toFixed(1)}%, slot accuracy ${(result.slotAccuracy * 100).toFixed(1)}% (${result.total} examples)`,
    );
    expect(result.total).toBeGreaterThanOrEqual(15);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  // Blind sets: written before the coach was changed for them, scored once, then kept as regression floors.
  // blind-1 and blind-2 were used for tuning and train the classifier; blind-3 and blind-4 are never trained or
  // tuned on (blind-3: 54.1% rules only, 85.2% with the classifier; blind-4: 96.2% / 67.9% slots, first score).
  it.each([
    ['coaching-blind-1.jsonl', 0.95, 0.95, 60],
    ['coaching-blind-2.jsonl', 0.95, 0.9, 60],
    ['coaching-blind-3.jsonl', 0.82, 0.85, 60],
    ['coaching-blind-4.jsonl', 0.92, 0.65, 50],
  ])('keeps its floor on %s', (file, categoryFloor, slotFloor, minTotal) => {
    const result = evaluate(loadExamples(path.join(FIXTURES, file)), offlineCoach, {
      now: NOW,
    });
    console.log(
      `${file}: category accuracy ${(result.categoryAccuracy * 100).toFixed(1)}%, slot accuracy ${(result.slotAccuracy * 100).toFixed(1)}% (${result.total} examples)`,
    );
    expect(result.total).toBeGreaterThanOrEqual(minTotal);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(categoryFloor);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(slotFloor);
  });
});

describe('offline coach — statistical classifier', () => {
  const files = TRAINING_FILES.map((f) => path.resolve(__dirname, '../../../..', f))
    .filter((f) => existsSync(f))
    .map((f) => ({ name: path.basename(f), examples: loadExamples(f) }));

  it('trains deterministically, and never on the blind sets 3 and 4', () => {
    const examples = trainingExamples(files.flatMap((f) => f.examples));
    expect(JSON.stringify(train([...examples]))).toBe(JSON.stringify(train(examples)));
    expect(TRAINING_FILES.some((f) => /blind-[34]/.test(f))).toBe(false);
  });

  itWithDevset(needsDevset('the committed model matches a fresh training run'), () => {
    expect(files.map((f) => f.name)).toEqual(TRAINING_FILES.map((f) => path.basename(f)));
    const fresh = train(trainingExamples(files.flatMap((f) => f.examples)));
    expect(JSON.stringify(parseModel(committedModel))).toBe(JSON.stringify(fresh));
  });

  it('keeps its cross-validation floor (10-fold and leave-one-file-out)', () => {
    const rows = crossValidate(files, 10);
    console.log(formatCrossValidation(rows));
    const kfold = rows.filter((r) => r.name.startsWith('fold'));
    const total = kfold.reduce((a, r) => a + r.total, 0);
    const classifier = kfold.reduce((a, r) => a + r.classifierCorrect, 0) / total;
    const coach = kfold.reduce((a, r) => a + r.coachCorrect, 0) / total;
    expect(total).toBeGreaterThanOrEqual(300);
    expect(classifier).toBeGreaterThanOrEqual(0.76);
    expect(coach).toBeGreaterThanOrEqual(0.91);
  });
});
