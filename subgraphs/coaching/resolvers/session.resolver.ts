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
    description: `The conversation: the session's most recent turns, oldest first. Needs scope coaching:read and a session you may see (an AGENT only their own; a MANAGER those of their locations and the shared pool).`,
  })
  turns(
    @Root() session: AgentSessionRef,
    @Arg('last', () => Int, {
      defaultValue: 50,
      nullable: true,
      description: 'How many of the most recent turns: 1 to 200, default 50.',
    })
    last: number | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<ConversationTurn[]> {
    return withService(ctx, (svc) => sessionTurns(svc, session.id, last ?? 50));
  }

  @FieldResolver(() => [CoachingHint], {
    description: `The session's coaching hints, newest first. Needs scope coaching:read and a session you may see (an AGENT only their own; a MANAGER those of their locations and the shared pool).`,
  })
  hints(
    @Root() session: AgentSessionRef,
    @Arg('first', () => Int, {
      defaultValue: 20,
      nullable: true,
      description: 'How many of the newest hints: 1 to 100, default 20.',
    })
    first: number | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<CoachingHint[]> {
    return withService(ctx, (svc) => sessionHints(svc, session.id, first ?? 20));
  }

  @FieldResolver(() => Qualification, {
    nullable: true,
    description:
      'What coaching has learned about the lead; null until the first lead turn has been analysed.',
  })
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
    description:
      "The agent's coaching hints across sessions, newest first, one page at a time. Needs scope coaching:read; only hints of sessions you may see are listed (an AGENT sees only their own history, empty for others).",
  })
  coachingHistory(
    @Root() agent: AgentRef,
    @Arg('first', () => Int, {
      defaultValue: 20,
      nullable: true,
      description: 'Page size: 1 to 100, default 20.',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: "The previous page's pageInfo.endCursor; omit for the first page.",
    })
    after: string | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<HintPage> {
    return withService(ctx, (svc) => agentCoachingHistory(svc, agent.id, first ?? 20, after ?? null));
  }
}
