/**
 * Training the EXPERIMENTAL learned Fair Housing scorer (offline tooling, measured by cross-validate-fair-housing.ts): L2-regularized logistic regression by full-batch
 * gradient descent over presence features, deterministic (sorted vocabulary, zero start, fixed steps) so the
 * figures reproduce exactly. fair-housing-lr-model.ts scores it.
 */
import type { FairHousingModel } from './fair-housing-lr-model';

export interface FeatureExample {
  features: readonly string[];
  steering: boolean;
}

export const DEFAULT_L2 = 0.01;
const STEPS = 400;
const RATE = 0.5;
/** Features seen in fewer training examples than this are dropped (noise, and size). */
const MIN_COUNT = 2;

function vocabulary(examples: FeatureExample[]): string[] {
  const count = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) count.set(f, (count.get(f) ?? 0) + 1);
  return [...count.keys()].filter((f) => (count.get(f) ?? 0) >= MIN_COUNT).sort();
}

export function trainFairHousingModel(
  examples: FeatureExample[],
  l2 = DEFAULT_L2,
  steps = STEPS,
): FairHousingModel {
  const vocab = vocabulary(examples);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = examples.map((ex) => ({
    idx: ex.features.flatMap((f) => (index.has(f) ? [index.get(f) ?? 0] : [])),
    y: ex.steering ? 1 : 0,
  }));
  const w = new Float64Array(vocab.length);
  let bias = 0;
  const n = rows.length;
  for (let step = 0; step < steps; step++) {
    const grad = new Float64Array(vocab.length);
    let gBias = 0;
    for (const r of rows) {
      let z = bias;
      for (const i of r.idx) z += w[i] ?? 0;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      gBias += err;
      for (const i of r.idx) grad[i] = (grad[i] ?? 0) + err;
    }
    bias -= (RATE * gBias) / n;
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) - RATE * ((grad[i] ?? 0) / n + l2 * (w[i] ?? 0));
  }
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return { version: 1, l2, bias: round(bias), vocab, weights: [...w].map(round) };
}
