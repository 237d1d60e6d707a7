/**
 * The tenants subgraph's migrations: the files of sqlite/ and postgresql/, oldest first.
 * Written by `npm run migrations:create -- tenants` (tools/migrations/create.ts): do not edit by hand.
 */
import { dialectMigrations } from '../../../core/db/dialect-migrations';
import { LEGACY_MIGRATIONS } from './legacy';
import { Migration20261206234144_baseline as sqlite20261206234144_baseline } from './sqlite/Migration20261206234144_baseline';
import { Migration20261207033902_ghl_brand as sqlite20261207033902_ghl_brand } from './sqlite/Migration20261207033902_ghl_brand';
import { Migration20261207061110_contact_erasures as sqlite20261207061110_contact_erasures } from './sqlite/Migration20261207061110_contact_erasures';
import { Migration20261207061619_workflows as sqlite20261207061619_workflows } from './sqlite/Migration20261207061619_workflows';
import { Migration20261207160523_dead_letters as sqlite20261207160523_dead_letters } from './sqlite/Migration20261207160523_dead_letters';
import { Migration20261206234144_baseline as postgresql20261206234144_baseline } from './postgresql/Migration20261206234144_baseline';
import { Migration20261207033902_ghl_brand as postgresql20261207033902_ghl_brand } from './postgresql/Migration20261207033902_ghl_brand';
import { Migration20261207061110_contact_erasures as postgresql20261207061110_contact_erasures } from './postgresql/Migration20261207061110_contact_erasures';
import { Migration20261207061619_workflows as postgresql20261207061619_workflows } from './postgresql/Migration20261207061619_workflows';
import { Migration20261207160523_dead_letters as postgresql20261207160523_dead_letters } from './postgresql/Migration20261207160523_dead_letters';

export const tenantsMigrations = dialectMigrations({
  legacy: LEGACY_MIGRATIONS,
  sqlite: [
    { name: 'Migration20261206234144_baseline', class: sqlite20261206234144_baseline },
    { name: 'Migration20261207033902_ghl_brand', class: sqlite20261207033902_ghl_brand },
    { name: 'Migration20261207061110_contact_erasures', class: sqlite20261207061110_contact_erasures },
    { name: 'Migration20261207061619_workflows', class: sqlite20261207061619_workflows },
    { name: 'Migration20261207160523_dead_letters', class: sqlite20261207160523_dead_letters },
  ],
  postgresql: [
    { name: 'Migration20261206234144_baseline', class: postgresql20261206234144_baseline },
    { name: 'Migration20261207033902_ghl_brand', class: postgresql20261207033902_ghl_brand },
    { name: 'Migration20261207061110_contact_erasures', class: postgresql20261207061110_contact_erasures },
    { name: 'Migration20261207061619_workflows', class: postgresql20261207061619_workflows },
    { name: 'Migration20261207160523_dead_letters', class: postgresql20261207160523_dead_letters },
  ],
});
