/**
 * The tenants subgraph: organizations (hierarchy, branding), locations, members & roles, API keys,
 * partner apps, access tokens and the hash-chained audit log. Its outbox relay publishes the organization,
 * location and partner-app upserts; its one consumer (consumers/) applies the brand a GoHighLevel install
 * carried (`coaching.ghl_app.installed`) to the organization owning the location.
 */
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle, outboxRelayStep } from '../../core/server/subgraph-lifecycle';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { subscribeTenantsConsumers } from './consumers';
import { tenantsEntities } from './entities';
import { tenantsMigrations } from './migrations';
import { tenantsSchemaOptions } from './resolvers';
import { tenantsRoutes } from './routes';
import { createTenantsRuntime, type TenantsRuntime } from './runtime';

export function createTenantsSubgraph(): SubgraphModule<TenantsRuntime> {
  return {
    name: 'tenants',
    entities: tenantsEntities,
    migrations: tenantsMigrations,
    async create(deps) {
      const runtime = createTenantsRuntime(deps);
      return {
        runtime,
        schema: await buildFederatedSchema(tenantsSchemaOptions),
        routes: tenantsRoutes(deps),
        ...lifecycle([
          // the worker first and stopped last: an attempt under way is recorded before the database closes
          async () => {
            runtime.deliveries.start();
            return () => runtime.deliveries.stop();
          },
          () => subscribeTenantsConsumers(deps, runtime),
          outboxRelayStep(deps),
        ]),
      };
    },
  };
}

export const tenantsSubgraph = createTenantsSubgraph();

export { TENANTS_GHL_BRAND_CONSUMER, TENANTS_WORKFLOWS_CONSUMER } from './consumers';
export type { TenantsContext, TenantsRuntime } from './runtime';
export { seedTenants, type TenantsSeedInput, type TenantsSeedResult } from './seed';
