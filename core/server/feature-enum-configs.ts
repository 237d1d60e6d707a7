/**
 * Descriptions of the public enums of coaching features and workflows, registered with type-graphql by
 * vocabulary-enums.ts (the one registering file) — kept apart so that file stays one screenful per domain.
 */
import type { registerEnumType } from 'type-graphql';
import {
  CoachingVariant,
  DraftSentiment,
  DraftStep,
  DraftStepSource,
  FollowUpTaskStatus,
  SessionSummarySource,
  WebhookDeliveryStatus,
  WorkflowAction,
  WorkflowTrigger,
} from '../vocabulary';

type EnumConfig = Parameters<typeof registerEnumType>[1];

export const FEATURE_ENUMS: [object, EnumConfig][] = [
  [
    WorkflowTrigger,
    {
      name: 'WorkflowTrigger',
      description: 'What fires a workflow.',
      valuesConfig: {
        QUALIFICATION_SCORE: {
          description: "A session's qualification score reaches minScore (once per session).",
        },
        STAGE_REACHED: {
          description: 'A session reaches the stage (default UNDER_CONTRACT; once per session).',
        },
        ALERT_RAISED: { description: 'An analytics alert is raised (latency, daily cost, acceptance drop).' },
        HINT_ACCEPTED: { description: 'An agent accepts a coaching hint.' },
      },
    },
  ],
  [
    WorkflowAction,
    {
      name: 'WorkflowAction',
      description: 'What a fired workflow does.',
      valuesConfig: {
        WEBHOOK: { description: 'POST a signed JSON body to the workflow URL, retried with backoff.' },
        TASK: { description: 'Create a follow-up task (listed by `tasks`).' },
      },
    },
  ],
  [
    WebhookDeliveryStatus,
    {
      name: 'WebhookDeliveryStatus',
      description: 'Where a webhook delivery stands.',
      valuesConfig: {
        PENDING: { description: 'Waiting for its first or next attempt (nextAttemptAt).' },
        SENDING: { description: 'An attempt is under way.' },
        SUCCEEDED: { description: 'A 2xx answer was received.' },
        FAILED: {
          description: 'Every attempt failed (or the destination is refused); redeliverWebhook tries again.',
        },
      },
    },
  ],
  [
    FollowUpTaskStatus,
    {
      name: 'FollowUpTaskStatus',
      description: 'Whether a follow-up task is done.',
      valuesConfig: { OPEN: { description: 'To do.' }, DONE: { description: 'Done.' } },
    },
  ],
  [
    DraftStep,
    {
      name: 'DraftStep',
      description: 'A step of draftReply.',
      valuesConfig: {
        ANALYZE: { description: "Analyze the lead's latest messages (in parallel with RETRIEVE)." },
        RETRIEVE: {
          description: 'Select the context the reply must take into account (in parallel with ANALYZE).',
        },
        PLAN: { description: 'Plan the reply.' },
        DRAFT: { description: 'Write the reply.' },
      },
    },
  ],
  [
    DraftStepSource,
    {
      name: 'DraftStepSource',
      description: 'Who answered a draftReply step.',
      valuesConfig: {
        MODEL: { description: 'The model, within the budget.' },
        OFFLINE: { description: 'The offline coach (no model key).' },
        TIMED_OUT: {
          description: 'The model was still answering at the deadline: the offline coach filled in.',
        },
        FAILED: { description: 'The model call failed: the offline coach filled in.' },
      },
    },
  ],
  [
    DraftSentiment,
    {
      name: 'DraftSentiment',
      description: "The lead's mood in their latest messages.",
      valuesConfig: {
        POSITIVE: { description: 'Keen, pleased or ready to move.' },
        NEUTRAL: { description: 'Neither keen nor unhappy.' },
        NEGATIVE: { description: 'Unhappy, hesitant or pulling back.' },
      },
    },
  ],
  [
    SessionSummarySource,
    {
      name: 'SessionSummarySource',
      description: 'Who wrote a session summary.',
      valuesConfig: {
        MODEL: { description: 'The language model (a model key is configured).' },
        OFFLINE: { description: "Built offline from the session's turns, qualification and hints." },
      },
    },
  ],
  [
    CoachingVariant,
    {
      name: 'CoachingVariant',
      description:
        "The approach a hint is written in. The coach learns, per organization, agent role and conversation stage, which variant works best (Thompson sampling over acceptance, the lead's replies and deal progress) and picks it more often.",
      valuesConfig: {
        DIRECT: { description: 'The recommended words or action, no preamble (the baseline).' },
        EMPATHETIC: {
          description: "Acknowledges the lead's feeling or situation first, then the recommendation.",
        },
        QUESTION_LED: { description: 'Ends on an open question that hands the lead the next move.' },
      },
    },
  ],
];
