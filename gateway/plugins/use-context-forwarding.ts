/**
 * Forwards the caller's signed context token (and request id) on every upstream HTTP call — queries,
 * entity fetches, and entity fetches made while resolving subscription events (which have no client
 * HTTP request, so header propagation cannot be used for them). The token is taken fresh on each fetch
 * (context-tokens.ts): a subscription outlives the token signed when it started.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { CONTEXT_HEADER } from '../../core/context-token';
import type { ContextTokens } from '../context-tokens';
import type { AuthContext } from './use-auth';

export function useContextForwarding(opts: { tokens: ContextTokens }): GatewayPlugin<AuthContext> {
  return {
    async onFetch({ context, options, setOptions }) {
      const ctx = context as Partial<AuthContext> & { request?: Request };
      const token = ctx.principal ? await opts.tokens.for(ctx.principal) : ctx.contextToken;
      if (!token) return;
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      headers[CONTEXT_HEADER] = token;
      const requestId = ctx.request?.headers.get('x-request-id');
      if (requestId) headers['x-request-id'] = requestId;
      setOptions({ ...options, headers });
    },
  };
}
