import { OutboxEvent } from '../../../core/outbox/outbox-event';
import { ProcessedEvent } from '../../../core/outbox/processed-event';
import { DeadLetter } from '../../../core/outbox/dead-letter';
import { ApiKey } from './api-key';
import { AuditEntry, AuditHead } from './audit-entry';
import { ContactErasure, ContactErasurePart } from './contact-erasure';
import { Location } from './location';
import { Member } from './member';
import { Organization } from './organization';
import { PartnerApp } from './partner-app';
import { RevokedSubject } from './revoked-subject';
import { FollowUpTask, WebhookDelivery, WebhookDeliveryAttempt, Workflow } from '../workflows/entities';

export {
  ApiKey,
  AuditEntry,
  AuditHead,
  ContactErasure,
  ContactErasurePart,
  Location,
  Member,
  Organization,
  PartnerApp,
  RevokedSubject,
};
export { Branding, EMPTY_BRANDING, type BrandingData } from './branding';
export { DEFAULT_VERTICAL } from './organization';

/**
 * The subgraph's tables, plus the transactional outbox its events are staged in, its consumers' record and
 * the dead letters of its events (embedded mode).
 */
export const tenantsEntities = [
  Organization,
  Location,
  Member,
  ApiKey,
  PartnerApp,
  AuditEntry,
  AuditHead,
  RevokedSubject,
  ContactErasure,
  ContactErasurePart,
  Workflow,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  FollowUpTask,
  OutboxEvent,
  ProcessedEvent,
  DeadLetter,
];
