/**
 * The tenants subgraph's event consumers, one consumer group each: `tenants-ghl-brand` applies the brand a
 * GoHighLevel install carried (`coaching.ghl_app.installed`) to the organization owning the location
 * (ghl-brand.ts);
 * `tenants-audit` appends other subgraphs' sensitive actions and contact-erasure answers to the audit chain
 * (audit-recorded.ts); `tenants-workflows` fires the tenant's workflows on qualification, stage, alert and
 * hint feedback events (../workflows/fire.ts).
 */
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import { EventTypes } from '../../../core/vocabulary';
import type { TenantsRuntime } from '../runtime';
import { auditRecordedHandler, TENANTS_AUDIT_CONSUMER, TENANTS_AUDIT_EVENTS } from './audit-recorded';
import { ghlBrandHandler, TENANTS_GHL_BRAND_CONSUMER } from './ghl-brand';
import { TENANTS_WORKFLOWS_CONSUMER, workflowsHandler } from '../workflows/fire';
import { WORKFLOW_EVENT_TYPES } from '../workflows/triggers';

export { TENANTS_GHL_BRAND_CONSUMER } from './ghl-brand';
export { TENANTS_WORKFLOWS_CONSUMER } from '../workflows/fire';

export const subscribeTenantsConsumers: SubscribeConsumers<TenantsRuntime> = async (deps, runtime) => {
  await deps.events.subscribe(
    TENANTS_GHL_BRAND_CONSUMER,
    [EventTypes.coachingGhlAppInstalled],
    ghlBrandHandler({ orm: deps.orm, logger: deps.logger }),
  );
  await deps.events.subscribe(
    TENANTS_AUDIT_CONSUMER,
    TENANTS_AUDIT_EVENTS,
    auditRecordedHandler({ orm: deps.orm, logger: deps.logger, erasures: runtime.erasures }),
  );
  await deps.events.subscribe(
    TENANTS_WORKFLOWS_CONSUMER,
    WORKFLOW_EVENT_TYPES,
    workflowsHandler({ orm: deps.orm, logger: deps.logger, onQueued: () => runtime.deliveries.poke() }),
  );
  return async () => undefined;
};
