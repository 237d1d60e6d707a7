/**
 * The evaluation manifest is the one source of truth for which labelled files train the coach: every labelled
 * file has a split, the training list derives from it, and nothing sealed or tuned on is ever trained on.
 */
import { readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { EVAL_MANIFEST, SEALED_DIR, type ManifestEntry } from '../../../../tools/coach/eval-manifest';
import { checkSplit, UsageError } from '../../../../tools/coach/eval-cli';
import { checkManifest, heldoutRefusal, splitHeader, splitOf } from '../../../../tools/coach/eval-split';
import { TRAINING_FILES } from '../../../../tools/coach/training-data';

const ROOT = path.resolve(__dirname, '../../../..');

/** Labelled JSONL files on disk, relative to the repo root: tests/fixtures (recursively) and ../shared. */
function labelledFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${d.name}`;
      if (d.isDirectory()) walk(rel);
      else if (d.name.endsWith('.jsonl')) found.push(rel);
    }
  };
  walk('tests/fixtures');
  if (existsSync(path.join(ROOT, '../shared')))
    for (const name of readdirSync(path.join(ROOT, '../shared')))
      if (name.endsWith('.jsonl')) found.push(`../shared/${name}`);
  return found;
}

const entry = (
  p: string,
  split: ManifestEntry['split'],
  extra: Partial<ManifestEntry> = {},
): ManifestEntry => ({
  path: p,
  kind: 'COACHING',
  split,
  writtenBy: 'test',
  ...extra,
});

describe('evaluation manifest', () => {
  it('gives every labelled file in the repository (and ../shared) a split', () => {
    const files = labelledFiles();
    expect(files).toContain('tests/fixtures/coaching-train-authored.jsonl');
    expect(checkManifest(EVAL_MANIFEST, files)).toEqual([]);
  });

  it('trains on exactly its TRAIN coaching files — never on a TUNE or SEALED one', () => {
    const train = EVAL_MANIFEST.filter((e) => e.split === 'TRAIN' && e.kind === 'COACHING').map(
      (e) => e.path,
    );
    expect([...TRAINING_FILES]).toEqual(train);
    for (const f of TRAINING_FILES) {
      expect(splitOf(path.resolve(ROOT, f), { root: ROOT }).split).toBe('TRAIN');
      expect(f.startsWith(`${SEALED_DIR}/`)).toBe(false);
    }
    expect(TRAINING_FILES.some((f) => /blind-[34]|tune|heldout/.test(f))).toBe(false);
  });

  it('keeps every TRAIN file in the repository present (a training run cannot silently shrink)', () => {
    for (const e of EVAL_MANIFEST.filter((x) => x.split === 'TRAIN' && !x.path.startsWith('../')))
      expect(existsSync(path.resolve(ROOT, e.path))).toBe(true);
  });

  it('reports an unlisted labelled file, a sealed file listed as training, a duplicate and a misplaced scoring', () => {
    const manifest = [
      entry('tests/fixtures/a.jsonl', 'TRAIN'),
      entry('tests/fixtures/a.jsonl', 'TUNE'),
      entry(`${SEALED_DIR}/someone/coaching.jsonl`, 'TRAIN'),
      entry('tests/fixtures/b.jsonl', 'TUNE', { scored: { date: '2026-12-07', commit: 'abc', by: 'x' } }),
    ];
    const problems = checkManifest(manifest, ['tests/fixtures/a.jsonl', 'tests/fixtures/new.jsonl']);
    expect(problems).toEqual([
      'tests/fixtures/a.jsonl is listed twice',
      `${SEALED_DIR}/someone/coaching.jsonl lies in ${SEALED_DIR} but is listed as TRAIN: sealed files are never trained or tuned on`,
      'tests/fixtures/b.jsonl records a sealed scoring but is TUNE',
      'tests/fixtures/new.jsonl holds labelled examples but is not in tools/coach/eval-manifest.ts (give it a split)',
    ]);
  });
});

describe('split of a file', () => {
  const manifest = [entry('tests/fixtures/t.jsonl', 'TRAIN'), entry('tests/fixtures/u.jsonl', 'TUNE')];
  const at = (p: string) => splitOf(path.resolve(ROOT, p), { root: ROOT, manifest });

  it('names a training file as training data, never held out', () => {
    const info = at('tests/fixtures/t.jsonl');
    expect(info.split).toBe('TRAIN');
    expect(splitHeader(info)).toContain('TRAINING DATA — these figures are not held-out');
    expect(heldoutRefusal(info)).toMatch(/TRAINING data/);
  });

  it('refuses to call a tuning file held out', () => {
    const info = at('tests/fixtures/u.jsonl');
    expect(info.split).toBe('TUNE');
    expect(heldoutRefusal(info)).toMatch(/TUNING data/);
  });

  it('calls a file nobody listed "unlisted", and a file in the sealed folder SEALED with its author', () => {
    const unlisted = at('tests/fixtures/other.jsonl');
    expect(unlisted.split).toBe('UNLISTED');
    expect(splitHeader(unlisted).join('\n')).toMatch(/unlisted/);
    expect(heldoutRefusal(unlisted)).toBeNull();
    // path arithmetic only: nothing under the sealed folder is read
    const sealed = at(`${SEALED_DIR}/author-a/coaching.jsonl`);
    expect(sealed).toMatchObject({ split: 'SEALED', sealedAuthor: 'author-a' });
    expect(heldoutRefusal(sealed)).toBeNull();
    expect(splitHeader(sealed).join('\n')).toMatch(/written by author-a[\s\S]*one scoring/);
  });

  it('throws a usage error for --heldout on the real training and tuning files', () => {
    expect(() => checkSplit(path.join(ROOT, 'tests/fixtures/coaching-blind-1.jsonl'), true)).toThrow(
      UsageError,
    );
    expect(() => checkSplit(path.join(ROOT, 'tests/fixtures/coaching-blind-3.jsonl'), true)).toThrow(
      /--heldout refused: tests\/fixtures\/coaching-blind-3\.jsonl is TUNING data/,
    );
    expect(checkSplit(path.join(ROOT, 'tests/fixtures/coaching-blind-1.jsonl'), false).info.split).toBe(
      'TRAIN',
    );
  });
});
