import { ConversationTurn } from './conversation-turn';
import { CoachingHint } from './coaching-hint';
import { Qualification } from './qualification';
import { ContactMemory } from './contact-memory';
import { AgentProfile, GhlLocationRoute, LocationView, SessionView } from './read-models';
import { outboxEntities } from '../../../core/outbox';

export { ConversationTurn, MAX_TURN_TEXT } from './conversation-turn';
export { CoachingHint } from './coaching-hint';
export { Qualification, QualificationSlots } from './qualification';
export { ContactMemory, MAX_MEMORY_NOTES } from './contact-memory';
export { AgentProfile, GhlLocationRoute, LocationView, SessionOrigin, SessionView } from './read-models';

export const coachingEntities = [
  ConversationTurn,
  CoachingHint,
  Qualification,
  ContactMemory,
  AgentProfile,
  SessionView,
  LocationView,
  GhlLocationRoute,
  // the transactional outbox (events published after commit) and consumed-event ids
  ...outboxEntities,
];
