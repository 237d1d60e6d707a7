/**
 * Long-term memory of a contact: one fact per (tenant, contact, key) — budget, areas, timeline, financing,
 * bedrooms, property type, motivation — as the lead stated it, with the session it came from and when.
 * Only qualification slots are ever stored (never protected-class attributes: see service/memory-facts.ts).
 * Contact data: erased with the contact (GDPR) and purged after the tenant's retention (memory-retention.ts).
 */
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

@Entity({ tableName: 'contact_facts' })
@Unique({ properties: ['tenantId', 'contactId', 'key'] })
@Index({ properties: ['tenantId', 'updatedAt'] })
export class ContactFact extends TenantEntity {
  @Property({ type: 'string', length: 64 })
  contactId!: string;

  /** A qualification slot key (budget, areas, timelineMonths, …). */
  @Property({ type: 'string', length: 32 })
  key!: string;

  /** The slot's normalized value (number, boolean, string or string list). */
  @Property({ type: 'json' })
  value!: unknown;

  /** The session in which the lead last stated it. */
  @Property({ type: 'string', length: 64 })
  sourceSessionId!: string;

  /** When the lead last stated it. */
  @Property({ type: 'datetime' })
  statedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
