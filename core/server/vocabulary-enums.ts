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
  Vertical,
  ListingIssueKind,
  IssueSeverity,
} from '../vocabulary';
import { ProactiveDetector, Sentiment, TurnIntent } from '../conversation-signals';
import { FEATURE_ENUMS } from './feature-enum-configs';

// tenants, agents
registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: 'A member role inside an organization; it decides the scopes a member token carries.',
  valuesConfig: {
    OWNER: {
      description:
        'Everything, including billing:write (changePlan, closePeriod); a tenant always keeps one OWNER of its root organization.',
    },
    ADMIN: {
      description:
        'Administers organizations, locations, members and keys (tenants:admin) and reads billing; no billing:write.',
    },
    MANAGER: {
      description:
        'Runs agents and coaching in their own locations; reads analytics; no administration or billing.',
    },
    AGENT: { description: 'An agent: sees only their own profile, sessions and coaching (coaching:write).' },
  },
});
registerEnumType(AgentRole, {
  name: 'AgentRole',
  description: 'What an agent does in a transaction.',
  valuesConfig: {
    BUYER_AGENT: { description: 'Represents buyers.' },
    LISTING_AGENT: { description: 'Represents sellers (lists properties).' },
    TRANSACTION_COORDINATOR: { description: 'Coordinates the paperwork and deadlines of deals.' },
  },
});
registerEnumType(Experience, {
  name: 'Experience',
  description: 'How experienced an agent is; coaching adapts to it.',
  valuesConfig: {
    NOVICE: { description: 'New to the job: hints give a ready line to say, in quotes, plus why.' },
    EXPERIENCED: { description: 'Some practice: hints give a cue plus a sample line.' },
    EXPERT: { description: 'Seasoned: hints are one short cue sentence.' },
  },
});
registerEnumType(Specialization, {
  name: 'Specialization',
  description: 'Market segments an agent specializes in.',
  valuesConfig: {
    LUXURY: { description: 'High-end homes.' },
    FIRST_TIME_BUYERS: { description: 'Buyers purchasing their first home.' },
    COMMERCIAL: { description: 'Commercial property.' },
    INVESTMENT: { description: 'Investors and rental property.' },
    RELOCATION: { description: 'Clients moving from another area.' },
    NEW_CONSTRUCTION: { description: 'Newly built homes.' },
  },
});
registerEnumType(ConversationStage, {
  name: 'ConversationStage',
  description: 'Where a lead conversation stands.',
  valuesConfig: {
    INITIAL_CONTACT: { description: 'First contact with the lead.' },
    QUALIFICATION: { description: "Learning the lead's budget, timeline and financing." },
    NEEDS_ANALYSIS: { description: 'Working out what the lead wants in a property.' },
    PROPERTY_SEARCH: { description: 'Looking for matching properties.' },
    SHOWING: { description: 'Visiting properties.' },
    NEGOTIATION: { description: 'Negotiating an offer.' },
    UNDER_CONTRACT: { description: 'An offer is accepted; the deal is pending.' },
    CLOSING: { description: 'Completing the sale.' },
    FOLLOW_UP: { description: 'After the sale, or keeping in touch with a lead not ready yet.' },
  },
});
registerEnumType(SessionChannel, {
  name: 'SessionChannel',
  description: 'The channel a coaching session runs on.',
  valuesConfig: {
    SMS: { description: 'Text messages.' },
    EMAIL: { description: 'Email.' },
    CALL: { description: 'A phone call (turns are transcribed utterances).' },
    CHAT: { description: 'Website or app chat.' },
    SOCIAL: { description: 'Social media messages.' },
  },
});

// coaching
registerEnumType(HintCategory, {
  name: 'HintCategory',
  description: 'What kind of help a coaching hint gives.',
  valuesConfig: {
    OBJECTION_HANDLING: {
      description: 'How to answer an objection the lead raised (see CoachingHint.objection).',
    },
    QUALIFYING_QUESTION: { description: 'A question to learn what is still unknown about the lead.' },
    NEXT_STEP: { description: 'What to propose next (a call, a showing, an offer…).' },
    COMPLIANCE_WARNING: { description: 'A Fair Housing or other compliance risk to avoid.' },
    RAPPORT: { description: 'How to build trust with the lead.' },
    INFORMATION: { description: 'Facts the agent can share.' },
  },
});
registerEnumType(ObjectionType, {
  name: 'ObjectionType',
  description: 'The objection a hint answers.',
  valuesConfig: {
    PRICE: { description: 'The price is too high (or an offer too low).' },
    COMMISSION: { description: "The agent's commission or fees." },
    TIMING: { description: 'Not the right time yet.' },
    TRUST: { description: 'Doubts about the agent or the process.' },
    COMPETITOR: { description: 'Another agent or a for-sale-by-owner route.' },
    JUST_LOOKING: { description: 'Only browsing, not committed.' },
  },
});
registerEnumType(Speaker, {
  name: 'Speaker',
  description: 'Who said a conversation turn.',
  valuesConfig: {
    LEAD: { description: 'The lead (prospective buyer or seller); LEAD turns are coached.' },
    AGENT: { description: 'The agent.' },
  },
});
registerEnumType(ListingIssueKind, {
  name: 'ListingIssueKind',
  description: 'What a flagged issue in a listing photo or its description is about.',
  valuesConfig: {
    CLUTTER: { description: 'Clutter, mess or distracting objects that should be cleared before the shoot.' },
    PEOPLE: { description: 'People (or their reflections) visible in the photo.' },
    PERSONAL_INFO: {
      description:
        'Personal information visible: family photos, names, mail, documents, licence plates, screens.',
    },
    LOW_QUALITY: { description: 'Dark, blurry, tilted or badly framed.' },
    FAIR_HOUSING: {
      description:
        'Wording or imagery that states a preference by a protected class (Fair Housing advertising rules).',
    },
    MISLEADING: { description: 'The photo or text could misrepresent the property.' },
    OTHER: { description: 'Anything else worth fixing.' },
  },
});
registerEnumType(IssueSeverity, {
  name: 'IssueSeverity',
  description: 'How much a flagged issue matters before publishing.',
  valuesConfig: {
    LOW: { description: 'Nice to fix.' },
    MEDIUM: { description: 'Should be fixed before publishing.' },
    HIGH: { description: 'Must be fixed: a legal, privacy or safety problem.' },
  },
});
registerEnumType(Vertical, {
  name: 'Vertical',
  description:
    "A market vertical: it decides the qualification slots, hint emphasis, vocabulary and compliance rules coaching uses for an organization's sessions.",
  valuesConfig: {
    RESIDENTIAL: {
      description: 'Residential resale: buyers and sellers of homes (also the code REAL_ESTATE).',
    },
    LUXURY: {
      description: 'Luxury residential: high-net-worth buyers and sellers, discretion and proof of funds.',
    },
    COMMERCIAL: {
      description: 'Commercial real estate: office, retail and industrial space, for lease or sale.',
    },
    MORTGAGE: { description: 'Mortgage lending: loan officers qualifying borrowers.' },
    PROPERTY_MANAGEMENT: {
      description: 'Property management: owners of rental units and tenant applicants.',
    },
  },
});
registerEnumType(PropertyType, {
  name: 'PropertyType',
  description: 'Kind of property a lead wants.',
  valuesConfig: {
    SINGLE_FAMILY: { description: 'A detached single-family house.' },
    CONDO: { description: 'A condominium unit.' },
    TOWNHOUSE: { description: 'A townhouse.' },
    MULTI_FAMILY: { description: 'A building with several units.' },
    LAND: { description: 'A lot or land.' },
  },
});
registerEnumType(TurnSource, {
  name: 'TurnSource',
  description: 'Where a turn came from: the API or a GoHighLevel webhook.',
  valuesConfig: {
    API: { description: 'Recorded with addConversationTurn.' },
    GHL: { description: 'Recorded from a GoHighLevel message webhook.' },
  },
});
registerEnumType(HintStatus, {
  name: 'HintStatus',
  description: 'SHOWN until the agent accepts or dismisses the hint.',
  valuesConfig: {
    SHOWN: { description: 'Delivered, not rated yet.' },
    ACCEPTED: { description: 'The agent used the hint (rateHint ACCEPTED).' },
    DISMISSED: { description: 'The agent did not use the hint (rateHint DISMISSED).' },
  },
});
registerEnumType(HintVerdict, {
  name: 'HintVerdict',
  description: "The agent's verdict on a hint.",
  valuesConfig: {
    ACCEPTED: { description: 'The agent used the hint.' },
    DISMISSED: { description: 'The agent did not use the hint.' },
  },
});
registerEnumType(CoachingKind, {
  name: 'CoachingKind',
  description: 'QUICK: a fast model for live hints; DEEP: a stronger model for an explicit question.',
  valuesConfig: {
    QUICK: { description: 'A fast model, for live hints during a conversation.' },
    DEEP: { description: 'A stronger, slower model, for an explicit question.' },
  },
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
  valuesConfig: {
    RUNNING: { description: 'Accepted; its hints follow on coachingHints (COMPLETED or FAILED per hint).' },
  },
});
registerEnumType(GhlDeliveryStatus, {
  name: 'GhlDeliveryStatus',
  description:
    'PENDING until processed; DONE once its effects committed; DEAD when it cannot be (see reason).',
  valuesConfig: {
    PENDING: { description: 'Accepted and waiting to be processed (or to be retried).' },
    DONE: { description: 'Processed: its effects (turns, sessions, coaching) are committed.' },
    DEAD: { description: 'Will not be processed: a dead letter; see reason and detail.' },
  },
});
registerEnumType(GhlDeadLetterReason, {
  name: 'GhlDeadLetterReason',
  description: 'Why a GoHighLevel delivery was dead-lettered.',
  valuesConfig: {
    UNKNOWN_LOCATION: {
      description: 'No tenant has connected its GoHighLevel location (connectGhlLocation).',
    },
    NO_MATCHING_AGENT: {
      description: "The message's GoHighLevel user is no active agent of the location (see Agent.ghlUserId).",
    },
    INVALID_PAYLOAD: { description: 'Signed, but without the ids its type needs.' },
    PROCESSING_FAILED: { description: 'Processing failed too many times.' },
  },
});

// analytics
registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: 'Which threshold an analytics alert crossed (thresholds: updateAnalyticsSettings).',
  valuesConfig: {
    P95_LATENCY: {
      description: "A location-hour's p95 hint latency (ms) exceeded p95LatencyThresholdMs.",
    },
    DAILY_COST: {
      description: "A UTC day's model cost (micros) exceeded dailyCostThresholdMicros; tenant-wide.",
    },
    ACCEPTANCE_DROP: {
      description:
        "A UTC day's hint acceptance rate fell acceptanceDropThreshold or more below the prior 7 days; tenant-wide.",
    },
  },
});
registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'UTC hours, days, or weeks starting Monday.',
  valuesConfig: {
    HOUR: { description: 'One point per UTC hour (ranges of at most 31 days).' },
    DAY: { description: 'One point per UTC day.' },
    WEEK: { description: 'One point per week, starting Monday 00:00 UTC.' },
  },
});

// billing
registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'Where a billing subscription stands.',
  valuesConfig: {
    TRIALING: { description: 'In the free trial (until trialEndsAt); plan changes are not prorated.' },
    ACTIVE: { description: 'Paying; coaching runs within the plan limits.' },
    PAST_DUE: { description: 'A payment is overdue.' },
    CANCELED: { description: 'Ended: no coaching hints (quota 0) and no plan changes.' },
  },
});
registerEnumType(InvoiceLineKind, {
  name: 'InvoiceLineKind',
  description: 'What an invoice line charges or credits.',
  valuesConfig: {
    BASE_FEE: { description: "The plan's monthly fee." },
    SEATS: { description: "Seats beyond the plan's included seats." },
    OVERAGE: { description: 'Hints beyond the included ones, at the overage price.' },
    PRORATION_CREDIT: {
      description: 'Credit (negative) for the unused days of the previous plan after a change.',
    },
    PRORATION_CHARGE: { description: 'Charge for the remaining days of the new plan after a change.' },
    PARTNER_REVENUE_SHARE: {
      description:
        "A partner app's share of the usage it generated: paid out of the invoice, not added to it.",
    },
  },
});

// coaching: conversation signals (core/conversation-signals.ts)
registerEnumType(TurnIntent, {
  name: 'TurnIntent',
  description: 'What a conversation turn is doing, as the offline classifier reads it.',
  valuesConfig: {
    GREETING: { description: 'Hello, thanks, small talk.' },
    QUESTION: { description: 'Asks for facts.' },
    OBJECTION: { description: 'Pushes back (see ConversationTurn.objectionType).' },
    BUYING_SIGNAL: { description: 'Wants a next step: a showing, an offer, a call.' },
    SHARING_INFO: { description: 'Tells what they need: budget, timeline, areas, financing…' },
    EMOTIONAL: { description: 'Shares a feeling or a life event (hardship, celebration).' },
    PROPOSAL: { description: 'An agent proposing a next step or an offer.' },
    STATEMENT: { description: 'Anything else.' },
  },
});
registerEnumType(Sentiment, {
  name: 'Sentiment',
  description: 'The tone of a conversation turn.',
  valuesConfig: {
    POSITIVE: { description: 'Warm, excited, agreeing.' },
    NEUTRAL: { description: 'Neither.' },
    NEGATIVE: { description: 'Frustrated, worried, refusing.' },
  },
});
registerEnumType(ProactiveDetector, {
  name: 'ProactiveDetector',
  description: 'A detector over the turn stream that pushes hints nobody asked for.',
  valuesConfig: {
    OBJECTION: { description: 'The lead raised an objection.' },
    BUYING_SIGNAL: { description: 'The lead signalled readiness for a next step.' },
    LEAD_QUIET: { description: "The lead has not answered the agent's last message for a while." },
    AGENT_SLOW: { description: "The agent has not answered the lead's last message for a while." },
    SENTIMENT_DROP: { description: "The lead's tone turned negative." },
    COMPLIANCE_RISK: {
      description:
        "The agent's own message risks a compliance problem: Fair Housing steering, promised returns, pressure.",
    },
  },
});

// coaching memory, learning and drafting; tenant workflows (descriptions in feature-enum-configs.ts)
for (const [values, config] of FEATURE_ENUMS) registerEnumType(values, config);
