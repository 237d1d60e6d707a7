import { ConversationTurn } from './conversation-turn';
import { CoachingHint } from './coaching-hint';
import { Qualification } from './qualification';
import { ContactMemory } from './contact-memory';
import { ContactFact } from './contact-fact';
import { ContactSessionSummary } from './contact-summary';
import { MemoryRetention } from './memory-retention';
import { AgentProfile, LocationView, SessionView } from './read-models';
import { OrganizationView } from './organization-view';
import { GhlLocationRoute } from './ghl-location-route';
import { GhlWebhookDelivery } from './ghl-webhook-delivery';
import { QuotaView } from './quota-view';
import { StrategyArm } from './strategy-arm';
import { StrategyOutcome } from './strategy-outcome';
import { outboxEntities } from '../../../core/outbox';

export { ConversationTurn, MAX_TURN_TEXT } from './conversation-turn';
export { CoachingHint } from './coaching-hint';
export { Qualification, QualificationSlots } from './qualification';
export { ContactMemory, MAX_MEMORY_NOTES } from './contact-memory';
export { ContactFact } from './contact-fact';
export { ContactSessionSummary, MAX_SUMMARY_TEXT, SummarySource } from './contact-summary';
export {
  DEFAULT_MEMORY_RETENTION_DAYS,
  MAX_MEMORY_RETENTION_DAYS,
  MemoryRetention,
} from './memory-retention';
export { AgentProfile, LocationView, SessionOrigin, SessionView } from './read-models';
export { OrganizationView } from './organization-view';
export { GhlLocationRoute, ghlRouteId } from './ghl-location-route';
export { QuotaView } from './quota-view';
export { StrategyArm } from './strategy-arm';
export { OutcomeSignal, OutcomeValue, StrategyOutcome } from './strategy-outcome';
export { GHL_INBOX_TABLE, GhlWebhookDelivery } from './ghl-webhook-delivery';

export const coachingEntities = [
  ConversationTurn,
  CoachingHint,
  Qualification,
  ContactMemory,
  // contact memory tiers (contact data: GDPR erase and the retention sweep cover them)
  ContactFact,
  ContactSessionSummary,
  MemoryRetention,
  AgentProfile,
  SessionView,
  LocationView,
  OrganizationView,
  GhlLocationRoute,
  GhlWebhookDelivery,
  QuotaView,
  // the coaching bandit: arms (Beta posteriors) and the outcomes that fed them (learning/)
  StrategyArm,
  StrategyOutcome,
  // the transactional outbox (events published after commit) and consumed-event ids
  ...outboxEntities,
];
