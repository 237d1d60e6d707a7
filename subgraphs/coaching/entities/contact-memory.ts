/** Short notes about a contact carried across sessions (what the lead told earlier agents). */
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
