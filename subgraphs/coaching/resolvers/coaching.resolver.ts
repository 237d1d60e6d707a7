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
    description: 'A hint by id; null when missing or not visible.',
  })
  coachingHint(@Arg('id', () => ID) id: string, @Ctx() ctx: CoachingContext): Promise<CoachingHint | null> {
    return withService(ctx, (svc) => findHint(svc, id));
  }

  @Mutation(() => ConversationTurn, {
    description:
      'Records a turn. A LEAD turn with `coach: true` starts coaching in the background; hints arrive on `coachingHints`.',
  })
  addConversationTurn(
    @Arg('input', () => AddConversationTurnInput) input: AddConversationTurnInput,
    @Ctx() ctx: CoachingContext,
  ): Promise<ConversationTurn> {
    return withService(ctx, (svc) => addConversationTurn(svc, input));
  }

  @Mutation(() => CoachingRun, {
    description: 'Starts a coaching run (optionally for a question); hints arrive on `coachingHints`.',
  })
  requestCoaching(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('question', () => String, { nullable: true }) question: string | null,
    @Arg('kind', () => CoachingKind, { defaultValue: CoachingKind.QUICK, nullable: true })
    kind: CoachingKind | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingRunView> {
    return withService(ctx, (svc) => requestCoaching(svc, { sessionId, question, kind }));
  }

  @Mutation(() => CoachingHint, { description: "Records the agent's verdict on a hint." })
  rateHint(
    @Arg('hintId', () => ID) hintId: string,
    @Arg('verdict', () => HintVerdict) verdict: HintVerdict,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingHint> {
    return withService(ctx, (svc) => rateHint(svc, { hintId, verdict, comment }));
  }
}
