/**
 * The platform's shared vocabulary: the enums of the public contract and the event
 * type names with their payload types. Plain declarations only — no logic, no imports.
 */

export enum AgentRole {
  BUYER_AGENT = 'BUYER_AGENT',
  LISTING_AGENT = 'LISTING_AGENT',
  TRANSACTION_COORDINATOR = 'TRANSACTION_COORDINATOR',
}

export enum Experience {
  NOVICE = 'NOVICE',
  EXPERIENCED = 'EXPERIENCED',
  EXPERT = 'EXPERT',
}

export enum Specialization {
  LUXURY = 'LUXURY',
  FIRST_TIME_BUYERS = 'FIRST_TIME_BUYERS',
  COMMERCIAL = 'COMMERCIAL',
  INVESTMENT = 'INVESTMENT',
  RELOCATION = 'RELOCATION',
  NEW_CONSTRUCTION = 'NEW_CONSTRUCTION',
}

export enum ConversationStage {
  INITIAL_CONTACT = 'INITIAL_CONTACT',
  QUALIFICATION = 'QUALIFICATION',
  NEEDS_ANALYSIS = 'NEEDS_ANALYSIS',
  PROPERTY_SEARCH = 'PROPERTY_SEARCH',
  SHOWING = 'SHOWING',
  NEGOTIATION = 'NEGOTIATION',
  UNDER_CONTRACT = 'UNDER_CONTRACT',
  CLOSING = 'CLOSING',
  FOLLOW_UP = 'FOLLOW_UP',
}

export enum HintCategory {
  OBJECTION_HANDLING = 'OBJECTION_HANDLING',
  QUALIFYING_QUESTION = 'QUALIFYING_QUESTION',
  NEXT_STEP = 'NEXT_STEP',
  COMPLIANCE_WARNING = 'COMPLIANCE_WARNING',
  RAPPORT = 'RAPPORT',
  INFORMATION = 'INFORMATION',
}

export enum ObjectionType {
  PRICE = 'PRICE',
  COMMISSION = 'COMMISSION',
  TIMING = 'TIMING',
  TRUST = 'TRUST',
  COMPETITOR = 'COMPETITOR',
  JUST_LOOKING = 'JUST_LOOKING',
}

export enum Speaker {
  LEAD = 'LEAD',
  AGENT = 'AGENT',
}

export enum PropertyType {
  SINGLE_FAMILY = 'SINGLE_FAMILY',
  CONDO = 'CONDO',
  TOWNHOUSE = 'TOWNHOUSE',
  MULTI_FAMILY = 'MULTI_FAMILY',
  LAND = 'LAND',
}

export enum MemberRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  AGENT = 'AGENT',
}

/** API-key / token scopes. */
export const SCOPES = [
  'agents:read',
  'agents:write',
  'coaching:read',
  'coaching:write',
  'analytics:read',
  'billing:read',
  'billing:write',
  'tenants:read',
  'tenants:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Event type names. Payloads are versioned by `EventEnvelope.version`. */
export const EventTypes = {
  tenantOrganizationUpserted: 'tenants.organization.upserted',
  tenantProvisioned: 'tenants.tenant.provisioned',
  tenantDeprovisioned: 'tenants.tenant.deprovisioned',
  agentUpserted: 'agents.agent.upserted',
  agentSessionUpserted: 'agents.session.upserted',
  coachingTurnAdded: 'coaching.turn.added',
  coachingHintDelivered: 'coaching.hint.delivered',
  coachingHintFeedback: 'coaching.hint.feedback',
  ghlOpportunityStatus: 'ghl.opportunity.status',
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
}

export interface HintFeedbackPayload {
  hintId: string;
  sessionId: string;
  agentId: string;
  verdict: 'ACCEPTED' | 'DISMISSED';
}

export interface OpportunityStatusPayload {
  locationId: string;
  contactId: string;
  opportunityId: string;
  status: string;
  monetaryValue: number | null;
}
