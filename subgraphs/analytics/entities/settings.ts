/** Per-tenant analytics settings: ROI value per won deal and alert thresholds (defaults when absent). */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { TenantOwned } from '../../../core/db/tenant-filter';

export const DEFAULT_SETTINGS = {
  valuePerWonDealCents: 900_000,
  p95LatencyThresholdMs: 2_500,
  dailyCostThresholdMicros: 50_000_000,
  acceptanceDropThreshold: 0.2,
  minSamples: 20,
} as const;

@ObjectType({ description: "The tenant's analytics settings (defaults until changed)." })
@Entity({ tableName: 'analytics_settings' })
@TenantOwned()
export class AnalyticsSettings {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId!: string;

  @Field(() => SafeIntResolver, { description: 'Value of a won deal for the ROI estimate, in cents.' })
  @Property({ type: 'integer' })
  valuePerWonDealCents: number = DEFAULT_SETTINGS.valuePerWonDealCents;

  @Field(() => Int, { description: 'Alert when a location-hour p95 latency exceeds this.' })
  @Property({ type: 'integer' })
  p95LatencyThresholdMs: number = DEFAULT_SETTINGS.p95LatencyThresholdMs;

  @Field(() => SafeIntResolver, { description: "Alert when a UTC day's model cost exceeds this (micros)." })
  @Property({ type: 'integer' })
  dailyCostThresholdMicros: number = DEFAULT_SETTINGS.dailyCostThresholdMicros;

  @Field(() => Float, {
    description: "Alert when the day's acceptance rate is this far (0..1) below the prior 7 days.",
  })
  @Property({ type: 'double' })
  acceptanceDropThreshold: number = DEFAULT_SETTINGS.acceptanceDropThreshold;

  @Field(() => Int, { description: 'Samples needed before a latency or acceptance alert is considered.' })
  @Property({ type: 'integer' })
  minSamples: number = DEFAULT_SETTINGS.minSamples;
}
