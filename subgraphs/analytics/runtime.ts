/**
 * What one running analytics subgraph holds besides its schema: the pub/sub its `alertRaised` subscribers
 * listen on (Redis when `redisUrl` is set, so a subscriber on any instance hears an alert raised on any
 * other; in process otherwise) and what its graphql-ws server needs. Queries and projections need only the
 * request (or the event) and a tenant-scoped EntityManager. (core/server/subgraph-module.ts: every subgraph
 * declares its runtime and context here.)
 */
import type { ContextTokenCodec } from '../../core/context-token';
import type { Logger } from '../../core/logger';
import { createPubSub, type PubSub } from '../../core/pubsub';
import type { RequestContext } from '../../core/request-context';
import type { SubgraphDeps } from '../../core/server/subgraph-module';

export interface AnalyticsRuntime {
  /** Live alert fan-out (service/alert-feed.ts). */
  pubsub: PubSub;
  codec: ContextTokenCodec;
  logger: Logger;
  /** Closes what the runtime created (the pub/sub). */
  close(): Promise<void>;
}

/** What analytics resolvers receive (HTTP requests; subscriptions get `AlertFeedContext`). */
export type AnalyticsContext = RequestContext<AnalyticsRuntime>;

export function createAnalyticsRuntime(deps: SubgraphDeps): AnalyticsRuntime {
  const logger = deps.logger.child({ component: 'analytics' });
  const pubsub = createPubSub({
    redisUrl: deps.config.redisUrl,
    prefix: `${deps.config.redisPrefix}:`,
    onError: (err) => logger.error({ err }, 'redis error'),
  });
  return { pubsub, codec: deps.codec, logger, close: () => pubsub.close() };
}
