/**
 * The platform's event vocabulary: event type names, the envelope and each payload type (plain declarations
 * only). Re-exported by core/vocabulary.ts; tools/events/scan.ts reads this file for the catalogue.
 */
import type {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  Specialization,
  SubscriptionStatus,
} from './vocabulary';

/**
 * Event type names; each event's owner, payload type and version are in core/events/registry.ts, and the
 * catalogue of who publishes and consumes what is schema/events.md (`npm run events`).
 */
export const EventTypes = {
  tenantOrganizationUpserted: 'tenants.organization.upserted',
  agentUpserted: 'agents.agent.upserted',
  agentSessionUpserted: 'agents.session.upserted',
  coachingHintDelivered: 'coaching.hint.delivered',
  coachingHintFeedback: 'coaching.hint.feedback',
  ghlOpportunityStatus: 'coaching.ghl_opportunity.status_changed',
  coachingQualificationUpdated: 'coaching.qualification.updated',
  tenantPartnerAppUpserted: 'tenants.partner_app.upserted',
  billingSubscriptionChanged: 'billing.subscription.changed',
  billingInvoiceIssued: 'billing.invoice.issued',
  tenantLocationUpserted: 'tenants.location.upserted',
  coachingGhlConversationStarted: 'coaching.ghl_conversation.started',
  tenantApiKeyRevoked: 'tenants.api_key.revoked',
  tenantMemberRemoved: 'tenants.member.removed',
  coachingGhlAppInstalled: 'coaching.ghl_app.installed',
  coachingStageDetected: 'coaching.session.stage_detected',
  tenantContactEraseRequested: 'tenants.contact.erase_requested',
  agentsContactErased: 'agents.contact.erased',
  coachingContactErased: 'coaching.contact.erased',
  coachingAuditRecorded: 'coaching.audit.recorded',
  analyticsAuditRecorded: 'analytics.audit.recorded',
  billingAuditRecorded: 'billing.audit.recorded',
  analyticsAlertRaised: 'analytics.alert.raised',
} as const;
export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

export interface EventEnvelope<T = unknown> {
  id: string;
  type: EventType;
  tenantId: string;
  at: string;
  version: number;
  payload: T;
}

export interface AgentUpsertedPayload {
  agentId: string;
  locationId: string | null;
  name: string;
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  tags: string[];
  active: boolean;
  /** The agent's GoHighLevel user id (coaching matches GHL messages to agents by it); absent = unknown. */
  ghlUserId?: string | null;
}

export interface HintDeliveredPayload {
  hintId: string;
  sessionId: string;
  agentId: string;
  locationId: string | null;
  category: HintCategory;
  model: string;
  cached: boolean;
  fallback: boolean;
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  apiKeyId: string | null;
  /** Marketplace partner app whose API key generated the hint (usage attribution, revenue share). */
  partnerAppId?: string | null;
}

export interface HintFeedbackPayload {
  hintId: string;
  sessionId: string;
  agentId: string;
  verdict: 'ACCEPTED' | 'DISMISSED';
}

/**
 * `coaching.ghl_opportunity.status_changed`: a GoHighLevel opportunity of a contact changed status (coaching
 * receives the webhook; analytics attributes outcomes to coaching).
 */
export interface OpportunityStatusPayload {
  locationId: string;
  contactId: string;
  opportunityId: string;
  status: string;
  monetaryValue: number | null;
}

/** `agents.session.upserted`: the session's contact, so outcomes can be attributed to coaching. */
export interface AgentSessionUpsertedPayload {
  sessionId: string;
  agentId: string;
  locationId: string | null;
  contactId: string;
  stage: ConversationStage;
  active: boolean;
  /** The GoHighLevel conversation the session was opened for (`coaching.ghl_conversation.started`). */
  ghlConversationId?: string | null;
}

/** `coaching.qualification.updated`: the session's qualification score, 0–100. */
export interface QualificationUpdatedPayload {
  sessionId: string;
  agentId: string;
  locationId: string | null;
  score: number;
}

/** `tenants.partner_app.upserted`: a marketplace partner app installed by the tenant. */
export interface PartnerAppUpsertedPayload {
  partnerAppId: string;
  name: string;
  /** 0..10000 basis points of the usage revenue generated through the app's API keys. */
  revenueShareBps: number;
}

/**
 * `billing.subscription.changed` (owner: billing; consumer: coaching, its quota view): plan, status and the
 * hint quota of the current period. Published on provisioning, on every plan change, when a period
 * closes, and on billing's start for each subscription whose current payload it has no record of having
 * published (subgraphs/billing/service/republish-limits.ts). Payload version `SUBSCRIPTION_CHANGED_VERSION`.
 */
export const SUBSCRIPTION_CHANGED_VERSION = 1;

export interface SubscriptionChangedPayload {
  organizationId: string;
  planCode: string;
  status: `${SubscriptionStatus}`;
  seats: number;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  /** Hard hint quota of the period (coaching answers QUOTA_EXCEEDED beyond it). */
  hintLimit: number;
}

/** `billing.invoice.issued`: a closed period's invoice, integer cents. */
export interface InvoiceIssuedPayload {
  invoiceId: string;
  organizationId: string;
  periodStart: string;
  periodEnd: string;
  totalCents: number;
  partnerShareCents: number;
  hints: number;
}

/** `tenants.organization.upserted`: an organization created or changed (gateways drop its cached keys). */
export interface OrganizationUpsertedPayload {
  organizationId: string;
  parentId: string | null;
  name: string;
  vertical: string;
  branding: { brandName: string | null; primaryColor: string | null; logoUrl: string | null };
}

/** `tenants.location.upserted` (published by tenants; coaching maps GoHighLevel locations with it). */
export interface LocationUpsertedPayload {
  locationId: string;
  organizationId: string;
  /** The GoHighLevel location (sub-account) id, when the location is connected to GHL. */
  ghlLocationId: string | null;
  name: string;
}

/**
 * `coaching.ghl_conversation.started` (coaching, which receives GoHighLevel webhooks): a GHL message arrived
 * for an agent and a contact that have no open session. Agents, which owns sessions, opens one with its own
 * id (or keeps the agent's open one with the contact) and publishes `agents.session.upserted` carrying
 * `ghlConversationId`; coaching processes the message once its read model has that session.
 */
export interface GhlConversationStartedPayload {
  /** GoHighLevel's conversation id, when the message carries one. */
  ghlConversationId: string | null;
  ghlLocationId: string;
  /** The agent's location as coaching knows it (null = shared pool): the session's location. */
  locationId: string | null;
  agentId: string;
  /** The GoHighLevel contact id. */
  contactId: string;
  /** The delivery (GHL `webhookId`) and message that started it. */
  webhookId: string;
  messageId: string | null;
  /** A `SessionChannel` name (SMS, EMAIL, CALL, CHAT, SOCIAL); agents assumes SMS when absent. */
  channel?: string;
}

/**
 * `coaching.ghl_app.installed` (coaching, which receives GoHighLevel webhooks and proves installations):
 * the app was installed at a GHL location a tenant has connected, with the brand GoHighLevel's INSTALL
 * webhook carried (`companyName`, `isWhitelabelCompany`, `whitelabelDetails.logoUrl`), copied as sent —
 * tenants validates before applying it to the organization that owns the location.
 */
export interface GhlAppInstalledPayload {
  /** The tenants subgraph's location id. */
  locationId: string;
  ghlLocationId: string;
  /** The installing agency's name; null when the INSTALL carried none. */
  companyName: string | null;
  /** `whitelabelDetails.logoUrl` as sent (unvalidated); null when absent. */
  logoUrl: string | null;
  /** `isWhitelabelCompany`. */
  whitelabel: boolean;
  /** ISO time of the installation (the INSTALL's `timestamp`, else when coaching received it). */
  installedAt: string;
  /** The INSTALL delivery (GHL `webhookId`) the brand comes from. */
  webhookId: string;
}

/** `tenants.api_key.revoked`: gateways drop the key from their credential cache at once. */
export interface ApiKeyRevokedPayload {
  apiKeyId: string;
  /** SHA-256 of the secret (what gateways cache by); never the secret. */
  keyHash: string;
}

/**
 * `tenants.member.removed`: gateways refuse the member's access tokens issued until `removedAt` and end
 * the subscriptions opened with them. The envelope's tenantId is the member's tenant.
 */
export interface MemberRemovedPayload {
  memberId: string;
  organizationId: string;
  /** The identity-provider user id: the `sub` of the member's access tokens. */
  userId: string;
  /** ISO time of the removal. */
  removedAt: string;
}

/**
 * `tenants.contact.erase_requested` (tenants, which records the request and audits it): every subgraph that
 * holds data about the contact removes or anonymizes it, once per request (idempotent on the event id), and
 * answers with its own `<subgraph>.contact.erased`. Tenant-scoped: another tenant's contact with the same id
 * is another contact. Billing aggregates (usage counts, costs) are kept.
 */
export interface ContactEraseRequestedPayload {
  /** The erasure request (tenants' `ContactErasure.id`). */
  requestId: string;
  /** The GoHighLevel contact id, as sessions carry it. */
  contactId: string;
}

/**
 * `agents.contact.erased` / `coaching.contact.erased`: the publishing subgraph finished erasing the contact
 * for `requestId` (tenants marks that subgraph done on the request and appends it to the audit chain).
 */
export interface ContactErasedPayload {
  requestId: string;
  contactId: string;
  /** What was removed or anonymized, by store (table) name: row counts, never contents. */
  erased: Record<string, number>;
}

/**
 * `<subgraph>.audit.recorded`: a sensitive action taken in a subgraph other than tenants (a workflow or
 * setting changed, a retention policy set, …). Tenants appends it to the tenant's hash-chained audit log,
 * once per event. `change` is plain JSON and never holds secrets or the contents of conversations.
 */
export interface AuditRecordedPayload {
  /** Who did it: the principal's subject (user id, `apikey:<id>`) or `system:<name>`. */
  actor: string;
  /** What happened, `<thing>.<verb>`, e.g. `workflow.update`. */
  action: string;
  targetType: string;
  targetId: string;
  change: Record<string, unknown>;
}

/**
 * `analytics.alert.raised` (analytics, when a threshold alert is raised — once per kind, scope and window):
 * managers' `alertRaised` subscription and tenants' workflows (trigger ALERT_RAISED) are told as it fires.
 */
export interface AlertRaisedPayload {
  alertId: string;
  /** An `AlertKind`: P95_LATENCY, DAILY_COST or ACCEPTANCE_DROP. */
  kind: string;
  /** The location of a per-location alert; null for tenant-wide alerts. */
  locationId: string | null;
  windowStart: string;
  windowEnd: string;
  value: number;
  threshold: number;
  raisedAt: string;
}

/**
 * `coaching.session.stage_detected` (coaching, which analyses the turns): the conversation moved to another
 * stage. Agents, which owns sessions, sets `AgentSession.stage` of an open session (unless the session was
 * changed after `detectedAt`) and publishes `agents.session.upserted`.
 */
export interface SessionStageDetectedPayload {
  sessionId: string;
  agentId: string;
  stage: ConversationStage;
  previousStage: ConversationStage;
  /** ISO time of the turn the stage was detected on. */
  detectedAt: string;
}
