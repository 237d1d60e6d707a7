/**
 * Events the tenants subgraph produces. They are staged in the transactional outbox inside the write
 * unit (so they exist if and only if the change committed) and published by the outbox relay.
 */
import { makeEvent } from '../../../core/events/envelope';
import {
  EventTypes,
  type ApiKeyRevokedPayload,
  type EventEnvelope,
  type LocationUpsertedPayload,
  type MemberRemovedPayload,
  type OrganizationUpsertedPayload,
  type PartnerAppUpsertedPayload,
} from '../../../core/vocabulary';
import type { ApiKey, Location, Member, Organization, PartnerApp } from '../entities';

export function organizationUpserted(org: Organization): EventEnvelope<OrganizationUpsertedPayload> {
  return makeEvent(EventTypes.tenantOrganizationUpserted, org.tenantId, {
    organizationId: org.id,
    parentId: org.parentId,
    name: org.name,
    vertical: org.vertical,
    branding: { ...org.branding },
  });
}

export function locationUpserted(loc: Location): EventEnvelope<LocationUpsertedPayload> {
  return makeEvent(EventTypes.tenantLocationUpserted, loc.tenantId, {
    locationId: loc.id,
    organizationId: loc.organizationId,
    ghlLocationId: loc.ghlLocationId,
    name: loc.name,
  });
}

export function partnerAppUpserted(app: PartnerApp): EventEnvelope<PartnerAppUpsertedPayload> {
  return makeEvent(EventTypes.tenantPartnerAppUpserted, app.tenantId, {
    partnerAppId: app.id,
    name: app.name,
    revenueShareBps: app.revenueShareBps,
  });
}

export function apiKeyRevoked(key: ApiKey): EventEnvelope<ApiKeyRevokedPayload> {
  return makeEvent(EventTypes.tenantApiKeyRevoked, key.tenantId, { apiKeyId: key.id, keyHash: key.keyHash });
}

export function memberRemoved(m: Member, removedAt: Date): EventEnvelope<MemberRemovedPayload> {
  return makeEvent(EventTypes.tenantMemberRemoved, m.tenantId, {
    memberId: m.id,
    organizationId: m.organizationId,
    userId: m.userId,
    removedAt: removedAt.toISOString(),
  });
}
