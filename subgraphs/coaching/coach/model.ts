/**
 * The committed classifier (model.generated.json, produced by tools/coach/train-coach.ts) and the arbiter that
 * combines it with the rules: Fair Housing rules always win; strong rule matches win unless the model is
 * near-certain; weak or default rule answers give way to a confident model.
 */
import { HintCategory, ObjectionType } from '../../../core/vocabulary';
import raw from './model.generated.json';
import { compile, parseModel, predict, type CompiledModel, type Prediction } from './naive-bayes';
import type { Classification, RuleStrength, Turn } from './types';

let cached: CompiledModel | undefined;

/** The committed model, validated and compiled once. */
export function defaultModel(): CompiledModel {
  cached ??= compile(parseModel(raw));
  return cached;
}

/**
 * Minimum model probability (of its top label) needed to override a rule answer of each strength. Naive Bayes is
 * overconfident; in 10-fold cross-validation its top label was right 95% of the time at p ≥ 0.99999, 87% at
 * p ≥ 0.9999, ~67% at 0.9–0.999 and ~55% below — so only a near-certain model overrules a rule that matched.
 */
export const OVERRIDE_THRESHOLD: Record<RuleStrength, number> = {
  compliance: Number.POSITIVE_INFINITY,
  strong: 0.999999,
  weak: 0.9999,
  default: 0.6,
};

const CATEGORIES = new Set<string>(Object.values(HintCategory));
const OBJECTIONS = new Set<string>(Object.values(ObjectionType));

function split(label: string): { category: HintCategory; objection?: ObjectionType } | null {
  const [cat, obj] = label.split('/');
  if (cat === undefined || !CATEGORIES.has(cat)) return null;
  const category = cat as HintCategory;
  if (obj !== undefined && OBJECTIONS.has(obj)) return { category, objection: obj as ObjectionType };
  return { category };
}

/** Combines the rule classification with the model's prediction for the same turns. */
export function arbitrate(rules: Classification, prediction: Prediction): Classification {
  const strength = rules.strength ?? 'strong';
  const model = split(prediction.label);
  if (!model) return rules;
  const sameCategory = model.category === rules.category;
  if (sameCategory && model.objection === rules.objection) return rules;
  if (prediction.probability < OVERRIDE_THRESHOLD[strength]) return rules;
  // Same category, different objection type: only a weak/default rule answer gives up its type.
  if (sameCategory && strength === 'strong') return rules;
  const out: Classification = {
    category: model.category,
    signals: [...rules.signals, `model:${prediction.label}@${prediction.probability.toFixed(2)}`],
    confidence: Math.round(Math.min(0.9, prediction.probability) * 100) / 100,
    strength,
  };
  if (model.objection !== undefined) out.objection = model.objection;
  return out;
}

/** Classifies with rules, then lets the model arbitrate. */
export function classifyWithModel(
  rules: Classification,
  turns: Turn[],
  role: string,
  model: CompiledModel = defaultModel(),
): Classification {
  if (model.labels.length === 0) return rules;
  return arbitrate(rules, predict(model, turns, role));
}
