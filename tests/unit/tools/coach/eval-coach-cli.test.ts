/**
 * `npm run eval:coach` as a user runs it: it refuses to call a training file held out, and a copy of training
 * examples under a new name is caught by its content and kept out of the held-out figures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/coach/eval-coach.ts', ...args],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT, NODE_OPTIONS: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Two training examples re-punctuated and re-cased, plus one new example, under an unlisted name. */
function disguisedCopy(): string {
  const lines = readFileSync(path.join(ROOT, 'tests/fixtures/coaching-blind-2.jsonl'), 'utf8').split('\n');
  const copied = lines.slice(0, 2).map((l) => {
    const ex = JSON.parse(l) as { id: string; turns: { speaker: string; text: string }[] };
    ex.id = `copy-${ex.id}`;
    const last = ex.turns[ex.turns.length - 1];
    if (last) last.text = `  ${last.text.toUpperCase().replace(/[.,!?]/g, '')}!!  `;
    return JSON.stringify(ex);
  });
  const fresh = JSON.stringify({
    id: 'new-1',
    agentRole: 'BUYER_AGENT',
    turns: [
      { speaker: 'LEAD', text: 'we would like to see the townhouse on saturday morning if it is free' },
    ],
    expect: { category: 'NEXT_STEP', slots: { propertyType: 'TOWNHOUSE' } },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'eval-coach-'));
  const file = path.join(dir, 'looks-new.jsonl');
  writeFileSync(file, [...copied, fresh].join('\n'));
  return file;
}

describe('eval:coach command', () => {
  it('exits 1 with a clear message when --heldout is asked of a training file', async () => {
    const r = await run(['tests/fixtures/coaching-blind-1.jsonl', '--heldout']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--heldout refused: tests\/fixtures\/coaching-blind-1\.jsonl is TRAINING data/);
    expect(r.stdout).toBe('');
  });

  it('heads a training file "TRAINING DATA — these figures are not held-out"', async () => {
    const r = await run(['tests/fixtures/coaching-blind-1.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/split: TRAIN[\s\S]*TRAINING DATA — these figures are not held-out/);
  });

  it('counts copied training examples in an unlisted file and leaves them out of --heldout figures', async () => {
    const file = disguisedCopy();
    const plain = await run([file, '--json']);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.stdout) as {
      split: string;
      total: number;
      overlap: { training: { count: number; matches: { id: string }[] } };
    };
    expect(report.split).toBe('UNLISTED');
    expect(report.total).toBe(3);
    expect(report.overlap.training.count).toBe(2);
    expect(report.overlap.training.matches.map((m) => m.id)).toEqual(['copy-b2-001', 'copy-b2-002']);

    const heldout = await run([file, '--heldout']);
    expect(heldout.code).toBe(0);
    expect(heldout.stdout).toMatch(/2 examples also appear in training data/);
    expect(heldout.stdout).toMatch(/--heldout: 2 of them left out of these figures/);
    expect(heldout.stdout).toMatch(/^examples: 1$/m);
  });
});
