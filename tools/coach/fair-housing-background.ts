/**
 * Background for the learned Fair Housing scorer: every turn of the coach's training conversations whose
 * expected hint is not a COMPLIANCE_WARNING, as benign text. Fair Housing sets are half steering; real leads and
 * agents mostly talk about prices, areas, schools and showings, and the scorer must learn that such talk (areas,
 * "families", "good schools") is not steering by itself.
 */
import * as path from 'node:path';
import { fairHousingFeatures } from './fair-housing-lr-features';
import { REPO_ROOT } from './eval-split';
import { loadExamples } from './examples';
import type { FeatureExample } from './train-fair-housing-lr';
import { TRAINING_FILES } from './training-data';

export function backgroundExamples(): FeatureExample[] {
  return TRAINING_FILES.flatMap((f) => loadExamples(path.resolve(REPO_ROOT, f)))
    .filter((e) => e.expect.category !== 'COMPLIANCE_WARNING')
    .flatMap((e) => e.turns)
    .map((t) => ({
      features: fairHousingFeatures(t.text, t.speaker === 'AGENT' ? 'AGENT' : 'LEAD'),
      steering: false,
    }));
}
