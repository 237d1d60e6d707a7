/**
 * The billing subgraph's migrations: the files of sqlite/ and postgresql/, oldest first.
 * Written by `npm run migrations:create -- billing` (tools/migrations/create.ts): do not edit by hand.
 */
import { dialectMigrations } from '../../../core/db/dialect-migrations';
import { LEGACY_MIGRATIONS } from './legacy';
import { Migration20261206234201_baseline as sqlite20261206234201_baseline } from './sqlite/Migration20261206234201_baseline';
import { Migration20261207003054_published_limits as sqlite20261207003054_published_limits } from './sqlite/Migration20261207003054_published_limits';
import { Migration20261207160556_dead_letters as sqlite20261207160556_dead_letters } from './sqlite/Migration20261207160556_dead_letters';
import { Migration20261206234201_baseline as postgresql20261206234201_baseline } from './postgresql/Migration20261206234201_baseline';
import { Migration20261207003054_published_limits as postgresql20261207003054_published_limits } from './postgresql/Migration20261207003054_published_limits';
import { Migration20261207160556_dead_letters as postgresql20261207160556_dead_letters } from './postgresql/Migration20261207160556_dead_letters';

export const billingMigrations = dialectMigrations({
  legacy: LEGACY_MIGRATIONS,
  sqlite: [
    { name: 'Migration20261206234201_baseline', class: sqlite20261206234201_baseline },
    { name: 'Migration20261207003054_published_limits', class: sqlite20261207003054_published_limits },
    { name: 'Migration20261207160556_dead_letters', class: sqlite20261207160556_dead_letters },
  ],
  postgresql: [
    { name: 'Migration20261206234201_baseline', class: postgresql20261206234201_baseline },
    { name: 'Migration20261207003054_published_limits', class: postgresql20261207003054_published_limits },
    { name: 'Migration20261207160556_dead_letters', class: postgresql20261207160556_dead_letters },
  ],
});
