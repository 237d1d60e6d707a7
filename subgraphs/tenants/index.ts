/**
 * The tenants subgraph: organizations (hierarchy, branding), locations, members & roles, API keys,
 * partner apps, access tokens and the hash-chained audit log.
 */
import { startOutboxRelay } from '../../core/outbox/relay';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { tenantsEntities } from './entities';
import { tenantsMigrations } from './migrations';
import { referenceResolvers, tenantsResolvers } from './resolvers';
import { tenantsRoutes } from './routes';

export const tenantsSubgraph: SubgraphModule = {
  name: 'tenants',
  entities: tenantsEntities,
  migrations: tenantsMigrations,
  buildSchema: (deps) => buildFederatedSchema({ resolvers: tenantsResolvers(deps), referenceResolvers }),
  routes: (deps) => tenantsRoutes(deps),
  /** Publishes the events staged in the outbox (organization, location and partner-app upserts). */
  async start(deps) {
    const relay = startOutboxRelay({ orm: deps.orm, bus: deps.events, logger: deps.logger });
    return () => relay.stop();
  },
};

export { seedTenants, type TenantsSeedInput, type TenantsSeedResult } from './seed';
