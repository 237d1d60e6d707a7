/**
 * The coaching bandit in the API: each hint's `strategy` (category × variant, and the context the variant was
 * picked in) and `coachingEffectiveness`, the per-strategy figures (learning/effectiveness.ts).
 */
import { Arg, Ctx, Field, Float, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AgentRole, ConversationStage, HintCategory } from '../../../core/vocabulary';
import { CoachingVariant } from '../coach/variants';
import { CoachingHint } from '../entities';
import { coachingEffectiveness } from '../learning/effectiveness';
import { withService, type CoachingContext } from '../service/context';

@ObjectType({
  description: 'How a hint was made: its category written in a variant, chosen for a role and a stage.',
})
export class HintStrategy {
  @Field(() => HintCategory, { description: 'The hint category.' })
  category!: HintCategory;

  @Field(() => CoachingVariant, { description: 'The variant the coach picked for this run.' })
  variant!: CoachingVariant;

  @Field(() => AgentRole, { description: "The agent's role the variant was picked for." })
  role!: AgentRole;

  @Field(() => ConversationStage, { description: 'The conversation stage the variant was picked for.' })
  stage!: ConversationStage;

  @Field({
    description: 'The strategy as one key, `CATEGORY/VARIANT` (e.g. `OBJECTION_HANDLING/EMPATHETIC`).',
  })
  key!: string;
}

@ObjectType({
  description:
    "What one strategy (hint category × variant) achieved in the hints you may see, and what the coach's bandit believes about it.",
})
export class StrategyEffectiveness {
  @Field(() => HintCategory, { description: 'The hint category.' })
  category!: HintCategory;

  @Field(() => CoachingVariant, { description: 'The variant.' })
  variant!: CoachingVariant;

  @Field(() => Int, { description: 'Hints shown with this strategy.' })
  hints!: number;

  @Field(() => Int, { description: 'Of those, rated by the agent (accepted or dismissed).' })
  rated!: number;

  @Field(() => Int, { description: 'Of those, accepted.' })
  accepted!: number;

  @Field(() => Float, { nullable: true, description: 'accepted / rated; null when none was rated.' })
  acceptanceRate!: number | null;

  @Field(() => Int, { description: "Hints after which the lead replied (the lead's next message)." })
  replies!: number;

  @Field(() => Int, { description: 'Of those replies, positive in tone.' })
  positiveReplies!: number;

  @Field(() => Int, { description: 'Of those replies, negative in tone.' })
  negativeReplies!: number;

  @Field(() => Float, { nullable: true, description: 'replies / hints; null without hints.' })
  replyRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The category's acceptance rate over all its variants (the baseline); null when none was rated.",
  })
  categoryAcceptanceRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'acceptanceRate / categoryAcceptanceRate − 1: +0.25 means accepted 25% more often than the category on average; null without ratings.',
  })
  lift!: number | null;

  @Field(() => Int, {
    description:
      'Successes the bandit counted for this strategy in the organization (acceptances, positive replies, deals moving forward).',
  })
  successes!: number;

  @Field(() => Int, {
    description: 'Failures the bandit counted (dismissals, negative replies, deals lost).',
  })
  failures!: number;

  @Field(() => Float, {
    description:
      "The bandit's current estimate of this strategy's success rate: the mean of its Beta(1 + successes, 1 + failures) posterior (0.5 before any outcome).",
  })
  posteriorMean!: number;
}

/** What `strategy` is read from: a stored hint, or the hint as published on a session channel. */
type StrategyRoot = Pick<CoachingHint, 'category' | 'variant' | 'strategyRole' | 'strategyStage'>;

@Resolver(() => CoachingHint)
export class LearningResolver {
  @FieldResolver(() => HintStrategy, {
    nullable: true,
    description:
      'The strategy the hint was written with (category × variant) and the role and stage it was chosen for; null for hints made before the coach learned from outcomes.',
  })
  strategy(@Root() hint: StrategyRoot): HintStrategy | null {
    if (!hint.variant || !hint.strategyRole || !hint.strategyStage) return null;
    return {
      category: hint.category,
      variant: hint.variant as CoachingVariant,
      role: hint.strategyRole as AgentRole,
      stage: hint.strategyStage as ConversationStage,
      key: `${hint.category}/${hint.variant}`,
    };
  }

  @Query(() => [StrategyEffectiveness], {
    description:
      "Per strategy (hint category × variant): hints shown, acceptance rate, the lead's reply rate, lift over the category's baseline and the bandit's posterior mean. Hint figures cover the hints you may see (a MANAGER: their locations and the shared pool; an AGENT: their own); the bandit's counts are the organization's. Needs scope coaching:read.",
  })
  coachingEffectiveness(
    @Arg('role', () => AgentRole, { nullable: true, description: 'Only hints made for agents of this role.' })
    role: AgentRole | null,
    @Arg('stage', () => ConversationStage, {
      nullable: true,
      description: 'Only hints made at this conversation stage.',
    })
    stage: ConversationStage | null,
    @Ctx() ctx: CoachingContext,
  ): Promise<StrategyEffectiveness[]> {
    return withService(ctx, (svc) => coachingEffectiveness(svc.principal, svc.em, { role, stage }));
  }
}
