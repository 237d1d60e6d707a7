/**
 * Workflows (issue 10 §5), part of the tenants subgraph because a workflow is tenant configuration and
 * tenants already consumes events: triggers (triggers.ts) fire signed webhooks (signature.ts, sender.ts,
 * delivery-worker.ts: a durable queue with retries) or follow-up tasks (fire.ts), served by resolvers.ts.
 */
export { FollowUpTask, WebhookDelivery, WebhookDeliveryAttempt, Workflow } from './entities';
export { DeliveryWorker } from './delivery-worker';
export { TENANTS_WORKFLOWS_CONSUMER, workflowsHandler } from './fire';
export { WORKFLOW_EVENT_TYPES } from './triggers';
export { FollowUpTaskResolver, WebhookDeliveryResolver, WorkflowResolver } from './resolvers';
export {
  signatureHeader,
  verifySignature,
  SIGNATURE_HEADER,
  DELIVERY_ID_HEADER,
  EVENT_HEADER,
} from './signature';
