/**
 * What the analytics schema is built from (core/server/subgraph-module.ts: resolvers, one way).
 * type-graphql refuses to build `@Subscription`s without a `pubSub` option even when every subscription
 * brings its own `subscribe` (`alertRaised` iterates a core/pubsub channel); the stand-in is never used.
 */
import type { PubSub } from 'type-graphql';
import type { FederatedSchemaOptions } from '../../../core/server/federated-schema';
import { AlertSubscriptionResolver } from './alert-subscription';
import { analyticsResolvers } from './analytics-resolvers';
import { ContactDataExportOutcomesResolver, ContactDataExportRef } from './contact-data';
import { Agent, Organization } from './types';

const UNUSED_PUBSUB: PubSub = {
  publish() {
    throw new Error('analytics subscriptions use core/pubsub channels, not type-graphql topics');
  },
  subscribe() {
    throw new Error('analytics subscriptions use core/pubsub channels, not type-graphql topics');
  },
};

export const analyticsSchemaOptions: FederatedSchemaOptions = {
  resolvers: [...analyticsResolvers, AlertSubscriptionResolver, ContactDataExportOutcomesResolver],
  // `Agent`, `Organization` and `ContactDataExport` are reached through `_entities` only (their fields are
  // contributed here)
  orphanedTypes: [Agent, Organization, ContactDataExportRef],
  referenceResolvers: {
    Agent: { __resolveReference: (ref: Agent) => ({ id: ref.id }) },
    Organization: { __resolveReference: (ref: Organization) => ({ id: ref.id }) },
  },
  pubSub: UNUSED_PUBSUB,
};
