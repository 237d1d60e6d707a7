/**
 * graphql-ws on the coaching subgraph's own /graphql path (core/server/subscription-server.ts: the token
 * in the connection params verified once, close 4401 without a valid one, subscriptions only, errors mapped
 * like on HTTP), with coaching's frame and per-connection subscription limits. Each subscription's context
 * carries the runtime and no EntityManager: what it reads runs in a short tenant scope of its own.
 */
import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { attachGraphqlWs } from '../../../core/server/subscription-server';
import type { CoachingRuntime } from '../runtime';
import type { SubscriptionContext } from '../service/context';

export { WS_CLOSE_UNAUTHORIZED } from '../../../core/server/subscription-server';

export function attachSubscriptionServer(
  server: http.Server,
  schema: GraphQLSchema,
  rt: CoachingRuntime,
): () => Promise<void> {
  return attachGraphqlWs<SubscriptionContext>(server, {
    schema,
    codec: rt.codec,
    logger: rt.logger,
    maxPayload: rt.options.wsMaxPayload,
    maxSubscriptions: rt.options.wsMaxSubscriptions,
    context: (principal, requestId, logger) => ({
      principal,
      requestId,
      logger,
      loaders: new Map(),
      runtime: rt,
    }),
  });
}
