import type { MigrationObject } from '@mikro-orm/core';
import { initialSchemaMigration } from '../../core/db/migration';

export const analyticsMigrations: MigrationObject[] = [
  initialSchemaMigration('Migration0001AnalyticsInitial'),
];
