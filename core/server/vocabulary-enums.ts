/**
 * The public contract's enums (core/vocabulary) registered with type-graphql once, with one description
 * each, so every subgraph that uses them prints the same SDL. Import this module for its side effect
 * before building a schema that uses a vocabulary enum.
 */
import { registerEnumType } from 'type-graphql';
import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  MemberRole,
  ObjectionType,
  PropertyType,
  Speaker,
  Specialization,
} from '../vocabulary';

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
registerEnumType(HintCategory, {
  name: 'HintCategory',
  description: 'What kind of help a coaching hint gives.',
});
registerEnumType(ObjectionType, { name: 'ObjectionType', description: 'The objection a hint answers.' });
registerEnumType(Speaker, { name: 'Speaker', description: 'Who said a conversation turn.' });
registerEnumType(PropertyType, { name: 'PropertyType', description: 'Kind of property a lead wants.' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'A member role inside an organization.' });

export {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  MemberRole,
  ObjectionType,
  PropertyType,
  Speaker,
  Specialization,
};
