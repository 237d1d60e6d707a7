/**
 * What one running tenants subgraph holds besides its schema: the options it signs access tokens with.
 * (core/server/subgraph-module.ts: every subgraph declares its runtime and context here.)
 */
import type { AuthOptions } from '../../core/config';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';

export interface TenantsRuntime {
  /** `issueAccessToken` signs member JWTs with these. */
  signing: Pick<AuthOptions, 'jwtSecret' | 'issuer' | 'audience'>;
}

/** What tenants resolvers receive. */
export type TenantsContext = RequestContext<TenantsRuntime>;

export function createTenantsRuntime(deps: Pick<SubgraphDeps, 'config'>): TenantsRuntime {
  const { jwtSecret, issuer, audience } = deps.config.auth;
  return { signing: { jwtSecret, issuer, audience } };
}
