/**
 * Evaluates the offline coach on a labelled JSONL file and prints the report.
 *   npm run eval:coach -- [FILE]     (default: ../shared/coaching-devset.jsonl next to the repo)
 * Exit code 0 after printing the report; 1 when the file is unreadable or invalid.
 */
import * as path from 'node:path';
import { offlineCoach } from '../../subgraphs/coaching/coach/offline-coach';
import { ExampleFileError, evaluate, formatReport, loadExamples } from './evaluate';

function main(argv: string[]): number {
  const arg = argv.find((a) => !a.startsWith('--'));
  const now = argv.find((a) => a.startsWith('--now='))?.slice('--now='.length);
  const base = process.env.INIT_CWD ?? process.cwd();
  const file =
    arg !== undefined
      ? path.resolve(base, arg)
      : path.resolve(__dirname, '../../../shared/coaching-devset.jsonl');
  try {
    const examples = loadExamples(file);
    const result = evaluate(examples, offlineCoach, now !== undefined ? { now } : {});
    process.stdout.write(`${file}\n${formatReport(result)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ExampleFileError) {
      process.stderr.write(`eval-coach: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
