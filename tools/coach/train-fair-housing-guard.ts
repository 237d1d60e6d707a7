/**
 * Trains the learned Fair Housing judge the guard ships (subgraphs/coaching/coach/fair-housing-model.ts) and
 * writes its weights, EXACTLY as it was scored once on the fresh set sealed-8 at 1452a95
 * (cross-validate-fair-housing-authors.ts --score, "trained on every fold"): structural features plus word
 * unigrams and bigrams, L2 0.001, 400 steps, trained on the author folds (sealed-1 … sealed-6, the check files),
 * fair-housing-tune.jsonl and the benign background (fair-housing-guard-data.ts; sealed-7 on never read).
 *   node -r @swc-node/register tools/coach/train-fair-housing-guard.ts          write fair-housing-model.generated.json
 *   node -r @swc-node/register tools/coach/train-fair-housing-guard.ts --check  exit 1 when the committed file is stale
 * Only non-zero weights are kept (the trainer already rounds to 1e-4, so scores are those of the scoring run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { guardFeatures, type FairHousingGuardModel } from '../../subgraphs/coaching/coach/fair-housing-model';
import { REPO_ROOT } from './eval-split';
import { authorFolds, extraExamples } from './fair-housing-guard-data';
import { trainFairHousingModel } from './train-fair-housing-lr';

const OUT = path.join(REPO_ROOT, 'subgraphs/coaching/coach/fair-housing-model.generated.json');
/** The defaults of cross-validate-fair-housing-authors.ts, as scored. */
export const GUARD_L2 = 0.001;
export const GUARD_STEPS = 400;

export function trainGuardModel(): FairHousingGuardModel {
  const train = [...authorFolds(guardFeatures).flat(), ...extraExamples(guardFeatures)];
  const model = trainFairHousingModel(train, GUARD_L2, GUARD_STEPS);
  const weights: Record<string, number> = {};
  model.vocab.forEach((f, i) => {
    const w = model.weights[i] ?? 0;
    if (w !== 0) weights[f] = w;
  });
  return { version: 1, l2: GUARD_L2, steps: GUARD_STEPS, bias: model.bias, weights };
}

/** One weight a line: small diffs when retrained, no formatter needed. */
export function serializeGuardModel(model: FairHousingGuardModel): string {
  const lines = Object.entries(model.weights).map(([f, w]) => `    ${JSON.stringify(f)}: ${w}`);
  const head = `  "version": ${model.version},\n  "l2": ${model.l2},\n  "steps": ${model.steps},\n  "bias": ${model.bias},`;
  return `{\n${head}\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

function main(argv: string[]): number {
  const text = serializeGuardModel(trainGuardModel());
  if (argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      process.stderr.write(
        `train-fair-housing-guard: ${OUT} is stale — run tools/coach/train-fair-housing-guard.ts\n`,
      );
      return 1;
    }
    process.stdout.write('fair housing model is up to date\n');
    return 0;
  }
  writeFileSync(OUT, text);
  process.stdout.write(`wrote ${OUT} (${text.length} bytes)\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
