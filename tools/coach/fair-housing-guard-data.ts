/**
 * The training data of the learned Fair Housing judge, built ONE way for the cross-validation
 * (cross-validate-fair-housing-authors.ts) and the generator of the shipped weights (train-fair-housing-guard.ts):
 * the author folds (fair-housing-authors.ts: sealed-1 … sealed-6 and the check files, listed by hand), the extra
 * training file (fair-housing-tune.jsonl) and the benign background (the coach's non-compliance training turns,
 * sealed-7 on left out). Order matters for reproducing the figures exactly: folds, extra files, background.
 */
import * as path from 'node:path';
import type { Speaker } from '../../subgraphs/coaching/coach/fair-housing-frames';
import { REPO_ROOT } from './eval-split';
import { loadExamples } from './examples';
import { AUTHOR_FILES, EXTRA_TRAINING_FILES } from './fair-housing-authors';
import { loadFairHousingItems, type FairHousingItem } from './fair-housing-items';
import type { FeatureExample } from './train-fair-housing-lr';
import { TRAINING_FILES } from './training-data';

export type FeaturesOf = (text: string, speaker: Speaker) => string[];

export interface FoldItem extends FeatureExample {
  fold: string;
  item: FairHousingItem;
  features: string[];
}

export interface TaggedExample extends FeatureExample {
  author?: string | undefined;
}

/** The author of a file ("sealed-3/golf-coaching.jsonl" → "golf"; other files have none). */
const authorOf = (file: string): string | undefined => /sealed-\d+\/([a-z]+)-[a-z-]+\.jsonl$/.exec(file)?.[1];

/** One fold per author file, in AUTHOR_FILES order. */
export function authorFolds(featuresOf: FeaturesOf): FoldItem[][] {
  return AUTHOR_FILES.map((f) =>
    loadFairHousingItems(path.resolve(REPO_ROOT, f)).map((item) => ({
      fold: path.basename(f, '.jsonl').replace('-fair-housing', ''),
      item,
      steering: item.expect === 'STEERING',
      features: featuresOf(item.text, item.speaker),
    })),
  );
}

/**
 * Benign background: the coach's training turns whose expected hint is not a compliance warning, each tagged
 * with its author so that a held-out author's own coaching conversations leave training with them.
 */
function background(featuresOf: FeaturesOf): TaggedExample[] {
  return TRAINING_FILES.filter((f) => !/sealed-(?:[7-9]|\d{2,})\//.test(f)).flatMap((f) =>
    loadExamples(path.resolve(REPO_ROOT, f))
      .filter((e) => e.expect.category !== 'COMPLIANCE_WARNING')
      .flatMap((e) => e.turns)
      .map((t) => ({
        author: authorOf(f),
        features: featuresOf(t.text, t.speaker === 'AGENT' ? 'AGENT' : 'LEAD'),
        steering: false,
      })),
  );
}

/** The extra training files' items, then the background. */
export function extraExamples(featuresOf: FeaturesOf): TaggedExample[] {
  return [
    ...EXTRA_TRAINING_FILES.flatMap((f) => loadFairHousingItems(path.resolve(REPO_ROOT, f))).map((i) => ({
      features: featuresOf(i.text, i.speaker),
      steering: i.expect === 'STEERING',
    })),
    ...background(featuresOf),
  ];
}
