/**
 * The billing subgraph: plans, subscriptions, the usage ledger, invoices and partner revenue share. Each
 * tenant's hint limit leaves billing only as `billing.subscription.changed` (coaching enforces it).
 */
import type { SubgraphModule } from '../../core/server/subgraph-module';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { lifecycle, outboxRelayStep } from '../../core/server/subgraph-lifecycle';
import { billingEntities } from './entities';
import { billingMigrations } from './migrations';
import { billingSchemaOptions } from './resolvers';
import { subscribeBillingConsumers } from './consumers';
import { ensurePlans } from './service/catalogue';
import { republishLimits } from './service/republish-limits';
import { createBillingRuntime, type BillingRuntime } from './runtime';

export interface BillingSubgraphOptions {
  now?: () => Date;
  /** Outbox relay poll interval. Default 500 ms. */
  relayIntervalMs?: number;
}

export function createBillingSubgraph(opts: BillingSubgraphOptions = {}): SubgraphModule<BillingRuntime> {
  return {
    name: 'billing',
    entities: billingEntities,
    migrations: billingMigrations,
    async create(deps) {
      const runtime = createBillingRuntime(deps, opts.now);
      return {
        runtime,
        schema: await buildFederatedSchema(billingSchemaOptions),
        routes: [],
        ...lifecycle([
          async () => {
            await deps.orm.em.fork({ clear: true }).transactional((em) => ensurePlans(em));
            return async () => undefined;
          },
          () => subscribeBillingConsumers(deps, runtime),
          outboxRelayStep(deps, opts.relayIntervalMs),
          // after the relay started, so each commit is published at once (service/republish-limits.ts)
          async () => {
            await republishLimits(deps.orm, deps.logger);
            return async () => undefined;
          },
        ]),
      };
    },
  };
}

export const billingSubgraph = createBillingSubgraph();
