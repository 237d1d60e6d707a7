/**
 * GraphQL enums of the agents subgraph. The shared ones come from core/vocabulary and are registered
 * with type-graphql exactly once, here; `SessionChannel` is this subgraph's own.
 */
import { registerEnumType } from 'type-graphql';
import { AgentRole, ConversationStage, Experience, Specialization } from '../../core/vocabulary';

export enum SessionChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  CALL = 'CALL',
  CHAT = 'CHAT',
  SOCIAL = 'SOCIAL',
}

registerEnumType(AgentRole, { name: 'AgentRole', description: 'What an agent does in a transaction.' });
registerEnumType(Experience, {
  name: 'Experience',
  description: 'How experienced an agent is; coaching adapts to it.',
});
registerEnumType(Specialization, {
  name: 'Specialization',
  description: 'Market segments an agent specializes in.',
});
registerEnumType(ConversationStage, {
  name: 'ConversationStage',
  description: 'Where a lead conversation stands.',
});
registerEnumType(SessionChannel, {
  name: 'SessionChannel',
  description: 'The channel a coaching session runs on.',
});

export { AgentRole, ConversationStage, Experience, Specialization };
