/**
 * Forwards the caller's signed context token (and request id) on every upstream HTTP call — queries,
 * entity fetches, and entity fetches made while resolving subscription events (which have no client
 * HTTP request, so header propagation cannot be used for them).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { CONTEXT_HEADER } from '../../core/context-token';
import type { AuthContext } from './use-auth';

export function useContextForwarding(): GatewayPlugin<AuthContext> {
  return {
    onFetch({ context, options, setOptions }) {
      const ctx = context as Partial<AuthContext> & { request?: Request };
      const token = ctx.contextToken;
      if (!token) return;
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      headers[CONTEXT_HEADER] = token;
      const requestId = ctx.request?.headers.get('x-request-id');
      if (requestId) headers['x-request-id'] = requestId;
      setOptions({ ...options, headers });
    },
  };
}
