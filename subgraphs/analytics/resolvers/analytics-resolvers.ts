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
    description: `Coaching metrics as a time series: one point per UTC hour, day or week of [from, to) that has activity, oldest first. Figures arrive a moment after the events that feed them (hints, ratings, sessions, won deals), not in the same request. Needs scope analytics:read (OWNER, ADMIN, MANAGER); counts only the locations you may see (and agents without a location). A location you cannot see is FORBIDDEN; BAD_USER_INPUT when to is not after from or the range exceeds 400 days (31 days for HOUR).`,
  })
  async analytics(
    @Ctx() ctx: AnalyticsContext,
    @Arg('filter', () => AnalyticsFilter, {
      description: 'The time range, and optionally one location or agent.',
    })
    filter: AnalyticsFilter,
    @Arg('granularity', () => Granularity, {
      defaultValue: Granularity.DAY,
      description: 'The width of each point: HOUR, DAY (default) or WEEK.',
    })
    granularity: Granularity,
  ): Promise<AnalyticsPoint[]> {
    return analyticsSeries(ctx, filter, granularity);
  }

  @Query(() => [Alert], {
    description:
      'Threshold alerts raised with a window starting in [from, to), newest first. Alerts are raised in the background as usage arrives, at most once per kind, location and window; thresholds are set with updateAnalyticsSettings. Needs scope analytics:read; a MANAGER sees the alerts of their locations and the tenant-wide ones; an AGENT gets none. BAD_USER_INPUT when to is not after from or the range exceeds 400 days.',
  })
  async alerts(
    @Ctx() ctx: AnalyticsContext,
    @Arg('from', () => DateTimeResolver, { description: 'Start of the range (inclusive).' }) from: Date,
    @Arg('to', () => DateTimeResolver, { description: 'End of the range (exclusive).' }) to: Date,
    @Arg('kind', () => AlertKind, { nullable: true, description: 'Only alerts of this kind; omit for all.' })
    kind?: AlertKind | null,
  ): Promise<Alert[]> {
    return listAlerts(ctx, from, to, kind);
  }

  @Query(() => AnalyticsSettings, {
    description:
      "Your organization's analytics settings: the value per won deal behind ROI and the alert thresholds (the defaults until changed). Readable by every authenticated caller of the tenant.",
  })
  async analyticsSettings(@Ctx() ctx: AnalyticsContext): Promise<AnalyticsSettings> {
    return settingsFor(ctx);
  }

  @Mutation(() => AnalyticsSettings, {
    description:
      'Changes the tenant-wide ROI value per won deal and alert thresholds and returns the settings. ROI fields use the new value at once; new thresholds apply to alerts raised from then on (earlier alerts stay). Needs scope analytics:write and the OWNER or ADMIN role (FORBIDDEN otherwise); BAD_USER_INPUT for a negative value or an acceptanceDropThreshold above 1.',
  })
  async updateAnalyticsSettings(
    @Ctx() ctx: AnalyticsContext,
    @Arg('input', () => AnalyticsSettingsInput, { description: 'The settings to change.' })
    input: AnalyticsSettingsInput,
  ): Promise<AnalyticsSettings> {
    return updateSettings(ctx, input);
  }
}

@Resolver(() => Agent)
class AgentPerformanceResolver {
  @FieldResolver(() => AgentPerformance, {
    nullable: true,
    description: `The agent's coaching numbers in [from, to) (zeros when there was no activity). Needs scope analytics:read (OWNER, ADMIN, MANAGER); counts only the locations you may see (and agents without a location). Null for an AGENT asking about another agent. BAD_USER_INPUT when to is not after from or the range exceeds 400 days.`,
  })
  async performance(
    @Root() agent: Agent,
    @Ctx() ctx: AnalyticsContext,
    @Arg('from', () => DateTimeResolver, { description: 'Start of the range (inclusive).' }) from: Date,
    @Arg('to', () => DateTimeResolver, { description: 'End of the range (exclusive).' }) to: Date,
  ): Promise<MetricsValues | null> {
    return agentPerformance(ctx, agent.id, from, to);
  }
}

@Resolver(() => Organization)
class OrganizationSummaryResolver {
  @FieldResolver(() => CoachingSummary, {
    description: `Coaching numbers in [from, to) of the whole tenant as far as you may see it (the same for every organization of the tenant: figures are kept per location, not per organization). Needs scope analytics:read (OWNER, ADMIN, MANAGER); counts only the locations you may see (and agents without a location). FORBIDDEN for an organization you cannot see; BAD_USER_INPUT when to is not after from or the range exceeds 400 days.`,
  })
  async coachingSummary(
    @Root() org: Organization,
    @Ctx() ctx: AnalyticsContext,
    @Arg('from', () => DateTimeResolver, { description: 'Start of the range (inclusive).' }) from: Date,
    @Arg('to', () => DateTimeResolver, { description: 'End of the range (exclusive).' }) to: Date,
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
