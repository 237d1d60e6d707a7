/**
 * What one running tenants subgraph holds besides its schema: the options it signs access tokens with,
 * and the workflow webhooks' options and delivery worker.
 * (core/server/subgraph-module.ts: every subgraph declares its runtime and context here.)
 */
import type { AuthOptions, WebhookOptions } from '../../core/config';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';
import { DeliveryWorker } from './workflows/delivery-worker';

export interface TenantsRuntime {
  /** `issueAccessToken` signs member JWTs with these. */
  signing: Pick<AuthOptions, 'jwtSecret' | 'issuer' | 'audience'>;
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
  return { signing: { jwtSecret, issuer, audience }, webhooks, deliveries };
}
