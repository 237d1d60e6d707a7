/**
 * The billing subgraph: plans, subscriptions, the usage ledger, quotas, invoices and partner revenue
 * share. `createBillingSubgraph({ quota })` lets `bin/` share one quota gate with coaching; the default
 * module creates it from config (Redis counters with REDIS_URL, else the process-wide memory store).
 */
import type { SubgraphDeps, SubgraphModule } from '../../core/server/subgraph-module';
import { buildFederatedSchema } from '../../core/server/federated-schema';
import { startOutboxRelay } from '../../core/outbox';
import { createQuotaGate, type QuotaGate } from '../../core/quota';
import type { Orm } from '../../core/db/orm';
import { billingEntities } from './entities';
import { billingMigrations } from './migrations';
import { createBillingResolvers } from './resolvers/billing-resolvers';
import { Organization } from './resolvers/types';
import { subscribeBillingConsumers } from './consumers';
import { ensurePlans } from './service/catalogue';
import type { BillingRuntime } from './service/context';
import { ledgerQuotaSource } from './service/subscriptions';

export interface BillingSubgraphOptions {
  quota?: QuotaGate;
  now?: () => Date;
  /** Outbox relay poll interval. Default 500 ms. */
  relayIntervalMs?: number;
}

export function createBillingSubgraph(opts: BillingSubgraphOptions = {}): SubgraphModule & {
  runtime(deps: SubgraphDeps): BillingRuntime;
} {
  const runtimes = new WeakMap<Orm, BillingRuntime>();
  const runtime = (deps: SubgraphDeps): BillingRuntime => {
    let r = runtimes.get(deps.orm);
    if (!r) {
      const quota = opts.quota ?? createQuotaGate({ redisUrl: deps.config.redisUrl });
      quota.setSource(ledgerQuotaSource(deps.orm));
      r = { quota, now: opts.now ?? (() => new Date()), logger: deps.logger };
      runtimes.set(deps.orm, r);
    }
    return r;
  };
  return {
    name: 'billing',
    entities: billingEntities,
    migrations: billingMigrations,
    runtime,
    buildSchema: (deps) =>
      buildFederatedSchema({
        resolvers: createBillingResolvers(runtime(deps)),
        orphanedTypes: [Organization],
        referenceResolvers: { Organization: { __resolveReference: (ref: Organization) => ({ id: ref.id }) } },
      }),
    async start(deps) {
      const rt = runtime(deps);
      await deps.orm.em.fork({ clear: true }).transactional((em) => ensurePlans(em));
      await subscribeBillingConsumers({ orm: deps.orm, events: deps.events, runtime: rt });
      const relay = startOutboxRelay({
        orm: deps.orm,
        bus: deps.events,
        intervalMs: opts.relayIntervalMs,
        logger: deps.logger,
      });
      return async () => {
        await relay.stop();
        if (!opts.quota) await rt.quota.close();
      };
    },
  };
}

export const billingSubgraph = createBillingSubgraph();
export { assertQuota } from '../../core/quota';
