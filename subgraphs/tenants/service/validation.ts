/** Input validation: every failure is a BadUserInputError naming the field. */
import { BadUserInputError } from '../../../core/errors';
import { acceptedVerticalCodes, canonicalVertical, SCOPES, type Scope } from '../../../core/vocabulary';

// Emails, ids, texts and integer ranges are checked by core/validation.ts; these checks are the tenants' own.

/** The length limit of names (organizations, locations, members, API keys, partner apps). */
export const TEXT_MAX = 200;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const VERTICAL = /^[A-Z][A-Z0-9_]{1,39}$/;

export function requireTimezone(field: string, value: string): string {
  const v = value.trim();
  if (!v) throw new BadUserInputError(field, 'must be an IANA time zone');
  try {
    // keep the zone the caller named (Node maps some aliases to other zones, e.g. EST → America/Panama);
    // only its canonical casing is taken over
    const resolved = new Intl.DateTimeFormat(undefined, { timeZone: v }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === v.toLowerCase() ? resolved : v;
  } catch {
    throw new BadUserInputError(field, `unknown time zone "${v}"`);
  }
}

export function optionalHexColor(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!HEX_COLOR.test(value)) throw new BadUserInputError(field, 'must be a hex color like #1a2b3c');
  return value.toLowerCase();
}

export function optionalHttpsUrl(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadUserInputError(field, 'must be an https URL');
  }
  if (url.protocol !== 'https:' || !url.hostname) throw new BadUserInputError(field, 'must be an https URL');
  if (url.username || url.password) throw new BadUserInputError(field, 'must not contain credentials');
  if (value.length > 2048) throw new BadUserInputError(field, 'must be at most 2048 characters');
  return url.toString();
}

/**
 * One of the verticals (core/verticals.ts) or an alias of one, upper-cased and kept as given: an organization
 * created with REAL_ESTATE stays REAL_ESTATE (coaching reads it as RESIDENTIAL).
 */
export function requireVertical(field: string, value: string): string {
  const v = value.trim().toUpperCase();
  if (!VERTICAL.test(v))
    throw new BadUserInputError(field, 'must be an upper-case identifier like REAL_ESTATE');
  if (!canonicalVertical(v))
    throw new BadUserInputError(field, `must be one of ${acceptedVerticalCodes().join(', ')}`);
  return v;
}

export function requireScopes(field: string, values: readonly string[]): Scope[] {
  const known = SCOPES as readonly string[];
  const unknown = values.filter((s) => !known.includes(s));
  if (unknown.length) throw new BadUserInputError(field, `unknown scope(s): ${unknown.join(', ')}`);
  if (values.length === 0) throw new BadUserInputError(field, 'at least one scope is required');
  return SCOPES.filter((s) => values.includes(s));
}
