/**
 * The tenants subgraph's event consumers, one consumer group each: `tenants-ghl-brand` applies the brand a
 * GoHighLevel install carried (`coaching.ghl_app.installed`) to the organization owning the location
 * (ghl-brand.ts).
 */
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import { EventTypes } from '../../../core/vocabulary';
import type { TenantsRuntime } from '../runtime';
import { ghlBrandHandler, TENANTS_GHL_BRAND_CONSUMER } from './ghl-brand';

export { TENANTS_GHL_BRAND_CONSUMER } from './ghl-brand';

export const subscribeTenantsConsumers: SubscribeConsumers<TenantsRuntime> = async (deps) => {
  await deps.events.subscribe(
    TENANTS_GHL_BRAND_CONSUMER,
    [EventTypes.coachingGhlAppInstalled],
    ghlBrandHandler({ orm: deps.orm, logger: deps.logger }),
  );
  return async () => undefined;
};
