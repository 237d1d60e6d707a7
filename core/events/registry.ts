/**
 * What every event type is: the subgraph that owns the fact it states (the only one that may publish it),
 * its payload type in core/event-vocabulary.ts and that payload's version (`makeEvent` stamps it), and — for an
 * event no code in this repository consumes — the outside purpose it is published for.
 *
 * The catalogue (schema/events.md, schema/events.json; `npm run events`) joins this with the producers and
 * consumers found in the code; tests/unit/events/catalogue.test.ts fails when the committed catalogue
 * drifts from the code, when an event is published by another subgraph than its owner or by none, or when
 * it has neither a consumer nor an outside purpose. A `Record` over every `EventType`: a new event type
 * does not compile until it is described here.
 */
import type { EventType } from '../vocabulary';

export type EventOwner = 'tenants' | 'agents' | 'coaching' | 'analytics' | 'billing';

export interface EventSpec {
  owner: EventOwner;
  /** The payload's interface in core/event-vocabulary.ts. */
  payload: string;
  /** The payload's version (`EventEnvelope.version`); bump it on an incompatible change. */
  version: number;
  /** Why the event exists although nothing in this repository consumes it (who outside does). */
  outsidePurpose?: string;
}

export const EVENT_REGISTRY: Record<EventType, EventSpec> = {
  'tenants.organization.upserted': { owner: 'tenants', payload: 'OrganizationUpsertedPayload', version: 1 },
  'tenants.location.upserted': { owner: 'tenants', payload: 'LocationUpsertedPayload', version: 1 },
  'tenants.partner_app.upserted': { owner: 'tenants', payload: 'PartnerAppUpsertedPayload', version: 1 },
  'tenants.api_key.revoked': { owner: 'tenants', payload: 'ApiKeyRevokedPayload', version: 1 },
  'tenants.member.removed': { owner: 'tenants', payload: 'MemberRemovedPayload', version: 1 },
  'agents.agent.upserted': { owner: 'agents', payload: 'AgentUpsertedPayload', version: 1 },
  'agents.session.upserted': { owner: 'agents', payload: 'AgentSessionUpsertedPayload', version: 1 },
  'coaching.ghl_conversation.started': {
    owner: 'coaching',
    payload: 'GhlConversationStartedPayload',
    version: 1,
  },
  'coaching.hint.delivered': { owner: 'coaching', payload: 'HintDeliveredPayload', version: 1 },
  'coaching.hint.feedback': { owner: 'coaching', payload: 'HintFeedbackPayload', version: 1 },
  'coaching.qualification.updated': { owner: 'coaching', payload: 'QualificationUpdatedPayload', version: 1 },
  'coaching.ghl_opportunity.status_changed': {
    owner: 'coaching',
    payload: 'OpportunityStatusPayload',
    version: 1,
  },
  'coaching.ghl_app.installed': { owner: 'coaching', payload: 'GhlAppInstalledPayload', version: 1 },
  'coaching.session.stage_detected': {
    owner: 'coaching',
    payload: 'SessionStageDetectedPayload',
    version: 1,
  },
  'billing.subscription.changed': { owner: 'billing', payload: 'SubscriptionChangedPayload', version: 1 },
  'billing.invoice.issued': { owner: 'billing', payload: 'InvoiceIssuedPayload', version: 1 },
  'tenants.contact.erase_requested': {
    owner: 'tenants',
    payload: 'ContactEraseRequestedPayload',
    version: 1,
  },
  'agents.contact.erased': { owner: 'agents', payload: 'ContactErasedPayload', version: 1 },
  'coaching.contact.erased': { owner: 'coaching', payload: 'ContactErasedPayload', version: 1 },
  'coaching.audit.recorded': { owner: 'coaching', payload: 'AuditRecordedPayload', version: 1 },
  'analytics.audit.recorded': { owner: 'analytics', payload: 'AuditRecordedPayload', version: 1 },
  'billing.audit.recorded': { owner: 'billing', payload: 'AuditRecordedPayload', version: 1 },
  'analytics.alert.raised': { owner: 'analytics', payload: 'AlertRaisedPayload', version: 1 },
};

/** The registered version of `type`'s payload. */
export function payloadVersion(type: EventType): number {
  return EVENT_REGISTRY[type].version;
}
