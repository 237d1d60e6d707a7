/**
 * Facts the projections keep so they are independent of event order (per-type streams do not order
 * across types): hints (delivery + verdict), sessions (contact, qualification), opportunities (wins),
 * and issued invoices.
 */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

@Entity({ tableName: 'analytics_hints' })
@Index({ properties: ['tenantId', 'sessionId'] })
export class HintFact extends TenantEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  declare id: string;

  @Property({ type: 'string', length: 36 })
  sessionId!: string;

  @Property({ type: 'string', length: 36 })
  agentId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  verdict: 'ACCEPTED' | 'DISMISSED' | null = null;

  @Property({ type: 'datetime', nullable: true })
  feedbackAt: Date | null = null;

  /** The verdict counted in the delivery bucket (null: not counted yet). */
  @Property({ type: 'string', length: 16, nullable: true })
  countedVerdict: 'ACCEPTED' | 'DISMISSED' | null = null;
}

@Entity({ tableName: 'analytics_sessions' })
@Index({ properties: ['tenantId', 'contactId'] })
export class SessionFact extends TenantEntity {
  @Property({ type: 'string', length: 36, nullable: true })
  agentId: string | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  contactId: string | null = null;

  /** The bucket the session's qualification is counted in (its first update). */
  @Property({ type: 'datetime', nullable: true })
  qualHour: Date | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  qualLocationId: string | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  qualAgentId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  lastScore: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastScoreAt: Date | null = null;
}

@Entity({ tableName: 'analytics_opportunities' })
@Index({ properties: ['tenantId', 'contactId'] })
export class OpportunityFact extends TenantEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  declare id: string;

  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId: string | null = null;

  @Property({ type: 'string', length: 32 })
  status!: string;

  @Property({ type: 'datetime', nullable: true })
  wonAt: Date | null = null;

  @Property({ type: 'boolean' })
  attributed: boolean = false;

  @Property({ type: 'string', length: 36, nullable: true })
  attributedAgentId: string | null = null;
}

@Entity({ tableName: 'analytics_invoices' })
export class InvoiceFact extends TenantEntity {
  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Property({ type: 'datetime' })
  periodEnd!: Date;

  @Property({ type: 'integer' })
  totalCents!: number;
}
