/** Public enums of tenant workflows (plain declarations; registered in core/server). */

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

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum FollowUpTaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
