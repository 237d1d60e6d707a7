/**
 * Analytics' event consumers: the projections (group `analytics`) into hour buckets, alerts and outcomes;
 * `analytics-alert-fanout` tells `alertRaised` subscribers of each alert raised (alert-fanout.ts).
 */
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import type { AnalyticsRuntime } from '../runtime';
import { EventTypes } from '../../../core/vocabulary';
import { alertFanoutHandler, ANALYTICS_ALERT_FANOUT_CONSUMER } from './alert-fanout';
import { ANALYTICS_CONSUMER, ANALYTICS_EVENT_TYPES, analyticsEventHandler } from './projections';

export { ANALYTICS_CONSUMER } from './projections';
export { ANALYTICS_ALERT_FANOUT_CONSUMER } from './alert-fanout';

export const subscribeAnalyticsConsumers: SubscribeConsumers<AnalyticsRuntime> = async (deps, runtime) => {
  await deps.events.subscribe(ANALYTICS_CONSUMER, ANALYTICS_EVENT_TYPES, analyticsEventHandler(deps.orm));
  await deps.events.subscribe(
    ANALYTICS_ALERT_FANOUT_CONSUMER,
    [EventTypes.analyticsAlertRaised],
    alertFanoutHandler(runtime.pubsub),
  );
  return async () => undefined;
};
