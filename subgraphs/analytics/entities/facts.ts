/**
 * Facts the projections keep so they are independent of event order (per-type streams do not order
 * across types): hints (delivery + verdict), sessions (contact, qualification), opportunities (wins),
 * and issued invoices.
 */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'analytics_hints' })
@TenantOwned()
@Index({ properties: ['tenantId', 'sessionId'] })
export class HintFact {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

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
@TenantOwned()
@Index({ properties: ['tenantId', 'contactId'] })
export class SessionFact {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

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
@TenantOwned()
@Index({ properties: ['tenantId', 'contactId'] })
export class OpportunityFact {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

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
@TenantOwned()
export class InvoiceFact {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Property({ type: 'datetime' })
  periodEnd!: Date;

  @Property({ type: 'integer' })
  totalCents!: number;
}
