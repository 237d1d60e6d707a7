/** `coachingHints` and `sessionUpdated`: served over graphql-ws on the subgraph's /graphql path. */
import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { HintEventPayload, SessionUpdatePayload } from '../service/channels';
import type { CoachingContext } from '../service/context';
import { subscribeHints, subscribeSessionUpdates } from '../service/subscriptions';
import { HintEvent, SessionUpdate } from './types';

interface SessionArgs {
  sessionId: string;
}

@Resolver()
export class CoachingSubscriptionResolver {
  @Subscription(() => HintEvent, {
    description:
      "The session's coaching runs as they stream (over graphql-ws): STARTED, DELTA…, COMPLETED per hint; a repeated STARTED replaces a hint, FAILED withdraws one (see HintEvent.type). Only runs started after you subscribe are sent. Needs scope coaching:read and a session you may see (NOT_FOUND otherwise).",
    subscribe: ({ args, context }) =>
      subscribeHints(context as CoachingContext, (args as SessionArgs).sessionId),
  })
  coachingHints(
    @Root() event: HintEventPayload,
    @Arg('sessionId', () => ID, { description: 'The session to follow.' }) _sessionId: string,
  ): HintEventPayload {
    return event;
  }

  @Subscription(() => SessionUpdate, {
    description:
      "The session's stage and qualification, sent after each lead turn and coaching run (over graphql-ws). Needs scope coaching:read and a session you may see (NOT_FOUND otherwise).",
    subscribe: ({ args, context }) =>
      subscribeSessionUpdates(context as CoachingContext, (args as SessionArgs).sessionId),
  })
  sessionUpdated(
    @Root() update: SessionUpdatePayload,
    @Arg('sessionId', () => ID, { description: 'The session to follow.' }) _sessionId: string,
  ): SessionUpdatePayload {
    return update;
  }
}
