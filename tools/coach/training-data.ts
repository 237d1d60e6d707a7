/**
 * Which labelled files train the classifier (paths relative to the repo root) and how examples become
 * training rows. blind-3 and blind-4 are deliberately absent: they stay unseen, as honest tests.
 */
import type { Example } from './evaluate';
import { labelOf, type TrainingExample } from './train';

export const TRAINING_FILES: readonly string[] = [
  '../shared/coaching-devset.jsonl',
  'tests/fixtures/coaching-heldout.jsonl',
  'tests/fixtures/coaching-blind-1.jsonl',
  'tests/fixtures/coaching-blind-2.jsonl',
];

export function trainingExamples(examples: Example[]): TrainingExample[] {
  return examples.map((e) => ({
    role: e.agentRole,
    turns: e.turns,
    label: labelOf(e.expect.category, e.expect.objection),
  }));
}
