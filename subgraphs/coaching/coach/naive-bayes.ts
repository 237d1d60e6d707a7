/**
 * Multinomial Naive Bayes over the features in features.ts, inference only: the committed model is validated,
 * compiled and scored here. Labels are "CATEGORY" or "OBJECTION_HANDLING/TYPE". Training lives outside the
 * runtime, in tools/coach/train.ts.
 */
import { featuresOf } from './features';
import type { Turn } from './types';

/** Serialized model: per-feature counts for each label (dense rows, same order as `labels`). */
export interface NaiveBayesModel {
  version: 1;
  alpha: number;
  labels: string[];
  /** Training examples per label (class prior). */
  docs: number[];
  vocab: string[];
  counts: number[][];
}

export interface Prediction {
  label: string;
  probability: number;
  /** Probability of every label, same order as the model's labels. */
  distribution: { label: string; probability: number }[];
}

/** A model prepared for scoring: log-likelihood tables. */
export interface CompiledModel {
  labels: string[];
  logPrior: number[];
  logLik: Map<string, number[]>;
}

export function compile(model: NaiveBayesModel): CompiledModel {
  const n = model.labels.length;
  const totals = model.labels.map((_, c) => model.counts.reduce((a, row) => a + (row[c] ?? 0), 0));
  const v = model.vocab.length;
  const docsTotal = model.docs.reduce((a, b) => a + b, 0);
  const logPrior = model.docs.map((d) => Math.log((d + 1) / (docsTotal + n)));
  const logLik = new Map<string, number[]>();
  model.vocab.forEach((f, i) => {
    const row = model.counts[i] ?? [];
    logLik.set(
      f,
      model.labels.map((_, c) =>
        Math.log(((row[c] ?? 0) + model.alpha) / ((totals[c] ?? 0) + model.alpha * v)),
      ),
    );
  });
  return { labels: model.labels, logPrior, logLik };
}

/**
 * Naive Bayes counts every feature as independent evidence, so its raw posterior saturates (p ≈ 1.00 on turns it
 * gets wrong a third of the time). Dividing the log-scores by a temperature calibrates it: fitted by log-loss on
 * leave-one-file-out predictions over the training files (T = 1: log-loss 1.97, top-label bins at p ≥ 0.9 right
 * 85%; T = 4.5: log-loss ≈ 0.82, p ≥ 0.9 right ~94%, p 0.5–0.6 right ~65%). The ranking of labels is unchanged.
 */
export const TEMPERATURE = 4.5;

export function predict(model: CompiledModel, turns: Turn[], role: string): Prediction {
  const scores = [...model.logPrior];
  for (const f of featuresOf(turns, role)) {
    const row = model.logLik.get(f);
    if (!row) continue;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + (row[c] ?? 0);
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp((s - max) / TEMPERATURE));
  const z = exp.reduce((a, b) => a + b, 0);
  const distribution = model.labels.map((label, c) => ({ label, probability: (exp[c] ?? 0) / z }));
  const best = distribution.reduce((a, b) => (b.probability > a.probability ? b : a));
  return { label: best.label, probability: best.probability, distribution };
}

/** Probability mass of a category across its labels (all objection types for OBJECTION_HANDLING). */
export function categoryProbability(p: Prediction, category: string): number {
  return p.distribution
    .filter((d) => d.label === category || d.label.startsWith(`${category}/`))
    .reduce((a, d) => a + d.probability, 0);
}

const isNumbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Validates a parsed model (e.g. the committed JSON); throws on a malformed one. */
export function parseModel(raw: unknown): NaiveBayesModel {
  if (typeof raw !== 'object' || raw === null) throw new Error('model: not an object');
  const m = raw as Record<string, unknown>;
  const { alpha, labels, docs, vocab, counts } = m;
  if (m.version !== 1 || typeof alpha !== 'number') throw new Error('model: bad version or alpha');
  if (!isStrings(labels) || !isNumbers(docs) || docs.length !== labels.length)
    throw new Error('model: bad labels');
  if (!isStrings(vocab) || !Array.isArray(counts) || counts.length !== vocab.length)
    throw new Error('model: bad vocabulary');
  const rows: number[][] = counts.map((r: unknown) => {
    if (!isNumbers(r) || r.length !== labels.length) throw new Error('model: bad counts row');
    return r;
  });
  return { version: 1, alpha, labels, docs, vocab, counts: rows };
}
