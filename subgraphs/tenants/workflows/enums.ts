/** Workflows' enums (the tenants subgraph's own; registered with type-graphql here). */
import { registerEnumType } from 'type-graphql';

export enum WorkflowTrigger {
  QUALIFICATION_SCORE = 'QUALIFICATION_SCORE',
  STAGE_REACHED = 'STAGE_REACHED',
  ALERT_RAISED = 'ALERT_RAISED',
  HINT_ACCEPTED = 'HINT_ACCEPTED',
}

export enum WorkflowAction {
  WEBHOOK = 'WEBHOOK',
  TASK = 'TASK',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum TaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

registerEnumType(WorkflowTrigger, {
  name: 'WorkflowTrigger',
  description: 'What fires a workflow.',
  valuesConfig: {
    QUALIFICATION_SCORE: {
      description: "A session's qualification score reaches minScore (once per session).",
    },
    STAGE_REACHED: { description: 'A session reaches the stage (default UNDER_CONTRACT; once per session).' },
    ALERT_RAISED: { description: 'An analytics alert is raised (latency, daily cost, acceptance drop).' },
    HINT_ACCEPTED: { description: 'An agent accepts a coaching hint.' },
  },
});
registerEnumType(WorkflowAction, {
  name: 'WorkflowAction',
  description: 'What a fired workflow does.',
  valuesConfig: {
    WEBHOOK: { description: 'POST a signed JSON body to the workflow URL, retried with backoff.' },
    TASK: { description: 'Create a follow-up task (listed by `tasks`).' },
  },
});
registerEnumType(DeliveryStatus, {
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
});
registerEnumType(TaskStatus, {
  name: 'FollowUpTaskStatus',
  description: 'Whether a follow-up task is done.',
  valuesConfig: { OPEN: { description: 'To do.' }, DONE: { description: 'Done.' } },
});
