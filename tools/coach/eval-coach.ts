/**
 * Evaluates the offline coach on a labelled JSONL file and prints the report, headed by the file's split
 * (tools/coach/eval-manifest.ts) and how many of its examples also appear in training or tuning data.
 *   npm run eval:coach -- [FILE] [--json] [--heldout] [--now=ISO]
 *       (default FILE: ../shared/coaching-devset.jsonl next to the repo)
 *       --heldout  refuse a TRAIN or TUNE file (exit 1), and leave examples that also appear in training or
 *                  tuning data out of the figures
 *       --json     one JSON object with every figure
 *   npm run eval:coach -- --cv K [--json]   grouped k-fold cross-validation of the model over the training files
 * Exit code 0 after printing the report; 1 when the file is unreadable, invalid or refused.
 */
import * as path from 'node:path';
import { offlineCoach } from '../../subgraphs/coaching/coach/offline-coach';
import { crossValidate, crossValidationSummary, formatCrossValidation } from './cross-validate';
import {
  checkSplit,
  parseArgs,
  provenance,
  resolveFile,
  sealedRecord,
  UsageError,
  type EvalArgs,
} from './eval-cli';
import { findOverlap, loadSplit, type OverlapResult } from './eval-overlap';
import { formatReport, reportObject } from './eval-report';
import { REPO_ROOT } from './eval-split';
import { evaluate } from './evaluate';
import { ExampleFileError, loadExamples } from './examples';

const DEFAULT_FILE = path.resolve(REPO_ROOT, '../shared/coaching-devset.jsonl');

function overlapLines(label: string, o: OverlapResult, files: number): string[] {
  const lines = [
    `${o.count} examples also appear in ${label} data (last lead turn compared with ${files} files)`,
  ];
  for (const m of o.matches.slice(0, 20)) lines.push(`    ${m.id} = ${m.alsoIn.join(', ')}`);
  if (o.matches.length > 20) lines.push(`    … and ${o.matches.length - 20} more`);
  return lines;
}

function evaluateFile(file: string, args: EvalArgs): string {
  const { info, header } = checkSplit(file, args.heldout);
  const examples = loadExamples(file);
  const training = loadSplit('TRAIN', { except: file });
  const tuning = loadSplit('TUNE', { except: file });
  const inTraining = findOverlap(examples, training.files);
  const inTuning = findOverlap(examples, tuning.files);
  const excluded = new Set(args.heldout ? [...inTraining.matches, ...inTuning.matches].map((m) => m.id) : []);
  const scored = examples.filter((e) => !excluded.has(e.id));
  const result = evaluate(scored, offlineCoach, args.now !== undefined ? { now: args.now } : {});
  const when = provenance();
  const notes = [
    ...overlapLines('training', inTraining, training.files.length),
    ...overlapLines('tuning', inTuning, tuning.files.length),
    ...[...training.missing, ...tuning.missing].map((m) => `note: ${m} not found, not compared`),
    ...(excluded.size > 0 ? [`--heldout: ${excluded.size} of them left out of these figures`] : []),
    ...sealedRecord(info, 'COACHING', when),
  ];
  if (args.json) {
    return JSON.stringify({
      file,
      relPath: info.relPath,
      split: info.split,
      heldout: args.heldout,
      header,
      provenance: when,
      overlap: { training: inTraining, tuning: inTuning, excludedFromFigures: [...excluded] },
      manifestRecord: sealedRecord(info, 'COACHING', when),
      ...reportObject(result),
    });
  }
  return [
    file,
    ...header,
    ...notes,
    `scored at ${when.commit} on ${when.date}`,
    '',
    formatReport(result),
  ].join('\n');
}

function crossValidation(k: number, json: boolean): string {
  const { files, missing } = loadSplit('TRAIN');
  const rows = crossValidate(files, k);
  if (json) return JSON.stringify({ provenance: provenance(), missing, ...crossValidationSummary(rows) });
  const notes = missing.map((m) => `note: ${m} not found, left out`);
  return [...notes, formatCrossValidation(rows)].join('\n');
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    const out =
      args.cv !== undefined
        ? crossValidation(args.cv, args.json)
        : evaluateFile(args.file !== undefined ? resolveFile(args.file) : DEFAULT_FILE, args);
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ExampleFileError || err instanceof UsageError) {
      process.stderr.write(`eval-coach: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
