/**
 * The public contract's enums (declared in core/vocabulary) registered with type-graphql in this one place,
 * with one description each, so every subgraph that uses them prints the same SDL. The schema builder
 * (federated-schema.ts) imports this module; code elsewhere imports the enums from core/vocabulary.
 * An enum only appears in a subgraph's schema when one of its types or arguments uses it.
 */
import { registerEnumType } from 'type-graphql';
import {
  AgentRole,
  AlertKind,
  CoachingKind,
  CoachingRunStatus,
  ConversationStage,
  Experience,
  GhlDeadLetterReason,
  GhlDeliveryStatus,
  Granularity,
  HintCategory,
  HintEventType,
  HintStatus,
  HintVerdict,
  InvoiceLineKind,
  MemberRole,
  ObjectionType,
  PropertyType,
  SessionChannel,
  Speaker,
  Specialization,
  SubscriptionStatus,
  TurnSource,
} from '../vocabulary';

// tenants, agents
registerEnumType(MemberRole, { name: 'MemberRole', description: 'A member role inside an organization.' });
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

// coaching
registerEnumType(HintCategory, {
  name: 'HintCategory',
  description: 'What kind of help a coaching hint gives.',
});
registerEnumType(ObjectionType, { name: 'ObjectionType', description: 'The objection a hint answers.' });
registerEnumType(Speaker, { name: 'Speaker', description: 'Who said a conversation turn.' });
registerEnumType(PropertyType, { name: 'PropertyType', description: 'Kind of property a lead wants.' });
registerEnumType(TurnSource, {
  name: 'TurnSource',
  description: 'Where a turn came from: the API or a GoHighLevel webhook.',
});
registerEnumType(HintStatus, {
  name: 'HintStatus',
  description: 'SHOWN until the agent accepts or dismisses the hint.',
});
registerEnumType(HintVerdict, { name: 'HintVerdict', description: "The agent's verdict on a hint." });
registerEnumType(CoachingKind, {
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
registerEnumType(GhlDeliveryStatus, {
  name: 'GhlDeliveryStatus',
  description:
    'PENDING until processed; DONE once its effects committed; DEAD when it cannot be (see reason).',
});
registerEnumType(GhlDeadLetterReason, {
  name: 'GhlDeadLetterReason',
  description: 'Why a GoHighLevel delivery was dead-lettered.',
});

// analytics
registerEnumType(AlertKind, { name: 'AlertKind' });
registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'UTC hours, days, or weeks starting Monday.',
});

// billing
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });
registerEnumType(InvoiceLineKind, {
  name: 'InvoiceLineKind',
  valuesConfig: {
    PARTNER_REVENUE_SHARE: {
      description:
        "A partner app's share of the usage it generated: paid out of the invoice, not added to it.",
    },
  },
});
