/** `draftReply`: a reply the agent can send the lead, drafted within a time budget. */
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DraftSentiment, DraftStep, DraftStepSource as DraftSource } from '../../../core/vocabulary';
import type { DraftStepName, DraftStepSource } from '../drafting/run-draft';
import type { LeadSentiment } from '../engine/providers/draft-model';
import { withService, type CoachingContext } from '../service/context';
import { draftReply, type DraftReplyView } from '../service/draft-reply';

@ObjectType({ description: 'What one step of a draft did, and when (ms after the draft started).' })
class DraftStepReport {
  @Field(() => DraftStep, { description: 'The step.' })
  step!: DraftStepName;

  @Field(() => DraftSource, { description: 'Who answered it.' })
  source!: DraftStepSource;

  @Field(() => Int, { description: 'When its call started, ms after the draft started.' })
  startedMs!: number;

  @Field(() => Int, {
    description: 'When it ended (the deadline for TIMED_OUT), ms after the draft started.',
  })
  endedMs!: number;

  @Field(() => String, { description: 'The model that answered (offline-coach-v1 offline).' })
  model!: string;
}

@ObjectType({ description: "The draft's analysis of the lead." })
class DraftAnalysis {
  @Field(() => String, { description: 'What the lead wants now.' })
  intent!: string;

  @Field(() => DraftSentiment, { description: "The lead's mood." })
  sentiment!: LeadSentiment;

  @Field(() => [String], { description: 'Objections the lead raised.' })
  objections!: string[];

  @Field(() => String, { description: 'Where the conversation stands.' })
  summary!: string;
}

@ObjectType({ description: 'The plan the draft follows.' })
class DraftPlan {
  @Field(() => String, { description: 'What the reply is for.' })
  goal!: string;

  @Field(() => [String], { description: 'What it covers.' })
  points!: string[];
}

@ObjectType({ description: 'A reply drafted for the agent to send the lead (nothing is sent or stored).' })
class DraftReply {
  @Field(() => ID, { description: 'The session.' })
  sessionId!: string;

  @Field(() => String, { description: 'The reply, checked by the Fair Housing guardrail.' })
  text!: string;

  @Field(() => DraftAnalysis, { description: "The lead's analysis it is based on." })
  analysis!: DraftAnalysis;

  @Field(() => [String], { description: 'The context it takes into account.' })
  context!: string[];

  @Field(() => DraftPlan, { description: 'Its plan.' })
  plan!: DraftPlan;

  @Field(() => [DraftStepReport], {
    description: 'Each step: who answered and when (ANALYZE and RETRIEVE overlap).',
  })
  steps!: DraftStepReport[];

  @Field(() => Int, { description: 'The time budget it ran under, ms.' })
  budgetMs!: number;

  @Field(() => Int, { description: 'How long it took, ms.' })
  elapsedMs!: number;

  @Field(() => Boolean, {
    description:
      'The budget ran out: a step still running at the deadline was replaced by the offline one (best available).',
  })
  budgetExceeded!: boolean;

  @Field(() => Boolean, { description: 'The drafted text steered by a protected class and was replaced.' })
  guardrailTriggered!: boolean;
}

type DraftReplyOut = Omit<DraftReplyView, 'context'> & { context: string[] };

@Resolver()
export class DraftReplyResolver {
  @Mutation(() => DraftReply, {
    description:
      "Drafts the agent's next reply to the lead: analyzes the lead and selects the context in parallel, then plans and writes the reply — model calls when a model key is configured, the offline coach otherwise or for any step not finished within the budget (then budgetExceeded is true). The text passes the Fair Housing guardrail. Nothing is stored or sent. Needs scope coaching:write and a session you may see (NOT_FOUND otherwise); CONFLICT (reason SESSION_ENDED) for an ended session; BAD_USER_INPUT when the session has no turns or budgetMs is outside 100..the configured budget (DRAFT_BUDGET_MS, default 8000).",
  })
  draftReply(
    @Arg('sessionId', () => ID, { description: 'The session to draft a reply in.' }) sessionId: string,
    @Arg('budgetMs', () => Int, {
      nullable: true,
      description: 'The time budget, ms (100..the configured budget); default the configured budget.',
    })
    budgetMs: number | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<DraftReplyOut> {
    return withService(ctx, (svc) => draftReply(svc, sessionId, budgetMs)).then((d) => ({
      ...d,
      context: d.context.facts,
    }));
  }
}
