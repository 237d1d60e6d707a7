/**
 * What one running billing subgraph holds besides its schema: its clock (injectable for tests) and logger.
 * (core/server/subgraph-module.ts: every subgraph declares its runtime and context here.)
 */
import type { Logger } from '../../core/logger';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';

export interface BillingRuntime {
  now: () => Date;
  logger: Logger;
}

/** What billing resolvers and service functions receive. */
export type BillingContext = RequestContext<BillingRuntime>;

export function createBillingRuntime(deps: Pick<SubgraphDeps, 'logger'>, now?: () => Date): BillingRuntime {
  return { now: now ?? (() => new Date()), logger: deps.logger };
}
