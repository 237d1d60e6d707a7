/**
 * Recent notes about a contact carried across sessions ("Budget: up to $450,000"), newest first. Contact data:
 * erased with the contact (GDPR) and purged after the tenant's retention (memory-retention.ts).
 */
import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

export const MAX_MEMORY_NOTES = 12;

@Entity({ tableName: 'contact_memories' })
@Unique({ properties: ['tenantId', 'contactId'] })
export class ContactMemory extends TenantEntity {
  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Property({ type: 'json' })
  notes!: string[];

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
