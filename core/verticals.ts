/**
 * The market verticals of the public contract: the codes an organization's `vertical` may hold. Coaching has a
 * template per vertical (subgraphs/coaching/verticals/); tenants validates the codes. Older codes stay accepted
 * as aliases (REAL_ESTATE, the default of every organization created before verticals, is RESIDENTIAL), and an
 * organization keeps the code it was given: `canonicalVertical` says which vertical a code means.
 */
export enum Vertical {
  RESIDENTIAL = 'RESIDENTIAL',
  LUXURY = 'LUXURY',
  COMMERCIAL = 'COMMERCIAL',
  MORTGAGE = 'MORTGAGE',
  PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT',
}

/** Other codes accepted for a vertical (stored as given, read as the vertical). */
export const VERTICAL_ALIASES: Readonly<Record<string, Vertical>> = {
  REAL_ESTATE: Vertical.RESIDENTIAL,
  RESIDENTIAL_REAL_ESTATE: Vertical.RESIDENTIAL,
  LUXURY_RESIDENTIAL: Vertical.LUXURY,
  COMMERCIAL_RE: Vertical.COMMERCIAL,
  COMMERCIAL_REAL_ESTATE: Vertical.COMMERCIAL,
  MORTGAGE_LENDING: Vertical.MORTGAGE,
  LENDING: Vertical.MORTGAGE,
  RENTALS: Vertical.PROPERTY_MANAGEMENT,
};

/** The vertical a code means (case and surrounding spaces ignored), or null for an unknown code. */
export function canonicalVertical(code: string | null | undefined): Vertical | null {
  if (!code) return null;
  const c = code.trim().toUpperCase();
  if ((Object.values(Vertical) as string[]).includes(c)) return c as Vertical;
  return VERTICAL_ALIASES[c] ?? null;
}

/** Every accepted code: the verticals, then the aliases. */
export function acceptedVerticalCodes(): string[] {
  return [...Object.values(Vertical), ...Object.keys(VERTICAL_ALIASES)];
}
