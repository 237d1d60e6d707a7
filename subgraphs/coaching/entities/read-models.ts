/**
 * Read models fed by other subgraphs' events (no synchronous call to another subgraph on the hot path).
 * Each row keeps `eventAt` (the newest event applied) so a late, older event does not overwrite it.
 * (The GHL location routes derived from LocationView live in ghl-location-route.ts.)
 */
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';
import { AgentRole, ConversationStage, Experience, Specialization } from '../../../core/vocabulary';

@Entity({ tableName: 'agent_profiles' })
@TenantOwned()
@Index({ properties: ['tenantId', 'locationId', 'active'] })
@Index({ properties: ['tenantId', 'ghlUserId'] })
export class AgentProfile {
  @PrimaryKey({ type: 'string', length: 36 })
  agentId!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Enum({ type: 'string', items: () => AgentRole, length: 32 })
  role!: AgentRole;

  @Enum({ type: 'string', items: () => Experience, length: 32 })
  experience!: Experience;

  @Property({ type: 'json' })
  specializations!: Specialization[];

  @Property({ type: 'json' })
  tags!: string[];

  @Property({ type: 'boolean' })
  active!: boolean;

  /** The agent's GoHighLevel user id (to match `userId`/`assignedTo` of webhooks). */
  @Property({ type: 'string', length: 64, nullable: true })
  ghlUserId!: string | null;

  @Property({ type: 'datetime' })
  eventAt!: Date;
}

export enum SessionOrigin {
  AGENTS = 'AGENTS',
  /**
   * Legacy: a placeholder coaching once created for a GHL contact before agents had the session. Coaching
   * no longer creates sessions (agents opens them for `coaching.ghl_conversation.started`); rows may remain.
   */
  COACHING = 'COACHING',
}

@Entity({ tableName: 'session_views' })
@TenantOwned()
@Index({ properties: ['tenantId', 'locationId', 'contactId', 'active'] })
@Index({ properties: ['tenantId', 'agentId'] })
export class SessionView {
  @PrimaryKey({ type: 'string', length: 64 })
  sessionId!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36 })
  agentId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Enum({ type: 'string', items: () => ConversationStage, length: 32 })
  stage!: ConversationStage;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Enum({ type: 'string', items: () => SessionOrigin, length: 16 })
  origin!: SessionOrigin;

  @Property({ type: 'datetime' })
  eventAt!: Date;
}

@Entity({ tableName: 'location_views' })
@TenantOwned()
export class LocationView {
  @PrimaryKey({ type: 'string', length: 36 })
  locationId!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36 })
  organizationId!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  ghlLocationId!: string | null;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'datetime' })
  eventAt!: Date;
}
