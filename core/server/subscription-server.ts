/**
 * graphql-ws on a subgraph's own /graphql path, for any subgraph that serves subscriptions. Two kinds of
 * connection (core/server/subscription-principal.ts):
 * - direct (a client or a test): `connectionParams: { "x-platform-context": "<token>" }`, verified once in
 *   `onConnect` (close 4401 when missing or invalid); every subscription on it runs as that principal, at most
 *   `maxSubscriptions` of them;
 * - multiplexed (the gateway: `connectionParams: { "x-gateway-mux": "1" }`, one connection per gateway
 *   process carrying every caller's subscriptions): each subscribe carries its caller's signed token in
 *   `payload.extensions["x-platform-context"]`, verified for that subscription alone (missing, expired or
 *   forged → that subscribe fails UNAUTHENTICATED, the others on the connection go on), and the subscription
 *   runs as the principal of its own token, never the connection's. Up to `maxMuxSubscriptions` of them: the
 *   gateway limits each client socket itself (gateway/subscription-limits.ts).
 * Only subscription operations are served; each resolver checks the caller's access. Errors are mapped like
 * on HTTP (codes kept, unexpected ones masked).
 * Used by coaching (subgraphs/coaching/subscriptions/ws-server.ts) and analytics (`alertRaised`).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { ContextTokenCodec } from '../context-token';
import { toGraphQLError } from '../errors';
import type { Logger } from '../logger';
import type { Principal } from '../principal';
import { isMuxConnection, subscriptionPrincipal, tokenFrom } from './subscription-principal';

export const WS_CLOSE_UNAUTHORIZED = 4401;

export interface SubscriptionServerOptions<C> {
  schema: GraphQLSchema;
  codec: ContextTokenCodec;
  logger: Logger;
  /** Largest accepted WebSocket message, bytes (default 64 KiB). */
  maxPayload?: number;
  /** Subscriptions one direct connection may hold (default 100, the gateway's per-socket default). */
  maxSubscriptions?: number;
  /** Subscriptions one multiplexed (gateway) connection may hold (default 50,000). */
  maxMuxSubscriptions?: number;
  /** The context a subscription's resolvers receive. */
  context(principal: Principal, requestId: string, logger: Logger): C;
}

// a type alias (not an interface) so it satisfies graphql-ws's Record<PropertyKey, unknown> constraint
type Extra = { principal?: Principal; mux?: boolean };

function fail(message: string, code: string): readonly GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

/** Attaches the server; the returned function closes it (and every connection). */
export function attachGraphqlWs<C>(
  server: http.Server,
  opts: SubscriptionServerOptions<C>,
): () => Promise<void> {
  const { schema, codec, logger } = opts;
  const maxDirect = opts.maxSubscriptions ?? 100;
  const maxMux = opts.maxMuxSubscriptions ?? 50_000;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: opts.maxPayload ?? 64 * 1024 });
  const logUnexpected = (err: unknown) => logger.error({ err }, 'unexpected subscription error');
  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        if (isMuxConnection(ctx.connectionParams)) {
          ctx.extra.mux = true;
          return true;
        }
        try {
          ctx.extra.principal = await codec.verify(tokenFrom(ctx.connectionParams));
          return true;
        } catch {
          ctx.extra.socket.close(WS_CLOSE_UNAUTHORIZED, 'Unauthorized');
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        let principal: Principal | null;
        try {
          principal = await subscriptionPrincipal(codec, ctx.extra, payload.extensions);
        } catch (err) {
          // thrown out of onSubscribe, graphql-ws closes the socket (4500): every subscription on a mux one
          logUnexpected(err);
          return fail('Unexpected error.', 'INTERNAL_SERVER_ERROR');
        }
        if (!principal) return fail('not authenticated', 'UNAUTHENTICATED');
        // graphql-ws has already entered this subscription in ctx.subscriptions: `>`, or the limit is one less
        if (Object.keys(ctx.subscriptions).length > (ctx.extra.mux ? maxMux : maxDirect))
          return fail('too many subscriptions on this connection', 'RATE_LIMITED');
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('syntax error')];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const op = getOperationAST(document, payload.operationName);
        if (!op || op.operation !== 'subscription')
          return fail('only subscriptions are served over WebSocket; use HTTP POST', 'BAD_REQUEST');
        const requestId = randomUUID();
        const contextValue = opts.context(
          principal,
          requestId,
          logger.child({ subject: principal.subject, transport: ctx.extra.mux ? 'ws-mux' : 'ws' }),
        );
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map((e) => toGraphQLError(e, logUnexpected).toJSON()) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e, logUnexpected).toJSON()),
    },
    wss,
    12_000,
  );
  return async () => {
    await disposable.dispose();
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}
