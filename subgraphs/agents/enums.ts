/**
 * GraphQL enums of the agents subgraph. The shared ones come from core/vocabulary and are registered
 * once in core/server/vocabulary-enums; `SessionChannel` is this subgraph's own.
 */
import { registerEnumType } from 'type-graphql';
import { AgentRole, ConversationStage, Experience, Specialization } from '../../core/server/vocabulary-enums';

export enum SessionChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  CALL = 'CALL',
  CHAT = 'CHAT',
  SOCIAL = 'SOCIAL',
}

registerEnumType(SessionChannel, {
  name: 'SessionChannel',
  description: 'The channel a coaching session runs on.',
});

export { AgentRole, ConversationStage, Experience, Specialization };
