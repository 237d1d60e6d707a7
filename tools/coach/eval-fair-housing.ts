/**
 * Scores the Fair Housing guard on a labelled utterance file (format: tools/coach/fair-housing-items.ts) and
 * prints steering caught, false alarms on benign near-misses, the breakdowns and every miss and false alarm,
 * headed by the file's split (tools/coach/eval-manifest.ts).
 *   npm run eval:fair-housing -- FILE [--json] [--heldout]
 *       --heldout  refuse a TRAIN or TUNE file (exit 1), and leave utterances that also appear in a Fair
 *                  Housing training or tuning file out of the figures
 * Exit code 0 after printing the report; 1 when the file is unreadable, invalid or refused.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { judgeFairHousing } from '../../subgraphs/coaching/coach/fair-housing';
import {
  checkSplit,
  parseArgs,
  provenance,
  resolveFile,
  sealedRecord,
  UsageError,
  type EvalArgs,
} from './eval-cli';
import { EVAL_MANIFEST } from './eval-manifest';
import { normalizeText } from './eval-overlap';
import { REPO_ROOT } from './eval-split';
import { ExampleFileError } from './examples';
import { loadFairHousingItems, type FairHousingItem } from './fair-housing-items';
import { formatFairHousingReport } from './fair-housing-report';
import { scoreFairHousing } from './fair-housing-score';

/** Ids of items whose normalized text also appears in a Fair Housing TRAIN or TUNE file (other than this one). */
function overlapWithTuning(file: string, items: FairHousingItem[]): { id: string; alsoIn: string }[] {
  const seen = new Map<string, string>();
  for (const e of EVAL_MANIFEST) {
    const abs = path.resolve(REPO_ROOT, e.path);
    if (e.kind !== 'FAIR_HOUSING' || e.split === 'SEALED' || abs === file || !existsSync(abs)) continue;
    for (const other of loadFairHousingItems(abs))
      seen.set(normalizeText(other.text), `${path.basename(abs)}:${other.id}`);
  }
  return items.flatMap((i) => {
    const alsoIn = seen.get(normalizeText(i.text));
    return alsoIn !== undefined ? [{ id: i.id, alsoIn }] : [];
  });
}

function evaluateFile(file: string, args: EvalArgs): string {
  const { info, header } = checkSplit(file, args.heldout);
  const items = loadFairHousingItems(file);
  const overlap = overlapWithTuning(file, items);
  const excluded = new Set(args.heldout ? overlap.map((o) => o.id) : []);
  const result = scoreFairHousing(
    items.filter((i) => !excluded.has(i.id)),
    judgeFairHousing,
  );
  const when = provenance();
  if (args.json) {
    const { split, relPath } = info;
    return JSON.stringify({
      file,
      relPath,
      split,
      heldout: args.heldout,
      header,
      judge: 'judgeFairHousing',
      provenance: when,
      overlap,
      manifestRecord: sealedRecord(info, 'FAIR_HOUSING', when),
      ...result,
    });
  }
  const notes = [
    'judge: judgeFairHousing (subgraphs/coaching/coach/fair-housing.ts), with each utterance’s speaker',
    `${overlap.length} utterances also appear in Fair Housing training or tuning data`,
    ...overlap.slice(0, 20).map((o) => `    ${o.id} = ${o.alsoIn}`),
    ...(excluded.size > 0 ? [`--heldout: ${excluded.size} of them left out of these figures`] : []),
    ...sealedRecord(info, 'FAIR_HOUSING', when),
  ];
  return [
    file,
    ...header,
    ...notes,
    `scored at ${when.commit} on ${when.date}`,
    '',
    formatFairHousingReport(result),
  ].join('\n');
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.cv !== undefined) throw new UsageError('--cv is for eval:coach');
    if (args.file === undefined)
      throw new UsageError('usage: npm run eval:fair-housing -- FILE [--json] [--heldout]');
    process.stdout.write(`${evaluateFile(resolveFile(args.file), args)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ExampleFileError || err instanceof UsageError) {
      process.stderr.write(`eval-fair-housing: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
