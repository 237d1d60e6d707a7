/**
 * Read-your-writes for what an API key covers. A key's principal (its organizations and locations) is
 * cached; when its caller creates a location or an organization through the credential service (the
 * subgraph that implements it), the cached principal no longer covers it, and the caller's next request — say
 * `createAgent` at the new location — would be refused until the cache entry expired. So after any
 * mutation this gateway sent to the credential service for an API-key caller, that key is resolved
 * afresh on its next use: the upstream answered after its commit, so the fresh principal includes what
 * was just created. (Other gateway instances drop the tenant's cached keys when the location or
 * organization event reaches them: credential-events.ts.) Bearer tokens are signed snapshots: a token
 * covers its member's locations as they were when it was issued.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { PrincipalResolver } from '../principal-resolver';
import { credentialsFrom, type AuthContext } from './use-auth';

export interface ScopeRefreshOptions {
  resolver: PrincipalResolver;
  /** The credential service's URL (any subgraph that implements it); absent: no API keys, nothing to refresh. */
  credentialServiceUrl?: string;
}

function isMutation(operationType: string | undefined, body: unknown): boolean {
  if (operationType) return operationType === 'mutation';
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

export function useScopeRefresh(opts: ScopeRefreshOptions): GatewayPlugin<AuthContext> {
  const service = opts.credentialServiceUrl ? new URL(opts.credentialServiceUrl).origin : null;
  return {
    onFetch({ url, options, context, executionRequest }) {
      if (!service || new URL(url).origin !== service) return;
      if (!isMutation(executionRequest?.operationType, options.body)) return;
      const apiKey = credentialsFrom(context as Parameters<typeof credentialsFrom>[0]).apiKey?.trim();
      if (!apiKey) return;
      // after the upstream answered (its transaction committed), before the caller gets the answer
      return () => opts.resolver.refreshApiKey(apiKey);
    },
  };
}
