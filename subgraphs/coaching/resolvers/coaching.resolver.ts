/** Coaching queries and mutations: thin wrappers over the service functions. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CoachingHint, ConversationTurn } from '../entities';
import {
  addConversationTurn,
  rateHint,
  requestCoaching,
  type CoachingRunView,
} from '../service/coaching-service';
import { withService, type CoachingContext } from '../service/context';
import { findHint } from '../service/queries';
import { AddConversationTurnInput, AgentSessionRef, CoachingRun } from './types';
import { CoachingKind, HintVerdict } from '../../../core/vocabulary';

@Resolver(() => CoachingHint)
export class CoachingResolver {
  @FieldResolver(() => AgentSessionRef, {
    description: 'The session the hint was made for (resolved by the agents subgraph).',
  })
  session(@Root() hint: Pick<CoachingHint, 'sessionId'>): AgentSessionRef {
    return { id: hint.sessionId };
  }

  @Query(() => CoachingHint, {
    nullable: true,
    description: `One coaching hint by id; null when it does not exist or its session is not visible to you (the two look alike). Needs scope coaching:read to see hints; visibility follows the session (an AGENT only their own; a MANAGER those of their locations and the shared pool).`,
  })
  coachingHint(
    @Arg('id', () => ID, { description: 'The hint id.' }) id: string,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingHint | null> {
    return withService(ctx, (svc) => findHint(svc, id));
  }

  @Mutation(() => ConversationTurn, {
    description:
      'Records one message of the conversation and returns it at once. A LEAD turn with `coach` true (the default) also starts a QUICK coaching run in the background: its hints arrive later on the `coachingHints` subscription, and sessionUpdated reports the new qualification; when the hint allowance is used up the turn is still recorded and the run ends with a FAILED event carrying QUOTA_EXCEEDED. AGENT turns start no run. Every turn also feeds the proactive detectors (objections and buying signals of turns not coached, a drop in the lead’s tone, compliance risk in the agent’s own words, a lead gone quiet or an agent slow to answer): what they find arrives unasked on `coachingHints` as hints with `detector` and `reason`, at most one per detector and session per cooldown. If the stage the lead’s turn shows differs (e.g. SHOWING), AgentSession.stage follows. Needs scope coaching:write and a session you may see (NOT_FOUND otherwise); CONFLICT with extensions.reason SESSION_ENDED when the session has ended; BAD_USER_INPUT when the text is empty or too long.',
  })
  addConversationTurn(
    @Arg('input', () => AddConversationTurnInput, { description: 'The session, speaker and text.' })
    input: AddConversationTurnInput,
    @Ctx() ctx: CoachingContext,
  ): Promise<ConversationTurn> {
    return withService(ctx, (svc) => addConversationTurn(svc, input));
  }

  @Mutation(() => CoachingRun, {
    description:
      "Starts a coaching run on the session's recent turns (and the question, if any) and returns the run at once, RUNNING; its hints arrive later on `coachingHints` under runId = the run's id. Counts against the organization's monthly hint allowance: QUOTA_EXCEEDED at once when no hint is left. Needs scope coaching:write and a session you may see (NOT_FOUND otherwise); CONFLICT with extensions.reason SESSION_ENDED when the session has ended (a run of a session that ends while it runs withdraws its hints: FAILED with error SESSION_ENDED); BAD_USER_INPUT when the session has no turns and no question is given.",
  })
  requestCoaching(
    @Arg('sessionId', () => ID, { description: 'The session to coach.' }) sessionId: string,
    @Arg('question', () => String, {
      nullable: true,
      description:
        "The agent's question to answer (at most 1000 characters); omit for hints on the conversation.",
    })
    question: string | null,
    @Arg('kind', () => CoachingKind, {
      defaultValue: CoachingKind.QUICK,
      nullable: true,
      description: 'QUICK (default) for live hints, DEEP for a stronger model; null counts as QUICK.',
    })
    kind: CoachingKind | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingRunView> {
    return withService(ctx, (svc) => requestCoaching(svc, { sessionId, question, kind }));
  }

  @Mutation(() => CoachingHint, {
    description:
      "Records the agent's verdict on a hint (its status becomes ACCEPTED or DISMISSED; ratedAt is set) and returns the hint. May be called again to change the verdict or comment; repeating the same verdict and comment changes nothing. Feeds the acceptance figures of analytics. Needs scope coaching:write and a hint whose session you may see (NOT_FOUND otherwise).",
  })
  rateHint(
    @Arg('hintId', () => ID, { description: 'The hint to rate.' }) hintId: string,
    @Arg('verdict', () => HintVerdict, { description: 'Whether the agent used the hint.' })
    verdict: HintVerdict,
    @Arg('comment', () => String, {
      nullable: true,
      description: 'Optional free text (at most 1000 characters); null or omitted clears an earlier comment.',
    })
    comment: string | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingHint> {
    return withService(ctx, (svc) => rateHint(svc, { hintId, verdict, comment }));
  }
}
