/** Workflows' enums: part of the public vocabulary (core/workflow-vocabulary.ts), kept under their local names. */
export {
  WorkflowTrigger,
  WorkflowAction,
  WebhookDeliveryStatus as DeliveryStatus,
  FollowUpTaskStatus as TaskStatus,
} from '../../../core/vocabulary';
