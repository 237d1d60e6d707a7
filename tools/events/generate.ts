/**
 * `npm run events`: writes schema/events.json and schema/events.md from the code (see catalogue.ts);
 * `npm run events -- --check` writes nothing and fails when they differ from the code or a rule breaks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCatalogue, problems, renderJson, renderMarkdown } from './catalogue';
import { scanEvents, type ScanResult } from './scan';

export const CATALOGUE_FILES = { json: 'schema/events.json', md: 'schema/events.md' } as const;

/** The catalogue files as the code says they should be, by path relative to `root`. */
export function expectedCatalogue(
  root: string,
  scan: ScanResult = scanEvents(root),
): { files: Record<string, string>; problems: string[] } {
  const catalogue = buildCatalogue(scan);
  return {
    files: { [CATALOGUE_FILES.json]: renderJson(catalogue), [CATALOGUE_FILES.md]: renderMarkdown(catalogue) },
    problems: problems(scan, catalogue),
  };
}

function main(): void {
  const root = path.resolve(__dirname, '../..');
  const check = process.argv.includes('--check');
  const expected = expectedCatalogue(root);
  let failed = false;
  for (const [file, text] of Object.entries(expected.files)) {
    const full = path.join(root, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
    if (current === text) continue;
    if (check) {
      process.stderr.write(`${file} is out of date: run npm run events\n`);
      failed = true;
    } else {
      fs.writeFileSync(full, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  for (const p of expected.problems) process.stderr.write(`event rule broken: ${p}\n`);
  if (failed || expected.problems.length) process.exitCode = 1;
}

if (require.main === module) main();
