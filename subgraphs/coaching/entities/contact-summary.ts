/**
 * Medium-term memory of a contact: one summary per ended session (written once, when coaching learns the
 * session ended: consumers/read-models.ts → service/memory-summary.ts), from the model when a key is set,
 * else built offline from the session's turns, qualification and hints. Contact data: erased with the
 * contact (GDPR) and purged after the tenant's retention (memory-retention.ts).
 */
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';
import { SessionSummarySource as SummarySource } from '../../../core/vocabulary';

export const MAX_SUMMARY_TEXT = 2_000;

/** Who wrote a summary (public vocabulary). */
export { SummarySource };

@Entity({ tableName: 'contact_session_summaries' })
@Unique({ properties: ['tenantId', 'sessionId'] })
@Index({ properties: ['tenantId', 'contactId', 'endedAt'] })
export class ContactSessionSummary extends TenantEntity {
  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Property({ type: 'string', length: 64 })
  sessionId!: string;

  @Property({ type: 'string', length: 36 })
  agentId!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'string', length: 16 })
  source!: SummarySource;

  /** The model that wrote it (null offline). */
  @Property({ type: 'string', length: 64, nullable: true })
  model!: string | null;

  @Property({ type: 'datetime' })
  endedAt!: Date;
}
