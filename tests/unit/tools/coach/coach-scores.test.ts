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
const TRAIN_AUTHORED = path.join(FIXTURES, 'coaching-train-authored.jsonl');
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

  // Training data written together with the coach (formerly misnamed "heldout"): a regression floor, not a
  // held-out figure.
  it('keeps its floor on the examples written with the coach (training data)', () => {
    const result = evaluate(loadExamples(TRAIN_AUTHORED), offlineCoach, { now: NOW });
    console.log(
      `train-authored (training data): category accuracy ${(result.categoryAccuracy * 100).toFixed(1)}%, slot accuracy ${(result.slotAccuracy * 100).toFixed(1)}% (${result.total} examples)`,
    );
    expect(result.total).toBeGreaterThanOrEqual(15);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  // Blind sets: written before the coach was changed for them, scored once, then kept as regression floors.
  // blind-1 and blind-2 are TRAIN (tools/coach/eval-manifest.ts); blind-3 and blind-4 are TUNE: never trained on,
  // but their misses were read while tuning, so these floors are not held-out figures (first scores: blind-3
  // 54.1% rules only, 85.2% with the classifier; blind-4 96.2% / 67.9% slots). Held-out figures: SEALED files.
  it.each([
    ['coaching-blind-1.jsonl', 0.95, 0.95, 60],
    ['coaching-blind-2.jsonl', 0.95, 0.9, 60],
    ['coaching-blind-3.jsonl', 0.82, 0.85, 60],
    ['coaching-blind-4.jsonl', 0.92, 0.9, 50],
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

  // Category and objection type on the TUNE sets (issue 11): their misses were read while tuning the category and
  // objection rules, so these floors guard against regressions and are not held-out figures. multiturn-tune was
  // written for that tuning (first score 72.5% category, 68.2% objection type, before the context rules).
  it.each([
    ['coaching-blind-3.jsonl', 0.88, 0.8],
    ['coaching-blind-4.jsonl', 0.95, 0.85],
    ['coaching-multiturn-tune.jsonl', 0.88, 0.85],
  ])(
    'keeps its category and objection-type floor on %s (tuning set)',
    (file, categoryFloor, objectionFloor) => {
      const result = evaluate(loadExamples(path.join(FIXTURES, file)), offlineCoach, { now: NOW });
      expect(result.objectionTotal).toBeGreaterThanOrEqual(15);
      expect(result.categoryAccuracy).toBeGreaterThanOrEqual(categoryFloor);
      expect(result.objectionCorrect / result.objectionTotal).toBeGreaterThanOrEqual(objectionFloor);
    },
  );
});

// Since issue 11's leave-one-author-out round every sealed-1 … sealed-6 coaching file is also TRAIN (the classifier
// learns from them), so the floors below are regression floors on training data.
// The scored never-seen sets once tuned on (sealed-1 and sealed-2, TUNE before TRAIN): regression floors a few points
// under their figures after the issue-11 tuning round (category 91-98%, slots 89-99%, objection type 89-100%),
// with room for the Fair Housing guard's own changes to the COMPLIANCE_WARNING answers. Not held-out figures.
describe('offline coach — scored sets now tuned on', () => {
  it.each([
    ['sealed-1/alpha-coaching.jsonl'],
    ['sealed-1/bravo-coaching.jsonl'],
    ['sealed-1/charlie-coaching.jsonl'],
    ['sealed-2/delta-coaching.jsonl'],
    ['sealed-2/echo-coaching.jsonl'],
    ['sealed-2/foxtrot-coaching.jsonl'],
  ])('keeps its category, slot and objection-type floor on %s', (file) => {
    const result = evaluate(loadExamples(path.join(FIXTURES, file)), offlineCoach, { now: NOW });
    expect(result.total).toBeGreaterThanOrEqual(50);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.88);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(result.objectionCorrect / result.objectionTotal).toBeGreaterThanOrEqual(0.85);
  });
});

// sealed-3 (scored once at d87b287, now TUNE): its misses were read in issue 11 round 2 (golf and india while
// tuning; hotel only once, as the check), so these floors guard regressions and are not held-out figures. At
// 612fc80: category 92-97%, slots 77-96% (hotel's areas and timelines are the weak side), objection type 82-96%;
// slots 90-98% after issue 11 round 3's slot work (floors raised).
describe('offline coach — sealed-3, now tuned on', () => {
  it.each([
    ['sealed-3/golf-coaching.jsonl', 0.88, 0.86],
    ['sealed-3/hotel-coaching.jsonl', 0.88, 0.9],
    ['sealed-3/india-coaching.jsonl', 0.88, 0.94],
  ])('keeps its category, slot and objection-type floor on %s', (file, categoryFloor, slotFloor) => {
    const result = evaluate(loadExamples(path.join(FIXTURES, file)), offlineCoach, { now: NOW });
    expect(result.total).toBeGreaterThanOrEqual(55);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(categoryFloor);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(slotFloor);
    expect(result.objectionCorrect / result.objectionTotal).toBeGreaterThanOrEqual(0.8);
  });
});

// sealed-4 (scored once at 027f88f: slots 77.0%, then TUNE): its slot misses were read in issue 11 round 3 after one
// scoring of the older-set work (78.8%); slots 91-95% after that tuning, so these are regression floors, not held-out
// figures. Category 92-95% and objection type 86-90% are unchanged by the slot work.
describe('offline coach — sealed-4, now tuned on', () => {
  it.each([
    ['sealed-4/juliet-coaching.jsonl'],
    ['sealed-4/kilo-coaching.jsonl'],
    ['sealed-4/lima-coaching.jsonl'],
  ])('keeps its category, slot and objection-type floor on %s', (file) => {
    const result = evaluate(loadExamples(path.join(FIXTURES, file)), offlineCoach, { now: NOW });
    expect(result.total).toBeGreaterThanOrEqual(60);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.88);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(0.88);
    expect(result.objectionCorrect / result.objectionTotal).toBeGreaterThanOrEqual(0.8);
  });
});

// sealed-6 (scored once at 2adbc40: 94.1% category, 88.6% slots, 89.1% objection type; then TUNE): its misses were
// read in issue 11's fourth slot round (coordinator turns, invented timelines, areas, sellers' prices) and the
// classify-refine rules. After that: category 93-98%, slots 94-96%, objection type 85-95%, role gap 4.8 points.
// Regression floors, not held-out figures.
describe('offline coach — sealed-6, now tuned on', () => {
  it.each([
    ['sealed-6/papa-coaching.jsonl'],
    ['sealed-6/quebec-coaching.jsonl'],
    ['sealed-6/romeo-coaching.jsonl'],
  ])('keeps its category, slot and objection-type floor on %s', (file) => {
    const result = evaluate(loadExamples(path.join(FIXTURES, file)), offlineCoach, { now: NOW });
    expect(result.total).toBeGreaterThanOrEqual(60);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.slotAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(result.objectionCorrect / result.objectionTotal).toBeGreaterThanOrEqual(0.82);
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

  // Grouped folds: a conversation and its near-duplicates never straddle folds (tools/coach/cross-validate.ts).
  it('keeps its grouped 10-fold cross-validation floor', () => {
    const rows = crossValidate(files, 10);
    console.log(formatCrossValidation(rows));
    const kfold = rows.filter((r) => r.name.startsWith('fold'));
    const total = kfold.reduce((a, r) => a + r.total, 0);
    const classifier = kfold.reduce((a, r) => a + r.classifierCorrect, 0) / total;
    const coach = kfold.reduce((a, r) => a + r.coachCorrect, 0) / total;
    expect(total).toBeGreaterThanOrEqual(300);
    expect(classifier).toBeGreaterThanOrEqual(0.84);
    expect(coach).toBeGreaterThanOrEqual(0.92);
  });
});
