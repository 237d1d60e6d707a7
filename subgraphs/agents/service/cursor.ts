/**
 * Opaque keyset cursors: base64url of `[kind, sortKey, id]`. A cursor of another kind, or anything
 * that does not decode, is a BadUserInputError on `after`.
 */
import { BadUserInputError } from '../../../core/errors';
import { isUuid } from './validation';

export type CursorKind = 'agent' | 'session';

export interface Cursor {
  /** The sort key: the agent's name, or the session's start time (ISO). */
  key: string;
  id: string;
}

export function encodeCursor(kind: CursorKind, cursor: Cursor): string {
  return Buffer.from(JSON.stringify([kind, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(
  kind: CursorKind,
  value: string | null | undefined,
  field = 'after',
): Cursor | null {
  if (value === undefined || value === null) return null;
  const invalid = () => new BadUserInputError(field, 'malformed cursor');
  if (value.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(value)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [k, key, id] = parsed as unknown[];
  if (k !== kind || typeof key !== 'string' || typeof id !== 'string' || !isUuid(id)) throw invalid();
  if (kind === 'session' && Number.isNaN(Date.parse(key))) throw invalid();
  return { key, id };
}
