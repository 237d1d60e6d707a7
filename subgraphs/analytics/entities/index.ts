import { outboxEntities } from '../../../core/outbox';
import { Alert } from './alert';
import { HintFact, InvoiceFact, OpportunityFact, SessionFact } from './facts';
import { HourBucket } from './hour-bucket';
import { AnalyticsSettings } from './settings';

export { Alert } from './alert';
export { HintFact, InvoiceFact, OpportunityFact, SessionFact } from './facts';
export { HourBucket, NO_LOCATION } from './hour-bucket';
export { AnalyticsSettings, DEFAULT_SETTINGS } from './settings';

export const analyticsEntities = [
  HourBucket,
  HintFact,
  SessionFact,
  OpportunityFact,
  InvoiceFact,
  AnalyticsSettings,
  Alert,
  ...outboxEntities,
];
