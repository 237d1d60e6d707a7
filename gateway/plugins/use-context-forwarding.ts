/**
 * Forwards the caller's signed context token (and request id) on every upstream call:
 * - HTTP (queries, entity fetches, and entity fetches made while resolving subscription events, which have
 *   no client HTTP request, so header propagation cannot be used for them): the `x-platform-context` header,
 *   taken fresh on each fetch (context-tokens.ts), since a subscription outlives the token signed when it
 *   started;
 * - graphql-ws subscriptions: in the subscribe message's `extensions` (core/server/subscription-principal.ts).
 *   The upstream connection is one per subgraph and gateway process, shared by every caller (its connection
 *   params are constant, gateway/gateway.ts), so the token cannot travel with the connection; the subgraph
 *   verifies it for each subscription and runs it as that caller. The client's own extensions are not passed
 *   on there: `extensions.connectionParams` would be merged into the shared connection's params by the
 *   executor (@graphql-tools/executor-graphql-ws), and a client-sent token key must never reach the subgraph.
 */
import { getOperationAST, OperationTypeNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { CONTEXT_HEADER } from '../../core/context-token';
import type { ContextTokens } from '../context-tokens';
import type { AuthContext } from './use-auth';

type Ctx = Partial<AuthContext> & { request?: Request };

async function tokenFor(ctx: Ctx, tokens: ContextTokens): Promise<string | undefined> {
  return ctx.principal ? tokens.for(ctx.principal) : ctx.contextToken;
}

export function useContextForwarding(opts: { tokens: ContextTokens }): GatewayPlugin<AuthContext> {
  return {
    async onFetch({ context, options, setOptions }) {
      const ctx = context as Ctx;
      const token = await tokenFor(ctx, opts.tokens);
      if (!token) return;
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      headers[CONTEXT_HEADER] = token;
      const requestId = ctx.request?.headers.get('x-request-id');
      if (requestId) headers['x-request-id'] = requestId;
      setOptions({ ...options, headers });
    },
    async onSubgraphExecute({ executionRequest, setExecutionRequest }) {
      const { document, operationName } = executionRequest;
      const type = executionRequest.operationType ?? getOperationAST(document, operationName)?.operation;
      if (type !== OperationTypeNode.SUBSCRIPTION) return;
      const token = await tokenFor((executionRequest.context ?? {}) as Ctx, opts.tokens);
      // no token: no extensions either, and the subgraph refuses the subscribe (UNAUTHENTICATED)
      setExecutionRequest({ ...executionRequest, extensions: token ? { [CONTEXT_HEADER]: token } : {} });
    },
  };
}
