/**
 * What the evaluation commands (eval:coach, eval:fair-housing) share: argument parsing, the provenance of a
 * scoring (date, commit, uncommitted changes) and the header naming the file's split.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { heldoutRefusal, REPO_ROOT, splitHeader, splitOf, type SplitInfo } from './eval-split';

/** A command line the evaluation commands cannot act on. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface EvalArgs {
  file?: string;
  json: boolean;
  heldout: boolean;
  now?: string;
  /** --cv K: grouped k-fold over the training files instead of a file. */
  cv?: number;
}

/** Parses `FILE [--json] [--heldout] [--now=ISO] [--cv K | --cv=K]`. */
export function parseArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = { json: false, heldout: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--heldout') args.heldout = true;
    else if (a.startsWith('--now=')) args.now = a.slice('--now='.length);
    else if (a === '--cv' || a.startsWith('--cv=')) {
      const raw = a === '--cv' ? argv[++i] : a.slice('--cv='.length);
      const k = Number(raw);
      if (!Number.isInteger(k) || k < 2)
        throw new UsageError(`--cv needs a whole number of folds ≥ 2, got "${raw ?? ''}"`);
      args.cv = k;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (args.file !== undefined) throw new UsageError(`one file at a time (got ${args.file} and ${a})`);
    else args.file = a;
  }
  return args;
}

/** A file argument resolved against the directory npm was run from. */
export function resolveFile(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export interface Provenance {
  date: string;
  commit: string;
  /** The working tree held uncommitted changes when it was scored. */
  uncommittedChanges: boolean;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** When and at which commit this scoring ran. */
export function provenance(now = new Date()): Provenance {
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    date: now.toISOString().slice(0, 10),
    commit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    uncommittedChanges: status === undefined || status.length > 0,
  };
}

export interface SplitCheck {
  info: SplitInfo;
  header: string[];
}

/** The file's split and header; throws UsageError when `--heldout` is asked of a training or tuning file. */
export function checkSplit(file: string, heldout: boolean): SplitCheck {
  const info = splitOf(file);
  const refusal = heldout ? heldoutRefusal(info) : null;
  if (refusal !== null) throw new UsageError(`--heldout refused: ${refusal}`);
  return { info, header: splitHeader(info) };
}

/** The manifest entry to paste into tools/coach/eval-manifest.ts after the one scoring of a SEALED file. */
export function sealedRecord(info: SplitInfo, kind: 'COACHING' | 'FAIR_HOUSING', p: Provenance): string[] {
  if (info.split !== 'SEALED' || info.entry?.scored) return [];
  const entry = {
    path: info.relPath,
    kind,
    split: 'SEALED',
    writtenBy: info.sealedAuthor ?? 'independent author',
    scored: { date: p.date, commit: p.commit, by: '<who ran this>' },
  };
  return [
    `record in tools/coach/eval-manifest.ts: ${JSON.stringify(entry)}`,
    ...(p.uncommittedChanges
      ? ['note: the working tree has uncommitted changes; commit before the one scoring']
      : []),
  ];
}
