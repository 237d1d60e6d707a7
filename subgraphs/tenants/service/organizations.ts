/** Organizations: the hierarchy below the tenant's root organization, and its branding. */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../core/errors';
import type { RequestContext } from '../../../core/request-context';
import { EMPTY_BRANDING, Organization, type BrandingData } from '../entities';
import { requireAdmin, requireRead } from './access';
import { organizationLoader } from './loaders';
import * as check from '../../../core/validation';
import { optionalHexColor, optionalHttpsUrl, requireVertical, TEXT_MAX } from './validation';
import { forgetVisibility, visibility } from './visibility';
import { organizationUpserted } from './events';
import { writeAudited } from './write';

export interface BrandingInput {
  brandName?: string | null;
  primaryColor?: string | null;
  logoUrl?: string | null;
}

export interface CreateOrganizationInput {
  name: string;
  /** Default: the caller's organization. */
  parentId?: string | null;
  /** Default: the parent's vertical. */
  vertical?: string | null;
  branding?: BrandingInput | null;
}

export interface UpdateOrganizationBrandingInput {
  organizationId: string;
  /** Omitted fields are kept; null clears a field. */
  branding: BrandingInput;
}

/** Validates `input` over `base`: undefined keeps the base value, null clears it. */
export function mergeBranding(base: BrandingData, input: BrandingInput | null | undefined): BrandingData {
  const pick = <K extends keyof BrandingData>(key: K): string | null | undefined =>
    input?.[key] === undefined ? base[key] : input[key];
  return {
    brandName: check.optionalText('branding.brandName', pick('brandName'), 100),
    primaryColor: optionalHexColor('branding.primaryColor', pick('primaryColor')),
    logoUrl: optionalHttpsUrl('branding.logoUrl', pick('logoUrl')),
  };
}

export async function getOrganization(ctx: RequestContext, id: string): Promise<Organization> {
  requireRead(ctx.principal);
  const org = await organizationLoader(ctx).load(id);
  if (!org) throw new NotFoundError('Organization', id);
  return org;
}

export async function listOrganizations(ctx: RequestContext): Promise<Organization[]> {
  requireRead(ctx.principal);
  const vis = await visibility(ctx);
  return vis.tree.all().filter((o) => vis.canSeeOrganization(o.id));
}

export async function childOrganizations(ctx: RequestContext, parent: Organization): Promise<Organization[]> {
  const vis = await visibility(ctx);
  return vis.tree.children(parent.id).filter((o) => vis.canSeeOrganization(o.id));
}

export async function parentOrganization(
  ctx: RequestContext,
  child: Organization,
): Promise<Organization | null> {
  return child.parentId ? organizationLoader(ctx).load(child.parentId) : null;
}

/** An organization the caller may administer, or NOT_FOUND (no difference between missing and invisible). */
async function administeredOrganization(ctx: RequestContext, id: string): Promise<Organization> {
  requireAdmin(ctx.principal);
  const vis = await visibility(ctx);
  const org = vis.tree.get(id);
  if (!org || !vis.canAdminister(id)) throw new NotFoundError('Organization', id);
  return org;
}

export async function createOrganization(
  ctx: RequestContext,
  input: CreateOrganizationInput,
): Promise<Organization> {
  requireAdmin(ctx.principal);
  const parentId = input.parentId ?? ctx.principal.organizationId;
  const name = check.text('name', input.name, TEXT_MAX);
  const vertical = input.vertical ? requireVertical('vertical', input.vertical) : null;
  const branding = mergeBranding(EMPTY_BRANDING, input.branding);
  const parent = await administeredOrganization(ctx, parentId);
  const org = await writeAudited(ctx, async (em) => {
    const created = em.create(Organization, {
      id: randomUUID(),
      tenantId: ctx.principal.tenantId,
      parentId: parent.id,
      name,
      vertical: vertical ?? parent.vertical,
      branding,
      createdAt: new Date(),
    });
    // an explicit initial branding counts as set now; none leaves it open to a GoHighLevel install's brand
    created.brandingUpdatedAt = input.branding ? created.createdAt : null;
    const change = { name, parentId: parent.id, vertical: created.vertical, branding };
    return {
      result: created,
      audit: { action: 'organization.create', targetType: 'Organization', targetId: created.id, change },
      events: [organizationUpserted(created)],
    };
  });
  forgetVisibility(ctx);
  return org;
}

export async function updateOrganizationBranding(
  ctx: RequestContext,
  input: UpdateOrganizationBrandingInput,
): Promise<Organization> {
  const current = await administeredOrganization(ctx, input.organizationId);
  const branding = mergeBranding(current.branding ?? EMPTY_BRANDING, input.branding);
  return writeAudited(ctx, async (em) => {
    const org = await em.findOneOrFail(Organization, { id: current.id });
    const before = org.branding;
    org.branding = branding;
    // explicit: an older GoHighLevel install's brand (a late or replayed event) never overwrites it
    org.brandingUpdatedAt = new Date();
    return {
      result: org,
      audit: {
        action: 'organization.update_branding',
        targetType: 'Organization',
        targetId: org.id,
        change: { before, after: branding },
      },
      events: [organizationUpserted(org)],
    };
  });
}
