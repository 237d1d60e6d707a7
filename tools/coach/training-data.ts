/**
 * Which labelled files train the classifier (paths relative to the repo root) and how examples become
 * training rows. The list derives from tools/coach/eval-manifest.ts (its TRAIN coaching files): TUNE and
 * SEALED files are never trained on.
 */
import { entriesOf } from './eval-manifest';
import type { Example } from './examples';
import { labelOf, type TrainingExample } from './train';

export const TRAINING_FILES: readonly string[] = entriesOf('TRAIN', 'COACHING').map((e) => e.path);

export function trainingExamples(examples: Example[]): TrainingExample[] {
  return examples.map((e) => ({
    role: e.agentRole,
    turns: e.turns,
    label: labelOf(e.expect.category, e.expect.objection),
  }));
}
