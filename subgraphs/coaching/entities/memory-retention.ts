/**
 * A tenant's contact-memory retention: facts, session summaries and notes older than `days` are not used
 * and are purged by the sweep (service/memory-retention.ts). No row = DEFAULT_MEMORY_RETENTION_DAYS.
 */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

export const DEFAULT_MEMORY_RETENTION_DAYS = 365;
export const MAX_MEMORY_RETENTION_DAYS = 3_650;

@Entity({ tableName: 'memory_retention_settings' })
@TenantOwned()
export class MemoryRetention {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'integer' })
  days!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
