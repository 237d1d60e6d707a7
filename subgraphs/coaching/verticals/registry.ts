/**
 * The vertical templates, one file each under templates/, listed here once. Adding a vertical: its code in
 * core/verticals.ts (the public contract tenants validates) and a template file added to this list;
 * tests/unit/coaching/verticals.test.ts fails when a file under templates/ is not listed or a code has no template.
 */
import { canonicalVertical, Vertical } from '../../../core/vocabulary';
import { commercial } from './templates/commercial';
import { luxury } from './templates/luxury';
import { mortgage } from './templates/mortgage';
import { propertyManagement } from './templates/property-management';
import { residential } from './templates/residential';
import type { VerticalTemplate } from './types';

export type { ComplianceRule, SlotSpec, VerticalTemplate } from './types';

export const VERTICAL_TEMPLATES: readonly VerticalTemplate[] = [
  residential,
  luxury,
  commercial,
  mortgage,
  propertyManagement,
];

const BY_CODE = new Map<string, VerticalTemplate>(VERTICAL_TEMPLATES.map((t) => [t.code, t]));

/** The template of a vertical code (aliases accepted); residential for an unknown or absent code. */
export function verticalTemplate(code: string | null | undefined): VerticalTemplate {
  return BY_CODE.get(canonicalVertical(code) ?? Vertical.RESIDENTIAL) ?? residential;
}
