/**
 * The billing subgraph's event consumers: the `billing` group records the usage ledger from delivered hints
 * and keeps the partner-app read model for revenue share (ledger.ts).
 */
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import { EventTypes } from '../../../core/vocabulary';
import type { BillingRuntime } from '../runtime';
import { BILLING_CONSUMER, billingEventHandler } from './ledger';

export { BILLING_CONSUMER, billingEventHandler } from './ledger';

export const subscribeBillingConsumers: SubscribeConsumers<BillingRuntime> = async (deps, runtime) => {
  await deps.events.subscribe(
    BILLING_CONSUMER,
    [EventTypes.coachingHintDelivered, EventTypes.tenantPartnerAppUpserted],
    billingEventHandler({ orm: deps.orm, events: deps.events, runtime }),
  );
  return async () => undefined;
};
