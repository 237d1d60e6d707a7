/**
 * The tenants subgraph: organizations (hierarchy, branding), locations, members & roles, API keys,
 * partner apps, access tokens and the hash-chained audit log. It consumes no events; its outbox relay
 * publishes the organization, location and partner-app upserts.
 */
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle, outboxRelayStep } from '../../core/server/subgraph-lifecycle';
import type { SubgraphModule } from '../../core/server/subgraph-module';
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
      return {
        runtime: createTenantsRuntime(deps),
        schema: await buildFederatedSchema(tenantsSchemaOptions),
        routes: tenantsRoutes(deps),
        ...lifecycle([outboxRelayStep(deps)]),
      };
    },
  };
}

export const tenantsSubgraph = createTenantsSubgraph();

export type { TenantsContext, TenantsRuntime } from './runtime';
export { seedTenants, type TenantsSeedInput, type TenantsSeedResult } from './seed';
