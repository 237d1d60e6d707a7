/**
 * What one running tenants subgraph holds besides its schema: the options it signs access tokens with,
 * the workflow webhooks' options and delivery worker, and the waiters for contact erasures.
 * (core/server/subgraph-module.ts: every subgraph declares its runtime and context here.)
 */
import type { AuthOptions, WebhookOptions } from '../../core/config';
import { Arrivals } from '../../core/events/arrivals';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';
import { DeliveryWorker } from './workflows/delivery-worker';

export interface TenantsRuntime {
  /** `issueAccessToken` signs member JWTs with these. */
  signing: Pick<AuthOptions, 'jwtSecret' | 'issuer' | 'audience'>;
  /** Wakes `contactErasure(id, waitSeconds)` readers when a subgraph's erasure answer committed. */
  erasures: Arrivals;
  /** How workflow webhooks are sent (retries, destinations). */
  webhooks: WebhookOptions;
  /** Sends queued workflow webhooks (started and stopped with the subgraph). */
  deliveries: DeliveryWorker;
}

/** What tenants resolvers receive. */
export type TenantsContext = RequestContext<TenantsRuntime>;

export function createTenantsRuntime(deps: Pick<SubgraphDeps, 'config' | 'orm' | 'logger'>): TenantsRuntime {
  const { jwtSecret, issuer, audience } = deps.config.auth;
  const webhooks = deps.config.webhooks;
  const deliveries = new DeliveryWorker(deps.orm, webhooks, deps.logger.child({ component: 'webhooks' }));
  return {
    signing: { jwtSecret, issuer, audience },
    erasures: new Arrivals({ timeoutMs: 0 }),
    webhooks,
    deliveries,
  };
}
