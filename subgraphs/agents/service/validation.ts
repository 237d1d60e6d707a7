/**
 * Input validation and normalization. Every failure is a BadUserInputError naming the field.
 */
import { EmailAddressResolver } from 'graphql-scalars';
import { BadUserInputError } from '../../../core/errors';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTACT_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const GHL_ID_RE = CONTACT_ID_RE;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

export const LIMITS = {
  nameMax: 120,
  emailMax: 254,
  tagsMax: 20,
  tagMax: 40,
  searchMax: 100,
  contextBytesMax: 16 * 1024,
  pageDefault: 20,
  pageMax: 100,
} as const;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** A uuid-shaped id, lower-cased. */
export function parseId(value: string, field = 'id'): string {
  const v = value.trim();
  if (!isUuid(v)) throw new BadUserInputError(field, 'must be a UUID');
  return v.toLowerCase();
}

export function parseOptionalId(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  return parseId(value, field);
}

export function parseName(value: string, field = 'name'): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) throw new BadUserInputError(field, 'must not be empty');
  if (v.length > LIMITS.nameMax)
    throw new BadUserInputError(field, `must be at most ${LIMITS.nameMax} characters`);
  if (CONTROL_RE.test(v)) throw new BadUserInputError(field, 'must not contain control characters');
  return v;
}

/** Trimmed and lower-cased; the HTML-spec address syntax plus a dotted domain. */
export function parseEmail(value: string, field = 'email'): string {
  const v = value.trim().toLowerCase();
  if (v.length > LIMITS.emailMax)
    throw new BadUserInputError(field, `must be at most ${LIMITS.emailMax} characters`);
  try {
    EmailAddressResolver.parseValue(v);
  } catch {
    throw new BadUserInputError(field, 'is not a valid email address');
  }
  const domain = v.slice(v.lastIndexOf('@') + 1);
  if (!domain.includes('.')) throw new BadUserInputError(field, 'is not a valid email address');
  return v;
}

/**
 * Normalizes a phone number to E.164 (`+15125550101`). Accepts spaces, dots, dashes and parentheses;
 * numbers without a country code must be 10-digit North American numbers (`(512) 555-0101`).
 */
export function parsePhone(value: string, field = 'phone'): string {
  const raw = value.trim();
  if (!/^[+\d\s().-]+$/.test(raw)) throw new BadUserInputError(field, 'is not a valid phone number');
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.indexOf('+') > 0) throw new BadUserInputError(field, 'is not a valid phone number');
  if (!digits.startsWith('+')) {
    if (/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) digits = `+1${digits}`;
    else if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(digits)) digits = `+${digits}`;
    else throw new BadUserInputError(field, 'must include the country code, e.g. +15125550101');
  }
  if (!/^\+[1-9]\d{7,14}$/.test(digits)) throw new BadUserInputError(field, 'is not a valid phone number');
  if (digits.startsWith('+1') && !/^\+1[2-9]\d{2}[2-9]\d{6}$/.test(digits)) {
    throw new BadUserInputError(field, 'is not a valid North American phone number');
  }
  return digits;
}

export function parseOptionalPhone(
  value: string | null | undefined,
  field = 'phone',
): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (value.trim() === '') return null;
  return parsePhone(value, field);
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

/** Like `parseOptionalPhone`: undefined stays undefined, null or blank means "none". */
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
