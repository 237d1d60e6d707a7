/**
 * Training the coach's Multinomial Naive Bayes classifier (offline tooling, not part of any running service).
 * Training is deterministic (sorted vocabulary and labels) so the committed model can be regenerated exactly;
 * the runtime (subgraphs/coaching/coach/naive-bayes.ts) only validates, compiles and scores it.
 */
import { featuresOf } from '../../subgraphs/coaching/coach/features';
import type { NaiveBayesModel } from '../../subgraphs/coaching/coach/naive-bayes';
import type { Turn } from '../../subgraphs/coaching/coach/types';

export interface TrainingExample {
  role: string;
  turns: Turn[];
  label: string;
}

export const DEFAULT_ALPHA = 0.1;
/** Features seen fewer times than this in training are dropped from the model (noise, and size). */
const MIN_COUNT = 2;

export function labelOf(category: string, objection?: string): string {
  return objection !== undefined ? `${category}/${objection}` : category;
}

export function train(examples: TrainingExample[], alpha = DEFAULT_ALPHA): NaiveBayesModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const li = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const raw = new Map<string, number[]>();
  for (const ex of examples) {
    const c = li.get(ex.label) ?? 0;
    docs[c] = (docs[c] ?? 0) + 1;
    for (const f of featuresOf(ex.turns, ex.role)) {
      let row = raw.get(f);
      if (!row) raw.set(f, (row = labels.map(() => 0)));
      row[c] = (row[c] ?? 0) + 1;
    }
  }
  const vocab = [...raw.keys()]
    .filter((f) => (raw.get(f) ?? []).reduce((a, b) => a + b, 0) >= MIN_COUNT)
    .sort();
  return { version: 1, alpha, labels, docs, vocab, counts: vocab.map((f) => raw.get(f) ?? []) };
}

/** Canonical JSON text of a model (the trainer formats it with prettier before writing). */
export function serializeModel(model: NaiveBayesModel): string {
  return `${JSON.stringify(model)}\n`;
}
