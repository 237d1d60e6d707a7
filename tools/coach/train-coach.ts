/**
 * Trains the coach's Naive Bayes turn classifier on the labelled files and writes the committed model.
 *   node -r @swc-node/register tools/coach/train-coach.ts            write subgraphs/coaching/coach/model.generated.json
 *   node -r @swc-node/register tools/coach/train-coach.ts --check    exit 1 when the committed model is stale
 *   node -r @swc-node/register tools/coach/train-coach.ts --cv       cross-validation table (k-fold + leave-one-file-out)
 * blind-3 and blind-4 are never used for training: they are the honest tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'prettier';
import { crossValidate, formatCrossValidation } from './cross-validate';
import { loadExamples, type Example } from './evaluate';
import { serializeModel, train } from './train';
import { TRAINING_FILES, trainingExamples } from './training-data';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'subgraphs/coaching/coach/model.generated.json');

function load(): { name: string; examples: Example[] }[] {
  return TRAINING_FILES.map((f) => path.resolve(ROOT, f))
    .filter((f) => {
      if (!existsSync(f)) process.stderr.write(`train-coach: ${f} not found — training without it\n`);
      return existsSync(f);
    })
    .map((f) => ({ name: path.basename(f), examples: loadExamples(f) }));
}

async function main(argv: string[]): Promise<number> {
  const files = load();
  if (argv.includes('--cv')) {
    process.stdout.write(`${formatCrossValidation(crossValidate(files, 10))}\n`);
    return 0;
  }
  const model = train(trainingExamples(files.flatMap((f) => f.examples)));
  const text = await format(serializeModel(model), { parser: 'json', filepath: OUT });
  if (argv.includes('--check')) {
    const current: unknown = JSON.parse(readFileSync(OUT, 'utf8'));
    if (JSON.stringify(current) !== JSON.stringify(model)) {
      process.stderr.write(`train-coach: ${OUT} is stale — run tools/coach/train-coach.ts\n`);
      return 1;
    }
    process.stdout.write('model is up to date\n');
    return 0;
  }
  writeFileSync(OUT, text);
  process.stdout.write(`wrote ${OUT} (${text.length} bytes)\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`train-coach: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
