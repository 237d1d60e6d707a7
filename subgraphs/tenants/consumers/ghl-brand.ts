/**
 * The `tenants-ghl-brand` consumer group: applies the brand a GoHighLevel install carried
 * (`coaching.ghl_app.installed`) to the organization that owns the installed location — brandName ←
 * companyName, logoUrl ← the white-label logo (only an https URL, validated as updateOrganizationBranding
 * validates it), primaryColor kept; a field the install does not carry (or carries invalid) is kept too.
 *
 * Once per event (core consumeOnce: `processed_event`, in the event's tenant scope), and last writer wins by
 * the time of the fact: the organization's `brandingUpdatedAt` is the moment the tenant set its branding
 * (createOrganization with branding, updateOrganizationBranding) or the time of the install applied last.
 * An install not newer than that — a replayed or late event, a reconnect re-stating an old INSTALL — changes
 * nothing, so a branding the tenant set after the install stays; a newer installation applies. The change is
 * audited (actor `system:ghl-install`) and announced (`tenants.organization.upserted`) in the same transaction.
 */
import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { isPostgres } from '../../../core/db/request-scope';
import { BadUserInputError } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import { enqueue } from '../../../core/outbox/enqueue';
import * as check from '../../../core/validation';
import { EventTypes, type EventEnvelope, type GhlAppInstalledPayload } from '../../../core/vocabulary';
import { Location, Organization, type BrandingData } from '../entities';
import { appendAudit } from '../service/audit-chain';
import { organizationUpserted } from '../service/events';
import { optionalHttpsUrl } from '../service/validation';

export const TENANTS_GHL_BRAND_CONSUMER = 'tenants-ghl-brand';
export const GHL_INSTALL_ACTOR = 'system:ghl-install';

export interface InstalledBrand {
  locationId: string;
  ghlLocationId: string;
  /** Validated: a usable name and an https logo URL, or null (not carried, or not acceptable). */
  brandName: string | null;
  logoUrl: string | null;
  installedAt: Date;
  webhookId: string;
}

function valid<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BadUserInputError) return null;
    throw err;
  }
}

/** The brand an event states, validated, or why it is unusable. */
export function parseInstalledBrand(event: EventEnvelope): InstalledBrand | string {
  const p = event.payload as Partial<Record<keyof GhlAppInstalledPayload, unknown>> | null;
  if (typeof p !== 'object' || p === null) return 'payload is not an object';
  const { locationId, ghlLocationId, companyName, logoUrl, installedAt, webhookId } = p;
  if (typeof locationId !== 'string' || !locationId) return 'locationId must be a string';
  if (typeof ghlLocationId !== 'string' || !ghlLocationId) return 'ghlLocationId must be a string';
  const at = new Date(typeof installedAt === 'string' ? installedAt : NaN);
  if (Number.isNaN(at.getTime())) return 'installedAt must be an ISO time';
  if (!event.tenantId) return 'event without a tenant';
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    locationId,
    ghlLocationId,
    brandName: valid(() => check.optionalText('companyName', str(companyName), 100)),
    logoUrl: valid(() => optionalHttpsUrl('logoUrl', str(logoUrl))),
    installedAt: at,
    webhookId: str(webhookId) ?? '',
  };
}

export type ApplyResult = 'applied' | 'older-than-branding' | 'nothing-to-apply' | 'unknown-location';

/** Applies the brand inside the consumer's transaction (tenant scope); says what became of it. */
export async function applyInstalledBrand(
  orm: Orm,
  em: EntityManager,
  tenantId: string,
  brand: InstalledBrand,
): Promise<ApplyResult> {
  if (brand.brandName === null && brand.logoUrl === null) return 'nothing-to-apply';
  const location = await em.findOne(Location, { id: brand.locationId, ghlLocationId: brand.ghlLocationId });
  if (!location) return 'unknown-location';
  // PostgreSQL: lock the row, so an updateOrganizationBranding in flight is ordered before or after this
  const org = await em.findOne(
    Organization,
    { id: location.organizationId },
    isPostgres(orm) ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true },
  );
  if (!org) return 'unknown-location';
  if (org.brandingUpdatedAt && org.brandingUpdatedAt.getTime() >= brand.installedAt.getTime())
    return 'older-than-branding';
  const before: BrandingData = { ...org.branding };
  org.branding = {
    ...before,
    brandName: brand.brandName ?? before.brandName,
    logoUrl: brand.logoUrl ?? before.logoUrl,
  };
  org.brandingUpdatedAt = brand.installedAt;
  enqueue(em, organizationUpserted(org));
  await appendAudit(em, {
    tenantId,
    actor: GHL_INSTALL_ACTOR,
    action: 'organization.apply_ghl_brand',
    targetType: 'Organization',
    targetId: org.id,
    change: {
      before,
      after: org.branding,
      ghlLocationId: brand.ghlLocationId,
      webhookId: brand.webhookId,
      installedAt: brand.installedAt.toISOString(),
    },
  });
  return 'applied';
}

export interface GhlBrandConsumerDeps {
  orm: Orm;
  logger: Logger;
}

export function ghlBrandHandler(deps: GhlBrandConsumerDeps): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    if (event.type !== EventTypes.coachingGhlAppInstalled) return;
    const brand = parseInstalledBrand(event);
    if (typeof brand === 'string') {
      deps.logger.warn({ eventId: event.id, reason: brand }, 'malformed GHL install event: ignored');
      return;
    }
    let result: ApplyResult | 'duplicate' = 'duplicate';
    await consumeOnce({
      orm: deps.orm,
      consumer: TENANTS_GHL_BRAND_CONSUMER,
      event,
      handle: async (em) => {
        result = await applyInstalledBrand(deps.orm, em, event.tenantId, brand);
      },
    });
    deps.logger.info(
      {
        eventId: event.id,
        tenantId: event.tenantId,
        locationId: brand.locationId,
        webhookId: brand.webhookId,
        result,
      },
      'GHL install brand',
    );
  };
}
