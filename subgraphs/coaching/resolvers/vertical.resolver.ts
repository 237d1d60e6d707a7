/** The vertical templates coaching applies (verticals/): what each changes, for partners and dashboards. */
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AgentRole, HintCategory, Vertical } from '../../../core/vocabulary';
import type { CoachingContext } from '../service/context';
import { listVerticals, type VerticalView } from '../service/vertical';

@ObjectType({ description: 'A qualification slot a vertical scores, with its weight.' })
export class VerticalSlot {
  @Field(() => String, { description: 'The slot: a QualificationSlots field name (e.g. loanAmount).' })
  key!: string;

  @Field(() => Int, { description: 'Its weight in the 0–100 qualification score.' })
  weight!: number;
}

@ObjectType({ description: 'A compliance rule coaching enforces in one vertical.' })
export class VerticalComplianceRule {
  @Field(() => String, { description: 'Stable id, also in a warning hint’s rationale signals.' })
  id!: string;

  @Field(() => String, { description: 'What the rule forbids or requires, in one sentence.' })
  summary!: string;
}

@ObjectType({
  description:
    "A market vertical's coaching template: an organization's vertical decides the qualification slots, hints, vocabulary and compliance rules of its sessions.",
})
export class CoachingVertical {
  @Field(() => Vertical, { description: 'The vertical.' })
  code!: Vertical;

  @Field(() => String, { description: 'Display name.' })
  label!: string;

  @Field(() => String, { description: 'Who the agents of this vertical talk to.' })
  summary!: string;

  @Field(() => [HintCategory], { description: 'The hint categories this vertical coaches, most used first.' })
  hintCategories!: HintCategory[];

  @Field(() => [String], { description: 'Terms the hints and the model use in this vertical.' })
  vocabulary!: string[];

  @Field(() => [VerticalComplianceRule], {
    description: 'Rules checked in every lead and agent turn (Fair Housing applies in every vertical too).',
  })
  complianceRules!: VerticalComplianceRule[];

  slots!: VerticalView['slots'];
}

@Resolver(() => CoachingVertical)
export class VerticalResolver {
  @Query(() => [CoachingVertical], {
    description:
      "The verticals coaching knows and what each changes; an organization's `vertical` (or its alias, e.g. REAL_ESTATE) picks one. Needs scope coaching:read.",
  })
  coachingVerticals(@Ctx() ctx: CoachingContext): VerticalView[] {
    return listVerticals(ctx.principal);
  }

  @FieldResolver(() => [VerticalSlot], {
    description:
      "The qualification slots scored for an agent role, most valuable first (a coordinator's: none).",
  })
  qualificationSlots(
    @Root() vertical: VerticalView,
    @Arg('role', () => AgentRole, { description: 'The agent role.' }) role: AgentRole,
  ): VerticalSlot[] {
    return vertical.slots(role);
  }
}
