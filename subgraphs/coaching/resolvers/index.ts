/**
 * What the coaching schema is built from (core/server/subgraph-module.ts: resolvers, one way).
 * type-graphql refuses to build `@Subscription`s without a `pubSub` option even when every subscription
 * brings its own `subscribe` (ours iterate core/pubsub channels); the stand-in below is never used.
 */
import type { PubSub } from 'type-graphql';
import type { FederatedSchemaOptions } from '../../../core/server/federated-schema';
import { CoachingResolver } from './coaching.resolver';
import { ContactDataExportCoachingResolver, ContactDataExportRef } from './contact-data.resolver';
import { AgentSessionContactResolver, ContactResolver } from './contact.resolver';
import { GhlResolver } from './ghl.resolver';
import { LearningResolver } from './learning.resolver';
import { referenceResolvers } from './reference-resolvers';
import { AgentFieldsResolver, AgentSessionFieldsResolver } from './session.resolver';
import { CoachingSubscriptionResolver } from './subscription.resolver';
import { DraftReplyResolver } from './draft-reply.resolver';
import { ConversationTurnSignalsResolver } from './turn.resolver';
import { VerticalResolver } from './vertical.resolver';
import { ListingPhotosResolver } from './listing-photos.resolver';
import { AgentRef } from './types';

const UNUSED_PUBSUB: PubSub = {
  publish() {
    throw new Error('coaching subscriptions use core/pubsub channels, not type-graphql topics');
  },
  subscribe() {
    throw new Error('coaching subscriptions use core/pubsub channels, not type-graphql topics');
  },
};

export const coachingSchemaOptions: FederatedSchemaOptions = {
  resolvers: [
    CoachingResolver,
    AgentSessionFieldsResolver,
    AgentFieldsResolver,
    CoachingSubscriptionResolver,
    DraftReplyResolver,
    ConversationTurnSignalsResolver,
    GhlResolver,
    LearningResolver,
    ContactResolver,
    AgentSessionContactResolver,
    ContactDataExportCoachingResolver,
    VerticalResolver,
    ListingPhotosResolver,
  ],
  referenceResolvers,
  // `Agent` and `ContactDataExport` are reachable from no root field; the gateway reaches them through `_entities`
  orphanedTypes: [AgentRef, ContactDataExportRef],
  pubSub: UNUSED_PUBSUB,
};
