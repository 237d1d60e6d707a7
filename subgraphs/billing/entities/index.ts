import { outboxEntities } from '../../../core/outbox';
import { Adjustment } from './adjustment';
import { Invoice } from './invoice';
import { PartnerApp } from './partner-app';
import { Plan } from './plan';
import { PublishedLimit } from './published-limit';
import { Subscription } from './subscription';
import { UsageRecord } from './usage-record';

export { Adjustment, Invoice, PartnerApp, Plan, PublishedLimit, Subscription, UsageRecord };
export { InvoiceLine } from './invoice';
export { AdjustmentKind } from './adjustment';

export const billingEntities = [
  Plan,
  Subscription,
  UsageRecord,
  PartnerApp,
  Adjustment,
  Invoice,
  PublishedLimit,
  ...outboxEntities,
];
