/**
 * The analytics subgraph's migrations: the files of sqlite/ and postgresql/, oldest first.
 * Written by `npm run migrations:create -- analytics` (tools/migrations/create.ts): do not edit by hand.
 */
import { dialectMigrations } from '../../../core/db/dialect-migrations';
import { LEGACY_MIGRATIONS } from './legacy';
import { Migration20261206234158_baseline as sqlite20261206234158_baseline } from './sqlite/Migration20261206234158_baseline';
import { Migration20261207160552_dead_letters as sqlite20261207160552_dead_letters } from './sqlite/Migration20261207160552_dead_letters';
import { Migration20261206234158_baseline as postgresql20261206234158_baseline } from './postgresql/Migration20261206234158_baseline';
import { Migration20261207160552_dead_letters as postgresql20261207160552_dead_letters } from './postgresql/Migration20261207160552_dead_letters';

export const analyticsMigrations = dialectMigrations({
  legacy: LEGACY_MIGRATIONS,
  sqlite: [
    { name: 'Migration20261206234158_baseline', class: sqlite20261206234158_baseline },
    { name: 'Migration20261207160552_dead_letters', class: sqlite20261207160552_dead_letters },
  ],
  postgresql: [
    { name: 'Migration20261206234158_baseline', class: postgresql20261206234158_baseline },
    { name: 'Migration20261207160552_dead_letters', class: postgresql20261207160552_dead_letters },
  ],
});
