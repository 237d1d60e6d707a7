/**
 * The tenant's side of the GoHighLevel integration: connect a location (prove the app installation, which
 * makes this tenant the route of that GHL location's webhooks, and states the brand its INSTALL carried:
 * `coaching.ghl_app.installed`) and see what became of the deliveries routed
 * to the tenant, dead letters included. Both are integration administration: `tenants:admin`.
 */
import { auditRecord } from '../../../core/events/audit-event';
import { makeEvent } from '../../../core/events/envelope';
import { enqueue } from '../../../core/outbox/enqueue';
import { BadUserInputError } from '../../../core/errors';
import { canSeeLocation, requireScope } from '../../../core/principal';
import { GhlWebhookDelivery, LocationView } from '../entities';
import { newestInstallBrand, stageAppInstalled } from '../webhooks/ghl-install-brand';
import { saveInstalledRoute } from '../webhooks/ghl-routes';
import type { ServiceCtx } from './context';
import { ghlLocationArrival } from './read-model-arrivals';
import { EventTypes, GhlDeliveryStatus } from '../../../core/vocabulary';

export interface GhlConnectionView {
  ghlLocationId: string;
  locationId: string;
  companyId: string | null;
  installedAt: Date;
}

const MAX_CODE_LENGTH = 2048;

/**
 * Exchanges the OAuth code GoHighLevel issued for installing the app; the location it names must be one of
 * the caller's (visible) locations. From then on that GHL location's webhooks are routed to this tenant.
 */
export async function connectGhlLocation(svc: ServiceCtx, code: string): Promise<GhlConnectionView> {
  requireScope(svc.principal, 'tenants:admin');
  const trimmed = code.trim();
  if (trimmed === '' || trimmed.length > MAX_CODE_LENGTH)
    throw new BadUserInputError('code', 'must be the OAuth code GoHighLevel issued for the installation');
  const proof = await svc.rt.ghlInstalls.verify(trimmed);
  // A location created a moment ago may not have reached coaching's read model yet: wait for it (bounded).
  const location = await svc.rt.arrivals.await(
    ghlLocationArrival(svc.principal.tenantId, proof.ghlLocationId),
    () => svc.em.findOne(LocationView, { ghlLocationId: proof.ghlLocationId }),
  );
  if (!location || !canSeeLocation(svc.principal, location.locationId))
    throw new BadUserInputError(
      'code',
      `the app was installed on GHL location ${proof.ghlLocationId}, which is none of your locations: create it first`,
    );
  // The route and the brand of the newest INSTALL held for the location (ghl-install-brand.ts) commit together.
  const route = await svc.em.transactional(async (em) => {
    const saved = await saveInstalledRoute(em, {
      tenantId: svc.principal.tenantId,
      ghlLocationId: proof.ghlLocationId,
      locationId: location.locationId,
      companyId: proof.companyId,
    });
    const brand = await newestInstallBrand(svc.rt.orm, em, proof.ghlLocationId);
    if (brand) stageAppInstalled(em, saved, brand);
    enqueue(
      em,
      makeEvent(
        EventTypes.coachingAuditRecorded,
        svc.principal.tenantId,
        auditRecord({
          actor: svc.principal.subject,
          action: 'ghl.location_connect',
          targetType: 'Location',
          targetId: saved.locationId,
          change: { ghlLocationId: saved.ghlLocationId, companyId: saved.companyId },
        }),
      ),
    );
    await em.flush();
    return saved;
  });
  svc.logger.info(
    { ghlLocationId: route.ghlLocationId, locationId: route.locationId },
    'GHL location connected',
  );
  return route;
}

/** The tenant's deliveries, newest first (dead letters carry `reason` and `detail`). */
export async function listGhlDeliveries(
  svc: ServiceCtx,
  input: { status: GhlDeliveryStatus | null; first: number },
): Promise<GhlWebhookDelivery[]> {
  requireScope(svc.principal, 'tenants:admin');
  if (!Number.isInteger(input.first) || input.first < 1 || input.first > 200)
    throw new BadUserInputError('first', 'must be between 1 and 200');
  return svc.em.find(GhlWebhookDelivery, input.status ? { status: input.status } : {}, {
    orderBy: { seq: 'desc' },
    limit: input.first,
  });
}
