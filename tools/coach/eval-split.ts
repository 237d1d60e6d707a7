/**
 * Which split a labelled file belongs to (tools/coach/eval-manifest.ts), what the evaluation header says about
 * it, whether it may be reported as held out, and the manifest's own consistency rules.
 */
import * as path from 'node:path';
import { EVAL_MANIFEST, SEALED_DIR, type ManifestEntry, type Split } from './eval-manifest';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface SplitInfo {
  split: Split | 'UNLISTED';
  /** The file's path relative to the repository root. */
  relPath: string;
  entry?: ManifestEntry;
  /** SEALED files: the author's folder under SEALED_DIR. */
  sealedAuthor?: string;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** The sealed author folder a repo-relative path lies in, or undefined when it is not under SEALED_DIR. */
function sealedAuthorOf(relPath: string): string | undefined {
  const prefix = `${SEALED_DIR}/`;
  if (!relPath.startsWith(prefix)) return undefined;
  const rest = relPath.slice(prefix.length).split('/');
  return rest.length > 1 ? (rest[0] ?? '') : '(sealed folder)';
}

export interface SplitOptions {
  root?: string;
  manifest?: readonly ManifestEntry[];
}

/** The split of a file (absolute or relative to the current directory), by its path. */
export function splitOf(file: string, options: SplitOptions = {}): SplitInfo {
  const root = options.root ?? REPO_ROOT;
  const manifest = options.manifest ?? EVAL_MANIFEST;
  const abs = path.resolve(file);
  const relPath = toPosix(path.relative(root, abs));
  const entry = manifest.find((e) => path.resolve(root, e.path) === abs);
  const sealedAuthor = sealedAuthorOf(relPath);
  const info: SplitInfo = {
    split: entry?.split ?? (sealedAuthor !== undefined ? 'SEALED' : 'UNLISTED'),
    relPath,
  };
  if (entry) info.entry = entry;
  if (sealedAuthor !== undefined) info.sealedAuthor = sealedAuthor;
  return info;
}

/** The header lines of a report: the file's split and what that means for its figures. */
export function splitHeader(info: SplitInfo): string[] {
  switch (info.split) {
    case 'TRAIN':
      return [
        `split: TRAIN (${info.entry?.writtenBy ?? 'listed in tools/coach/eval-manifest.ts'})`,
        'TRAINING DATA — these figures are not held-out',
      ];
    case 'TUNE':
      return [
        `split: TUNE (${info.entry?.writtenBy ?? 'listed in tools/coach/eval-manifest.ts'})`,
        'TUNING DATA — never trained on, but looked at while tuning: these figures are optimistic, not held-out',
      ];
    case 'SEALED': {
      const lines = [
        `split: SEALED (written by ${info.entry?.writtenBy ?? info.sealedAuthor ?? 'an independent author'})`,
      ];
      const s = info.entry?.scored;
      lines.push(
        s
          ? `already scored on ${s.date} at ${s.commit} by ${s.by}: that first score is the honest one`
          : 'never seen: this is its one scoring — record it in tools/coach/eval-manifest.ts (date, commit, by)',
      );
      return lines;
    }
    default:
      return [
        'split: unlisted (not in tools/coach/eval-manifest.ts): held out only if nobody tuned on it — list it',
      ];
  }
}

/** Why a file may not be reported as held out (`--heldout`), or null when it may. */
export function heldoutRefusal(info: SplitInfo): string | null {
  if (info.split === 'TRAIN')
    return `${info.relPath} is TRAINING data (tools/coach/eval-manifest.ts): its figures cannot be reported as held out`;
  if (info.split === 'TUNE')
    return `${info.relPath} is TUNING data (looked at while tuning, floors pinned in tests): its figures cannot be reported as held out`;
  return null;
}

/**
 * Problems with a manifest: duplicate paths, a file in the sealed folder listed as anything but SEALED (so never
 * as training), a scoring recorded on a file that is not SEALED, and labelled files found on disk but not listed.
 */
export function checkManifest(
  manifest: readonly ManifestEntry[],
  labelledFiles: readonly string[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of manifest) {
    const p = path.posix.normalize(e.path);
    if (seen.has(p)) problems.push(`${e.path} is listed twice`);
    seen.add(p);
    if (sealedAuthorOf(p) !== undefined && e.split !== 'SEALED')
      problems.push(
        `${e.path} lies in ${SEALED_DIR} but is listed as ${e.split}: sealed files are never trained or tuned on`,
      );
    if (e.scored && e.split !== 'SEALED')
      problems.push(`${e.path} records a sealed scoring but is ${e.split}`);
  }
  for (const f of labelledFiles) {
    if (!seen.has(path.posix.normalize(f)))
      problems.push(
        `${f} holds labelled examples but is not in tools/coach/eval-manifest.ts (give it a split)`,
      );
  }
  return problems;
}
