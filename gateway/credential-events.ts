/**
 * What a gateway does when a credential ends — or what it covers changes — elsewhere. Every gateway
 * instance subscribes to these events as its own consumer group (each gets every event): a revoked key is
 * evicted from the credential cache and a removed member's tokens are denied, and the subscriptions they
 * opened on this instance are ended; a new or changed location or organization makes the tenant's cached
 * keys resolve afresh (their principals list the organizations and locations they cover).
 */
import type { EventEnvelope, EventType } from '../core/vocabulary';
import { EventTypes, type ApiKeyRevokedPayload, type MemberRemovedPayload } from '../core/vocabulary';
import type { PrincipalResolver } from './principal-resolver';
import type { SubscriptionRegistry } from './subscription-registry';

export const CREDENTIAL_EVENT_TYPES: EventType[] = [
  EventTypes.tenantApiKeyRevoked,
  EventTypes.tenantMemberRemoved,
  EventTypes.tenantLocationUpserted,
  EventTypes.tenantOrganizationUpserted,
];

export interface CredentialHolders {
  resolver: PrincipalResolver;
  subscriptions: SubscriptionRegistry;
}

export function handleCredentialEvent(gateway: CredentialHolders, event: EventEnvelope): void {
  if (
    event.type === EventTypes.tenantLocationUpserted ||
    event.type === EventTypes.tenantOrganizationUpserted
  ) {
    gateway.resolver.refreshTenant(event.tenantId);
    return;
  }
  if (event.type === EventTypes.tenantApiKeyRevoked) {
    const p = event.payload as Partial<ApiKeyRevokedPayload>;
    if (typeof p.keyHash === 'string') gateway.resolver.forgetKey(p.keyHash);
    if (typeof p.apiKeyId === 'string') gateway.subscriptions.endApiKey(p.apiKeyId);
    return;
  }
  if (event.type === EventTypes.tenantMemberRemoved) {
    const p = event.payload as Partial<MemberRemovedPayload>;
    const removedAt = typeof p.removedAt === 'string' ? Date.parse(p.removedAt) : NaN;
    if (typeof p.userId !== 'string' || Number.isNaN(removedAt)) return;
    gateway.resolver.revokeSubject(event.tenantId, p.userId, removedAt);
    gateway.subscriptions.endSubject(event.tenantId, p.userId, removedAt);
  }
}
