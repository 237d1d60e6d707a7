/**
 * The data directory holds secrets (generated signing keys, demo API keys) and every tenant's data
 * (SQLite files): it is the owner's only. The directory is created 0700 and each file is 0600 —
 * whatever the process umask, and also when a file already existed with a wider mode (older versions).
 */
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) 0700. A directory that exists already is left as it is (it may be
 * shared, e.g. DATA_DIR=/tmp): the files this platform writes in it are 0600 on their own.
 */
export function ensurePrivateDir(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // the mode given to mkdir is reduced by the umask
  if (created !== undefined) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes `file` 0600, creating it empty when it does not exist. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes `file` 0600 if it exists. */
export function restrictIfExists(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Writes `file` with mode 0600 (also when it existed before with a wider mode). */
export function writePrivateFile(file: string, data: string): void {
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}
