/** Short notes about a contact carried across sessions (what the lead told earlier agents). */
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

export const MAX_MEMORY_NOTES = 12;

@Entity({ tableName: 'contact_memories' })
@TenantOwned()
@Unique({ properties: ['tenantId', 'contactId'] })
export class ContactMemory {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 64 })
  contactId!: string;

  @Property({ type: 'json' })
  notes!: string[];

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
