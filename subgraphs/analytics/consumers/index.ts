/** Analytics' event consumers: the projections (group `analytics`) into hour buckets, alerts and outcomes. */
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import type { AnalyticsRuntime } from '../runtime';
import { ANALYTICS_CONSUMER, ANALYTICS_EVENT_TYPES, analyticsEventHandler } from './projections';

export { ANALYTICS_CONSUMER } from './projections';

export const subscribeAnalyticsConsumers: SubscribeConsumers<AnalyticsRuntime> = async (deps) => {
  await deps.events.subscribe(ANALYTICS_CONSUMER, ANALYTICS_EVENT_TYPES, analyticsEventHandler(deps.orm));
  return async () => undefined;
};
