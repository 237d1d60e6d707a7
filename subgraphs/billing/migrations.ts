import type { MigrationObject } from '@mikro-orm/core';
import { initialSchemaMigration } from '../../core/db/migration';

export const billingMigrations: MigrationObject[] = [initialSchemaMigration('Migration0001BillingInitial')];
