/**
 * The platform's one input-validation vocabulary: what every subgraph means by an email address, an id,
 * a bounded text, an integer in a range and a phone number. Each check trims what it reads, returns the
 * normalized value, and fails with a BadUserInputError naming the field (`extensions.field`).
 *
 * Emails are checked with graphql-scalars' EmailAddress, the scalar the public schema returns them as
 * (`Agent.email`, `Member.email`), so an address accepted on input always serializes on output; on top of
 * it a dotted domain (no `root@localhost` for a customer) and RFC 5321's 254-character limit.
 */
import { EmailAddressResolver } from 'graphql-scalars';
import { BadUserInputError } from './errors';

export const LIMITS = {
  emailMax: 254,
  externalIdMax: 64,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids minted outside the platform (GoHighLevel ids, user ids): letters, digits, `_ . : -`. */
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Trimmed and lower-cased. */
export function email(field: string, value: string): string {
  const v = value.trim().toLowerCase();
  if (v.length > LIMITS.emailMax)
    throw new BadUserInputError(field, `must be at most ${LIMITS.emailMax} characters`);
  try {
    EmailAddressResolver.parseValue(v);
  } catch {
    throw new BadUserInputError(field, 'is not a valid email address');
  }
  if (!v.slice(v.lastIndexOf('@') + 1).includes('.'))
    throw new BadUserInputError(field, 'is not a valid email address');
  return v;
}

/** A platform id (UUID), lower-cased. */
export function uuid(field: string, value: string): string {
  const v = value.trim();
  if (!isUuid(v)) throw new BadUserInputError(field, 'must be a UUID');
  return v.toLowerCase();
}

/** undefined and null pass through (an update that leaves or clears the field). */
export function optionalUuid(field: string, value: string | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : uuid(field, value);
}

/** An id minted elsewhere: 1–64 letters, digits, `_ . : -`, starting with a letter or digit; case kept. */
export function externalId(field: string, value: string): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!EXTERNAL_ID.test(v))
    throw new BadUserInputError(
      field,
      `must be 1-${LIMITS.externalIdMax} letters, digits, _ . : - (starting with a letter or digit)`,
    );
  return v;
}

/** Trimmed, not empty, at most `max` characters. */
export function text(field: string, value: string, max: number): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw new BadUserInputError(field, 'must not be empty');
  if (v.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return v;
}

/** Like `text`; null, undefined or blank mean "none". */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return text(field, value, max);
}

export function intInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadUserInputError(field, `must be an integer from ${min} to ${max}`);
  return value;
}

/**
 * A phone number normalized to E.164 (`+15125550101`). Accepts spaces, dots, dashes and parentheses;
 * numbers without a country code must be 10-digit North American numbers (`(512) 555-0101`).
 */
export function phone(field: string, value: string): string {
  const raw = value.trim();
  const invalid = (why = 'is not a valid phone number') => new BadUserInputError(field, why);
  if (!/^[+\d\s().-]+$/.test(raw)) throw invalid();
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.indexOf('+') > 0) throw invalid();
  if (!digits.startsWith('+')) {
    if (/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) digits = `+1${digits}`;
    else if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(digits)) digits = `+${digits}`;
    else throw invalid('must include the country code, e.g. +15125550101');
  }
  if (!/^\+[1-9]\d{7,14}$/.test(digits)) throw invalid();
  if (digits.startsWith('+1') && !/^\+1[2-9]\d{2}[2-9]\d{6}$/.test(digits))
    throw invalid('is not a valid North American phone number');
  return digits;
}

/** undefined stays undefined (not given); null or blank mean "none". */
export function optionalPhone(field: string, value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return value.trim() === '' ? null : phone(field, value);
}
