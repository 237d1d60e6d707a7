/**
 * The `analytics-alert-fanout` consumer group: each `analytics.alert.raised` (published by the outbox
 * relay right after the alert's transaction committed) is published on the tenant's alert channel, where
 * `alertRaised` subscribers on every analytics instance hear it. A live notification: a failure to
 * publish is thrown, so the bus retries it.
 */
import type { PubSub } from '../../../core/pubsub';
import { EventTypes, type EventEnvelope } from '../../../core/vocabulary';
import { alertChannel } from '../service/alert-feed';

export const ANALYTICS_ALERT_FANOUT_CONSUMER = 'analytics-alert-fanout';

export function alertFanoutHandler(pubsub: PubSub): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    if (event.type !== EventTypes.analyticsAlertRaised || !event.tenantId) return;
    await pubsub.publish(alertChannel(event.tenantId), event.payload);
  };
}
