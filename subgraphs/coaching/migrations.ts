/** The coaching subgraph's migrations: the initial schema from entity metadata. */
import type { MigrationObject } from '@mikro-orm/core';
import { initialSchemaMigration } from '../../core/db/migration';

export const coachingMigrations: MigrationObject[] = [initialSchemaMigration('Migration0001CoachingInitial')];
