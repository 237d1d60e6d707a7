/**
 * `npm run eval:fair-housing` as a user runs it: it refuses to call the guard's tuning set held out, and a copy of
 * tuning utterances under a new name is caught by its content and kept out of the held-out figures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const TUNE = 'tests/fixtures/fair-housing-tune.jsonl';

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/coach/eval-fair-housing.ts', ...args],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT, NODE_OPTIONS: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Two tuning utterances re-cased and re-punctuated, plus one new one, under an unlisted name. */
function disguisedCopy(): string {
  const lines = readFileSync(path.join(ROOT, TUNE), 'utf8').split('\n').filter(Boolean);
  const copied = lines.slice(0, 2).map((l) => {
    const item = JSON.parse(l) as { id: string; text: string };
    return JSON.stringify({ ...item, id: `copy-${item.id}`, text: `${item.text.toUpperCase()}!!` });
  });
  const fresh = JSON.stringify({
    id: 'new-1',
    speaker: 'LEAD',
    side: 'BUYER',
    style: 'NEUTRAL_FACT',
    language: 'en',
    text: 'the listing says the roof was replaced in 2019',
    expect: 'BENIGN',
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'eval-fh-')), 'looks-new.jsonl');
  writeFileSync(file, [...copied, fresh].join('\n'));
  return file;
}

describe('eval:fair-housing command', () => {
  it('exits 1 with a clear message when --heldout is asked of the tuning set', async () => {
    const r = await run([TUNE, '--heldout']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--heldout refused: tests\/fixtures\/fair-housing-tune\.jsonl is TUNING data/);
  });

  it('counts copied tuning utterances and leaves them out of --heldout figures', async () => {
    const file = disguisedCopy();
    const plain = await run([file, '--json']);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.stdout) as { split: string; total: number; overlap: { id: string }[] };
    expect(report.split).toBe('UNLISTED');
    expect(report.total).toBe(3);
    expect(report.overlap.map((o) => o.id).sort()).toEqual(
      readFileSync(path.join(ROOT, TUNE), 'utf8')
        .split('\n')
        .slice(0, 2)
        .map((l) => `copy-${(JSON.parse(l) as { id: string }).id}`)
        .sort(),
    );
    const heldout = await run([file, '--heldout']);
    expect(heldout.code).toBe(0);
    expect(heldout.stdout).toMatch(/--heldout: 2 of them left out of these figures/);
    expect(heldout.stdout).toMatch(/^utterances: 1 \(0 steering, 1 benign\)$/m);
  });
});
