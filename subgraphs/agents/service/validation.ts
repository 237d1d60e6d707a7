/**
 * Input validation and normalization. Every failure is a BadUserInputError naming the field.
 */
import { BadUserInputError } from '../../../core/errors';

/** Shared checks (email, uuid, phone, …) live in core/validation.ts; these are the agents' own. */
export { isUuid } from '../../../core/validation';

const CONTACT_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const GHL_ID_RE = CONTACT_ID_RE;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

export const LIMITS = {
  nameMax: 120,
  tagsMax: 20,
  tagMax: 40,
  searchMax: 100,
  contextBytesMax: 16 * 1024,
  pageDefault: 20,
  pageMax: 100,
} as const;

export function parseName(value: string, field = 'name'): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) throw new BadUserInputError(field, 'must not be empty');
  if (v.length > LIMITS.nameMax)
    throw new BadUserInputError(field, `must be at most ${LIMITS.nameMax} characters`);
  if (CONTROL_RE.test(v)) throw new BadUserInputError(field, 'must not contain control characters');
  return v;
}

/** Trimmed, de-duplicated (first occurrence wins), at most 20 tags of at most 40 characters. */
export function parseTags(values: readonly string[], field = 'tags'): string[] {
  const out: string[] = [];
  for (const value of values) {
    const tag = value.trim();
    if (!tag) throw new BadUserInputError(field, 'tags must not be empty');
    if (tag.length > LIMITS.tagMax)
      throw new BadUserInputError(field, `each tag must be at most ${LIMITS.tagMax} characters`);
    if (CONTROL_RE.test(tag)) throw new BadUserInputError(field, 'tags must not contain control characters');
    if (!out.includes(tag)) out.push(tag);
  }
  if (out.length > LIMITS.tagsMax) throw new BadUserInputError(field, `at most ${LIMITS.tagsMax} tags`);
  return out;
}

/** Checks membership in a string enum (inputs that bypass GraphQL coercion, e.g. the seed). */
export function parseEnum<E extends string>(values: Record<string, E>, value: string, field: string): E {
  const allowed = Object.values(values) as string[];
  if (!allowed.includes(value)) throw new BadUserInputError(field, `must be one of ${allowed.join(', ')}`);
  return value as E;
}

export function parseEnumList<E extends string>(
  values: Record<string, E>,
  list: readonly string[],
  field: string,
): E[] {
  const out: E[] = [];
  for (const v of list) {
    const e = parseEnum(values, v, field);
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** A GoHighLevel contact id: 1–64 letters, digits, `_` or `-`. */
export function parseContactId(value: string, field = 'contactId'): string {
  const v = value.trim();
  if (!CONTACT_ID_RE.test(v)) throw new BadUserInputError(field, 'must be 1-64 letters, digits, "_" or "-"');
  return v;
}

/** A GoHighLevel user id: 1–64 letters, digits, `_` or `-` (case kept). */
export function parseGhlUserId(value: string, field = 'ghlUserId'): string {
  const v = value.trim();
  if (!GHL_ID_RE.test(v)) throw new BadUserInputError(field, 'must be 1-64 letters, digits, "_" or "-"');
  return v;
}

/** undefined stays undefined (not given); null or blank means "none". */
export function parseOptionalGhlUserId(
  value: string | null | undefined,
  field = 'ghlUserId',
): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (value.trim() === '') return null;
  return parseGhlUserId(value, field);
}

/** A JSON object of at most 16 KB serialized (UTF-8). */
export function parseContext(value: unknown, field = 'context'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadUserInputError(field, 'must be a JSON object');
  }
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    throw new BadUserInputError(field, 'must be serializable JSON');
  }
  if (Buffer.byteLength(text, 'utf8') > LIMITS.contextBytesMax) {
    throw new BadUserInputError(field, `must be at most ${LIMITS.contextBytesMax} bytes serialized`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

export function parseFirst(value: number | null | undefined, field = 'first'): number {
  if (value === undefined || value === null) return LIMITS.pageDefault;
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.pageMax) {
    throw new BadUserInputError(field, `must be an integer between 0 and ${LIMITS.pageMax}`);
  }
  return value;
}

export function parseSearch(value: string | null | undefined, field = 'search'): string | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  if (v.length > LIMITS.searchMax)
    throw new BadUserInputError(field, `must be at most ${LIMITS.searchMax} characters`);
  return v;
}
