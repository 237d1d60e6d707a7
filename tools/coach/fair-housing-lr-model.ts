/**
 * An EXPERIMENTAL learned Fair Housing scorer, scoring side: L2-regularized logistic regression over the
 * features of fair-housing-lr-features.ts (the rules' signals, class tokens, words and bigrams), trained by
 * train-fair-housing-lr.ts. Only cross-validate-fair-housing.ts uses it: in leave-one-file-out it did not beat
 * the rules on the independent authors' sets, so the guard does not ship it (figures in that file's header).
 */
import type { Speaker } from '../../subgraphs/coaching/coach/fair-housing-frames';
import {
  scoreFeatures,
  type CompiledFairHousingModel,
} from '../../subgraphs/coaching/coach/fair-housing-model';
import { fairHousingFeatures } from './fair-housing-lr-features';

export { scoreFeatures, type CompiledFairHousingModel };

export interface FairHousingModel {
  version: 1;
  /** L2 strength it was trained with (provenance). */
  l2: number;
  bias: number;
  vocab: string[];
  weights: number[];
}

export function compileFairHousingModel(model: FairHousingModel): CompiledFairHousingModel {
  return { bias: model.bias, weight: new Map(model.vocab.map((f, i) => [f, model.weights[i] ?? 0])) };
}

/** Probability that `text`, said by `speaker`, steers. */
export function steeringProbability(model: CompiledFairHousingModel, text: string, speaker: Speaker): number {
  return scoreFeatures(model, fairHousingFeatures(text, speaker));
}
