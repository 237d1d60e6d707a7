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

/** The channel a coaching session runs on. */
export enum SessionChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  CALL = 'CALL',
  CHAT = 'CHAT',
  SOCIAL = 'SOCIAL',
}

/** Where a conversation turn came from. */
export enum TurnSource {
  API = 'API',
  GHL = 'GHL',
}

export enum HintStatus {
  SHOWN = 'SHOWN',
  ACCEPTED = 'ACCEPTED',
  DISMISSED = 'DISMISSED',
}

export enum HintVerdict {
  ACCEPTED = 'ACCEPTED',
  DISMISSED = 'DISMISSED',
}

export enum CoachingKind {
  QUICK = 'QUICK',
  DEEP = 'DEEP',
}

/** Phase of a streamed hint. */
export enum HintEventType {
  STARTED = 'STARTED',
  DELTA = 'DELTA',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

export enum CoachingRunStatus {
  RUNNING = 'RUNNING',
}

/** A GoHighLevel webhook delivery's state in the coaching inbox. */
export enum GhlDeliveryStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  DEAD = 'DEAD',
}

export enum GhlDeadLetterReason {
  /** No tenant has proved the app installation for the delivery's GHL location. */
  UNKNOWN_LOCATION = 'UNKNOWN_LOCATION',
  /** The message's GHL user is no active agent of the location (and no open session names one). */
  NO_MATCHING_AGENT = 'NO_MATCHING_AGENT',
  /** Signed, but without the ids its type needs. */
  INVALID_PAYLOAD = 'INVALID_PAYLOAD',
  /** Processing failed `maxAttempts` times. */
  PROCESSING_FAILED = 'PROCESSING_FAILED',
}

export enum SubscriptionStatus {
  TRIALING = 'TRIALING',
  ACTIVE = 'ACTIVE',
  PAST_DUE = 'PAST_DUE',
  CANCELED = 'CANCELED',
}

export enum InvoiceLineKind {
  BASE_FEE = 'BASE_FEE',
  SEATS = 'SEATS',
  OVERAGE = 'OVERAGE',
  PRORATION_CREDIT = 'PRORATION_CREDIT',
  PRORATION_CHARGE = 'PRORATION_CHARGE',
  PARTNER_REVENUE_SHARE = 'PARTNER_REVENUE_SHARE',
}

/** Analytics alert kinds: latency (ms), daily cost (micros), acceptance drop (rate points). */
export enum AlertKind {
  P95_LATENCY = 'P95_LATENCY',
  DAILY_COST = 'DAILY_COST',
  ACCEPTANCE_DROP = 'ACCEPTANCE_DROP',
}

/** Time-series granularity (UTC; weeks start Monday). */
export enum Granularity {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
}

/** API-key / token scopes. */
export const SCOPES = [
  'agents:read',
  'agents:write',
  'coaching:read',
  'coaching:write',
  'analytics:read',
  'analytics:write',
  'billing:read',
  'billing:write',
  'tenants:read',
  'tenants:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export * from './event-vocabulary';
export * from './conversation-signals';
export * from './verticals';
export * from './listing-photo-vocabulary';
export * from './coaching-feature-vocabulary';
export * from './workflow-vocabulary';
