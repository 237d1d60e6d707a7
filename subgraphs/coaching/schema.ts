/**
 * Builds the coaching subgraph schema with core's federated builder. type-graphql refuses to build
 * `@Subscription`s without a `pubSub` option even when every subscription brings its own `subscribe`
 * (ours iterate core/pubsub channels); the stand-in below is never used.
 */
import type { GraphQLSchema } from 'graphql';
import type { BuildSchemaOptions, PubSub } from 'type-graphql';
import { buildFederatedSchema, type SubgraphResolverMap } from '../../core/server/federated-schema';

const UNUSED_PUBSUB: PubSub = {
  publish() {
    throw new Error('coaching subscriptions use core/pubsub channels, not type-graphql topics');
  },
  subscribe() {
    throw new Error('coaching subscriptions use core/pubsub channels, not type-graphql topics');
  },
};

export function buildCoachingSchema(opts: {
  resolvers: BuildSchemaOptions['resolvers'];
  referenceResolvers: SubgraphResolverMap;
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
}): Promise<GraphQLSchema> {
  return buildFederatedSchema({ ...opts, pubSub: UNUSED_PUBSUB });
}
