/** Thin resolvers over the analytics service functions. */
import { Arg, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { AnalyticsContext } from '../runtime';
import { Alert } from '../entities/alert';
import { AnalyticsSettings } from '../entities/settings';
import { type MetricsValues } from '../service/aggregate';
import {
  agentPerformance,
  analyticsSeries,
  coachingSummary,
  listAlerts,
  roiOf,
  settingsFor,
  updateSettings,
} from '../service/queries';
import {
  Agent,
  AgentPerformance,
  AnalyticsFilter,
  AnalyticsPoint,
  AnalyticsSettingsInput,
  CoachingSummary,
  Organization,
} from './types';
import { AlertKind, Granularity } from '../../../core/vocabulary';

@Resolver()
class AnalyticsQueryResolver {
  @Query(() => [AnalyticsPoint], {
    description: 'Coaching time series for the visible locations (analytics:read).',
  })
  async analytics(
    @Ctx() ctx: AnalyticsContext,
    @Arg('filter', () => AnalyticsFilter) filter: AnalyticsFilter,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.DAY }) granularity: Granularity,
  ): Promise<AnalyticsPoint[]> {
    return analyticsSeries(ctx, filter, granularity);
  }

  @Query(() => [Alert], { description: 'Raised threshold alerts with a window starting in [from, to).' })
  async alerts(
    @Ctx() ctx: AnalyticsContext,
    @Arg('from', () => DateTimeResolver) from: Date,
    @Arg('to', () => DateTimeResolver) to: Date,
    @Arg('kind', () => AlertKind, { nullable: true }) kind?: AlertKind | null,
  ): Promise<Alert[]> {
    return listAlerts(ctx, from, to, kind);
  }

  @Query(() => AnalyticsSettings)
  async analyticsSettings(@Ctx() ctx: AnalyticsContext): Promise<AnalyticsSettings> {
    return settingsFor(ctx);
  }

  @Mutation(() => AnalyticsSettings, {
    description: 'Owners and admins (analytics:write): ROI value per won deal and alert thresholds.',
  })
  async updateAnalyticsSettings(
    @Ctx() ctx: AnalyticsContext,
    @Arg('input', () => AnalyticsSettingsInput) input: AnalyticsSettingsInput,
  ): Promise<AnalyticsSettings> {
    return updateSettings(ctx, input);
  }
}

@Resolver(() => Agent)
class AgentPerformanceResolver {
  @FieldResolver(() => AgentPerformance, {
    nullable: true,
    description: "The agent's numbers in [from, to) (analytics:read).",
  })
  async performance(
    @Root() agent: Agent,
    @Ctx() ctx: AnalyticsContext,
    @Arg('from', () => DateTimeResolver) from: Date,
    @Arg('to', () => DateTimeResolver) to: Date,
  ): Promise<MetricsValues | null> {
    return agentPerformance(ctx, agent.id, from, to);
  }
}

@Resolver(() => Organization)
class OrganizationSummaryResolver {
  @FieldResolver(() => CoachingSummary, {
    description: "The organization's coaching numbers in [from, to) (analytics:read).",
  })
  async coachingSummary(
    @Root() org: Organization,
    @Ctx() ctx: AnalyticsContext,
    @Arg('from', () => DateTimeResolver) from: Date,
    @Arg('to', () => DateTimeResolver) to: Date,
  ): Promise<CoachingSummary> {
    return coachingSummary(ctx, org.id, from, to);
  }
}

/** `roi` and `attributedValueCents` on every metrics type, from the tenant's settings (one load per request). */
function roiResolver(target: ClassType) {
  @Resolver(() => target)
  class RoiResolver {
    @FieldResolver(() => Float, {
      nullable: true,
      description:
        'ROI estimate: (deals won × value per won deal − model cost) / model cost; null without cost.',
    })
    async roi(@Root() m: MetricsValues, @Ctx() ctx: AnalyticsContext): Promise<number | null> {
      return roiOf(m, (await settingsFor(ctx)).valuePerWonDealCents);
    }

    @FieldResolver(() => SafeIntResolver, { description: 'Deals won × value per won deal, in cents.' })
    async attributedValueCents(@Root() m: MetricsValues, @Ctx() ctx: AnalyticsContext): Promise<number> {
      return m.dealsWon * (await settingsFor(ctx)).valuePerWonDealCents;
    }
  }
  return RoiResolver;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const analyticsResolvers: NonEmptyArray<Function> = [
  AnalyticsQueryResolver,
  AgentPerformanceResolver,
  OrganizationSummaryResolver,
  roiResolver(AnalyticsPoint),
  roiResolver(AgentPerformance),
  roiResolver(CoachingSummary),
];
