/**
 * Content overlap between an evaluation file and the training (or tuning) files: an example whose last lead
 * turn, normalized, equals one in those files is not held out, whatever the file it sits in is called.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Speaker } from '../../core/vocabulary';
import { entriesOf, type ManifestEntry, type Split } from './eval-manifest';
import { REPO_ROOT } from './eval-split';
import { loadExamples, type Example } from './examples';

/** Lowercase, punctuation (anything not a letter, digit or space) removed, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The normalized last lead turn of an example ('' when it has none, or nothing but punctuation). */
export function lastLeadKey(ex: Pick<Example, 'turns'>): string {
  const last = [...ex.turns].reverse().find((t) => t.speaker === Speaker.LEAD);
  return normalizeText(last?.text ?? '');
}

export interface NamedExamples {
  name: string;
  examples: Example[];
}

export interface OverlapResult {
  /** Examples of the evaluated file whose last lead turn appears in the reference files. */
  count: number;
  /** Their ids, each with where it also appears ("file:id"). */
  matches: { id: string; alsoIn: string[] }[];
}

/** Which examples share their normalized last lead turn with an example of the reference files. */
export function findOverlap(examples: Example[], reference: NamedExamples[]): OverlapResult {
  const index = new Map<string, string[]>();
  for (const file of reference) {
    for (const ex of file.examples) {
      const key = lastLeadKey(ex);
      if (key.length === 0) continue;
      const where = index.get(key) ?? [];
      where.push(`${file.name}:${ex.id}`);
      index.set(key, where);
    }
  }
  const matches = examples.flatMap((ex) => {
    const alsoIn = index.get(lastLeadKey(ex));
    return alsoIn ? [{ id: ex.id, alsoIn }] : [];
  });
  return { count: matches.length, matches };
}

export interface ReferenceOptions {
  root?: string;
  /** This file is left out of the reference (an evaluated file is not compared with itself). */
  except?: string;
  entries?: ManifestEntry[];
}

/**
 * The coaching examples of the TRAIN or TUNE files that exist (missing ones are named in `missing`). Never the
 * SEALED ones: they are read only by their one scoring.
 */
export function loadSplit(
  split: Exclude<Split, 'SEALED'>,
  options: ReferenceOptions = {},
): { files: NamedExamples[]; missing: string[] } {
  const root = options.root ?? REPO_ROOT;
  const except = options.except !== undefined ? path.resolve(options.except) : undefined;
  const files: NamedExamples[] = [];
  const missing: string[] = [];
  for (const e of options.entries ?? entriesOf(split, 'COACHING')) {
    const abs = path.resolve(root, e.path);
    if (abs === except) continue;
    if (!existsSync(abs)) missing.push(e.path);
    else files.push({ name: path.basename(abs), examples: loadExamples(abs) });
  }
  return { files, missing };
}
