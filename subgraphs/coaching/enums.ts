/**
 * GraphQL enums of the coaching subgraph. The shared ones are registered once in
 * core/server/vocabulary-enums (one description each); the rest are this subgraph's own.
 */
import { registerEnumType } from 'type-graphql';
import {
  ConversationStage,
  HintCategory,
  ObjectionType,
  PropertyType,
  Speaker,
} from '../../core/server/vocabulary-enums';

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

export enum CoachingKindEnum {
  QUICK = 'QUICK',
  DEEP = 'DEEP',
}

export enum HintEventType {
  STARTED = 'STARTED',
  DELTA = 'DELTA',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

export enum CoachingRunStatus {
  RUNNING = 'RUNNING',
}

registerEnumType(TurnSource, {
  name: 'TurnSource',
  description: 'Where a turn came from: the API or a GoHighLevel webhook.',
});
registerEnumType(HintStatus, {
  name: 'HintStatus',
  description: 'SHOWN until the agent accepts or dismisses the hint.',
});
registerEnumType(HintVerdict, { name: 'HintVerdict', description: "The agent's verdict on a hint." });
registerEnumType(CoachingKindEnum, {
  name: 'CoachingKind',
  description: 'QUICK: a fast model for live hints; DEEP: a stronger model for an explicit question.',
});
registerEnumType(HintEventType, {
  name: 'HintEventType',
  description: 'Phase of a streamed hint (see HintEvent.type for how to rebuild hints).',
  valuesConfig: {
    STARTED: { description: 'The hint starts — or restarts: clear it (it is being replaced).' },
    DELTA: { description: 'More hint text: append it.' },
    COMPLETED: { description: 'The stored hint: its text is authoritative.' },
    FAILED: { description: 'The hint is withdrawn (`error` says why): remove it.' },
  },
});
registerEnumType(CoachingRunStatus, {
  name: 'CoachingRunStatus',
  description: 'A coaching run is accepted and running.',
});

export { ConversationStage, HintCategory, ObjectionType, PropertyType, Speaker };
