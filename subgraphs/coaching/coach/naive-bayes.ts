/**
 * Multinomial Naive Bayes over the features in features.ts. Labels are "CATEGORY" or "OBJECTION_HANDLING/TYPE".
 * Training is deterministic (sorted vocabulary and labels) so the committed model can be regenerated exactly.
 */
import { featuresOf } from './features';
import type { Turn } from './types';

export interface TrainingExample {
  role: string;
  turns: Turn[];
  label: string;
}

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

export function predict(model: CompiledModel, turns: Turn[], role: string): Prediction {
  const scores = [...model.logPrior];
  for (const f of featuresOf(turns, role)) {
    const row = model.logLik.get(f);
    if (!row) continue;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + (row[c] ?? 0);
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
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

/** Canonical JSON text of a model (the trainer formats it with prettier before writing). */
export function serializeModel(model: NaiveBayesModel): string {
  return `${JSON.stringify(model)}\n`;
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
