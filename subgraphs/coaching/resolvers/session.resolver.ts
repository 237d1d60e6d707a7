/** Fields coaching adds to `AgentSession` and `Agent` (federation entities of the agents subgraph). */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CoachingHint, ConversationTurn, Qualification } from '../entities';
import { withService, type CoachingContext } from '../service/context';
import {
  agentCoachingHistory,
  sessionHints,
  sessionQualification,
  sessionTurns,
  type HintPage,
} from '../service/queries';
import { AgentRef, AgentSessionRef, CoachingHintConnection } from './types';

@Resolver(() => AgentSessionRef)
export class AgentSessionFieldsResolver {
  @FieldResolver(() => [ConversationTurn], {
    description: 'The last `last` turns (at most 200), oldest first.',
  })
  turns(
    @Root() session: AgentSessionRef,
    @Arg('last', () => Int, { defaultValue: 50, nullable: true }) last: number | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<ConversationTurn[]> {
    return withService(ctx, (svc) => sessionTurns(svc, session.id, last ?? 50));
  }

  @FieldResolver(() => [CoachingHint], {
    description: 'The newest `first` hints (at most 100), newest first.',
  })
  hints(
    @Root() session: AgentSessionRef,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingHint[]> {
    return withService(ctx, (svc) => sessionHints(svc, session.id, first ?? 20));
  }

  @FieldResolver(() => Qualification, { nullable: true, description: 'Null until the first lead turn.' })
  qualification(
    @Root() session: AgentSessionRef,
    @Ctx() ctx: CoachingContext,
  ): Promise<Qualification | null> {
    return withService(ctx, (svc) => sessionQualification(svc, session.id));
  }
}

@Resolver(() => AgentRef)
export class AgentFieldsResolver {
  @FieldResolver(() => CoachingHintConnection, {
    description: "The agent's hints, newest first (cursor-paginated).",
  })
  coachingHistory(
    @Root() agent: AgentRef,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<HintPage> {
    return withService(ctx, (svc) => agentCoachingHistory(svc, agent.id, first ?? 20, after ?? null));
  }
}
