/**
 * The projection: one row per tenant × UTC hour × location × agent. Counters are plain sums; latency is
 * an HdrHistogram (3 significant digits) stored compressed (base64) and merged at query time, so DAY and
 * WEEK percentiles are exact to the histogram's precision. `locationId` '' is the shared pool (a NULL
 * would defeat the unique key).
 */
import { BigIntType, Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

export const NO_LOCATION = '';

@Entity({ tableName: 'analytics_hour_buckets' })
@Unique({ properties: ['tenantId', 'hourStart', 'locationId', 'agentId'] })
@Index({ properties: ['tenantId', 'agentId', 'hourStart'] })
export class HourBucket extends TenantEntity {
  @Property({ type: 'datetime' })
  hourStart!: Date;

  @Property({ type: 'string', length: 36 })
  locationId!: string;

  @Property({ type: 'string', length: 36 })
  agentId!: string;

  @Property({ type: 'integer' })
  hintsDelivered: number = 0;

  @Property({ type: 'text', nullable: true })
  latencyHistogram: string | null = null;

  @Property({ type: new BigIntType('number') })
  tokensIn: number = 0;

  @Property({ type: new BigIntType('number') })
  tokensOut: number = 0;

  @Property({ type: new BigIntType('number') })
  costMicros: number = 0;

  @Property({ type: 'integer' })
  cacheHits: number = 0;

  /** Feedback on hints delivered in this bucket. */
  @Property({ type: 'integer' })
  accepted: number = 0;

  @Property({ type: 'integer' })
  dismissed: number = 0;

  /** Sessions whose first qualification update fell in this bucket, and the sum of their latest scores (0–100). */
  @Property({ type: 'integer' })
  qualSessions: number = 0;

  @Property({ type: 'integer' })
  qualScoreSum: number = 0;

  /** Won opportunities attributed to coaching (an accepted hint for the contact before the win). */
  @Property({ type: 'integer' })
  dealsWon: number = 0;
}
