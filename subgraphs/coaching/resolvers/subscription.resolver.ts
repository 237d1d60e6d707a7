/** `coachingHints` and `sessionUpdated`: served over graphql-ws on the subgraph's /graphql path. */
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { HintEventPayload, SessionUpdatePayload } from '../service/channels';
import type { CoachingContext } from '../service/context';
import { subscribeHints, subscribeSessionUpdates } from '../service/subscriptions';
import { HintEvent, SessionUpdate } from './types';

interface SessionArgs {
  sessionId: string;
}

interface HintArgs extends SessionArgs {
  since?: Date | null;
}

@Resolver()
export class CoachingSubscriptionResolver {
  @Subscription(() => HintEvent, {
    description:
      "The session's coaching runs as they stream (over graphql-ws): STARTED, DELTA…, COMPLETED per hint; a repeated STARTED replaces a hint, FAILED withdraws one (see HintEvent.type). Without `since`, only runs started after you subscribe are sent; with `since`, the stored hints created at or after it come first as COMPLETED events, so nothing made while you were away or connecting is missed and none is sent twice. Needs scope coaching:read and a session you may see (NOT_FOUND otherwise).",
    subscribe: ({ args, context }) => {
      const a = args as HintArgs;
      return subscribeHints(context as CoachingContext, a.sessionId, a.since);
    },
  })
  coachingHints(
    @Root() event: HintEventPayload,
    @Arg('sessionId', () => ID, { description: 'The session to follow.' }) _sessionId: string,
    @Arg('since', () => DateTimeResolver, {
      nullable: true,
      description:
        "Replay first the session's stored hints created at or after this time (e.g. the createdAt of the newest hint you have), at most 200, as COMPLETED events; then the live events, each hint once. Omit for live events only.",
    })
    _since?: Date | null,
  ): HintEventPayload {
    return event;
  }

  @Subscription(() => SessionUpdate, {
    description:
      "The session's stage and qualification, sent after each lead turn and coaching run, and once with `ended` true when the session ends (over graphql-ws). Needs scope coaching:read and a session you may see (NOT_FOUND otherwise).",
    subscribe: ({ args, context }) =>
      subscribeSessionUpdates(context as CoachingContext, (args as SessionArgs).sessionId),
  })
  sessionUpdated(
    @Root() update: SessionUpdatePayload,
    @Arg('sessionId', () => ID, { description: 'The session to follow.' }) _sessionId: string,
  ): SessionUpdatePayload & { ended: boolean } {
    return { ...update, ended: update.ended ?? false };
  }
}
